import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

const ESC = String.fromCharCode(27);

const ask = (args: string[], input?: string) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/adapters/cli/main.ts", ...args], {
    encoding: "utf8",
    input,
    timeout: 30_000,
  });

describe("ask CLI", () => {
  it("prints a readable answer: the direct answer first, a short overview, the rest a page away", () => {
    const r = ask(["which options work fully air-gapped?"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/air-gapped/i);
    expect(r.stdout).toMatch(/^• .+ · .+/m);
    // The rest of the sources are a page away, whether the page cites some or none.
    expect(r.stdout).toMatch(/Sources \(\d+\) \(--page \d+\)|and \d+ more \(--page \d+\)/);
    expect(r.stdout).toMatch(/Page 1 of \d+: more with --page 2/);
    // Not a terminal: no colour and no wrapping.
    expect(r.stdout).not.toContain(ESC);
  });

  it("prints another page with --page, and every source on the last one", () => {
    const first = ask(["what is KubeSphere?"]).stdout;
    const last = /\(--page (\d+)\)/.exec(first)?.[1];
    expect(last).toBeDefined();
    const all = ask(["--page", String(last), "what is KubeSphere?"]);
    expect(all.status).toBe(0);
    expect(all.stdout).toMatch(/All sources/);
    expect(all.stdout).toMatch(/^\[10\] /m);
    expect(ask(["--page", "x", "q"]).stderr).toMatch(/--page must be a number/);
  });

  it("prints the Answer as one JSON object with --json", () => {
    const r = ask(["--json", "对比 Rancher 和 OpenShift"]);
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a).toMatchObject({ intent: "compare", lang: "zh" });
    expect(a.items.map((i: { id: string }) => i.id)).toEqual(["rancher", "redhat-openshift"]);
    expect(a.sources.length).toBeGreaterThan(0);
  });

  it("keeps the plain text and the items in order in --json, as the evaluation reads them", () => {
    const a = JSON.parse(ask(["--json", "哪些方案支持全内网部署？"]).stdout);
    expect(a.intent).toBe("filter");
    expect(typeof a.text).toBe("string");
    expect(a.text.split("\n")[0]).toBe(a.title);
    expect(a.items.length).toBeGreaterThan(10);
  });

  it("colours for a terminal only, and never with NO_COLOR", () => {
    const env = (extra: Record<string, string>) => {
      const { NO_COLOR: _n, FORCE_COLOR: _f, ...rest } = process.env;
      return { ...rest, ...extra };
    };
    const run = (extra: Record<string, string>) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/adapters/cli/main.ts", "what is KubeSphere?"], {
        encoding: "utf8",
        env: env(extra),
        timeout: 30_000,
      }).stdout;
    expect(run({ FORCE_COLOR: "1" })).toContain(`${ESC}[1m`);
    expect(run({ FORCE_COLOR: "1", NO_COLOR: "1" })).not.toContain(ESC);
  });

  it("runs as `paas-bot` (the package's bin) without npm's banner, so --json pipes", () => {
    const r = spawnSync(process.execPath, ["src/adapters/cli/paas-bot.mjs", "--json", "what is TCS?"], {
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ intent: "product" });
  });

  it("answers stdin one line at a time as JSON Lines, blank lines included", () => {
    const r = ask(["--json"], "what does Huawei offer?\n\n灵雀云\n");
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((a) => a.intent)).toEqual(["vendor", "help", "vendor"]);
  });

  it("prints the exact Slack message and Teams card", () => {
    const slack = JSON.parse(ask(["--format", "slack", "kubesphere"]).stdout);
    expect(typeof slack.text).toBe("string");
    expect(Array.isArray(slack.blocks)).toBe(true);
    const card = JSON.parse(ask(["--format", "teams", "kubesphere"]).stdout);
    expect(card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
  });

  it("rejects a bad flag on stderr with exit code 2", () => {
    const r = ask(["--frobnicate", "x"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option --frobnicate/);
    expect(r.stdout).toBe("");
    expect(ask(["--format", "xml", "x"]).stderr).toMatch(/--format must be one of/);
  });

  it("names an unreadable catalog on stderr with exit code 1", () => {
    const r = ask(["--knowledge", "/nonexistent", "x"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/CATALOG_UNREADABLE/);
    expect(r.stderr).toMatch(/sources\.yaml/);
  });
});

// util-linux `script` gives the CLI a real terminal, where it must prompt instead of reading lines.
describe.skipIf(!existsSync("/usr/bin/script"))("ask CLI on a terminal", () => {
  it("prompts, answers, and asks again until the input ends", () => {
    const r = spawnSync(
      "script",
      ["-qec", `${process.execPath} --import tsx src/adapters/cli/main.ts`, "/dev/null"],
      {
        encoding: "utf8",
        input: "TCS\n灵雀云\n",
        timeout: 30_000,
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.match(/paas-bot> /g)?.length).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toMatch(/That name means 2 different products/);
    expect(r.stdout).toMatch(/灵雀云的产品/);
  });
});
