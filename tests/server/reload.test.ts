import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_CATALOG_FILE_BYTES } from "../../src/core/catalog/load.js";
import { ROUTES } from "../../src/server/routes.js";
import type { RunningServer } from "../../src/server/server.js";
import { type CapturedLogger, copyKnowledge, postJson, startTestServer } from "./helpers.js";

const FILE = "vendors/alibaba.yaml";
const PRODUCT = { type: "product", id: "alibaba-ack", lang: "en" } as const;
const ORIGINAL_SUMMARY = "Alibaba Cloud's managed Kubernetes service";

describe("catalog reload", () => {
  let knowledge: ReturnType<typeof copyKnowledge>;
  let server: (RunningServer & { log: CapturedLogger }) | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
    knowledge?.remove();
  });

  const start = async (env: Record<string, string> = {}) => {
    knowledge = copyKnowledge();
    server = await startTestServer({ KNOWLEDGE_DIR: knowledge.dir, ...env });
    return server;
  };
  const edit = (change: (text: string) => string) => {
    const path = join(knowledge.dir, FILE);
    writeFileSync(path, change(readFileSync(path, "utf8")));
  };
  const productText = async (s: RunningServer) => {
    const res = await postJson(`${s.url}${ROUTES.ask}`, { state: { r: PRODUCT } });
    expect(res.status).toBe(200);
    return JSON.stringify(await res.json());
  };

  it("applies a valid edit without a restart", async () => {
    const s = await start();
    const before = s.store.info().version;
    expect(await productText(s)).toContain(ORIGINAL_SUMMARY);
    edit((t) => t.replace(ORIGINAL_SUMMARY, "Alibaba Cloud's EDITED managed Kubernetes service"));
    const result = await s.reload("test");
    expect(result).toMatchObject({ ok: true, changed: true });
    expect(s.store.info().version).not.toBe(before);
    expect(await productText(s)).toContain("EDITED managed Kubernetes");
    expect(s.log.events().find((e) => e.msg === "catalog reloaded")).toMatchObject({
      reason: "test",
      previous: before,
    });
  });

  it("reports an unchanged catalog as unchanged", async () => {
    const s = await start();
    expect(await s.reload("test")).toMatchObject({ ok: true, changed: false });
  });

  it.each([
    [
      "a YAML syntax error",
      (t: string) => t.replace("categories: [managed-kubernetes]", "categories: [managed-kubernetes"),
      "CATALOG_YAML_SYNTAX",
    ],
    [
      "a broken reference",
      (t: string) => t.replace("categories: [managed-kubernetes]", "categories: [no-such-category]"),
      "CATALOG_BROKEN_REFERENCE",
    ],
    ["a schema violation", (t: string) => t.replace("  id: alibaba\n", "  id: 42\n"), "CATALOG_SCHEMA"],
  ])(
    "refuses %s, logs file/path/problem, and keeps answering from the last good catalog",
    async (_name, change, code) => {
      const s = await start();
      const before = s.store.info().version;
      edit((t) => t.replace(ORIGINAL_SUMMARY, "Alibaba Cloud's GOOD EDIT managed Kubernetes service"));
      expect(await s.reload("test")).toMatchObject({ ok: true, changed: true });
      const good = s.store.info().version;
      expect(good).not.toBe(before);

      edit(change);
      const result = await s.reload("test");
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe(code);
      expect(result.problems.some((p) => p.file === FILE || p.file.startsWith("vendors/"))).toBe(true);
      expect(s.store.info().version).toBe(good);
      expect(await productText(s)).toContain("GOOD EDIT");
      const refused = s.log
        .events()
        .find((e) => e.level === "warn" && String(e.msg).startsWith("catalog reload refused"));
      expect(refused).toMatchObject({ code, version: good });
      expect(String(refused?.msg)).toContain("vendors/");
      expect(refused?.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ file: expect.any(String), message: expect.any(String) }),
        ]),
      );
    },
  );

  it("answers every request while reloads happen in between", async () => {
    const s = await start();
    let flip = false;
    const reloads = (async () => {
      for (let i = 0; i < 10; i++) {
        flip = !flip;
        edit((t) =>
          flip
            ? t.replace(ORIGINAL_SUMMARY, "Alibaba Cloud's FLIPPED managed Kubernetes service")
            : t.replace("Alibaba Cloud's FLIPPED managed Kubernetes service", ORIGINAL_SUMMARY),
        );
        await s.reload("test");
      }
    })();
    const asks = Array.from({ length: 60 }, (_, i) =>
      postJson(`${s.url}${ROUTES.ask}`, i % 2 ? { q: "What is ACK?" } : { q: "阿里云有哪些产品" }).then(
        (r) => r.status,
      ),
    );
    const [statuses] = await Promise.all([Promise.all(asks), reloads]);
    expect(statuses.every((st) => st === 200)).toBe(true);
  });

  it("with KNOWLEDGE_WATCH=1, picks up a saved file by itself", async () => {
    const s = await start({ KNOWLEDGE_WATCH: "1" });
    const before = s.store.info().version;
    edit((t) => t.replace(ORIGINAL_SUMMARY, "Alibaba Cloud's WATCHED managed Kubernetes service"));
    // Polls until the watcher has reloaded; the test's own timeout bounds the wait.
    while (s.store.info().version === before) await new Promise((r) => setTimeout(r, 25));
    expect(await productText(s)).toContain("WATCHED managed Kubernetes");
    expect(s.log.events().find((e) => e.msg === "catalog reloaded")).toMatchObject({ reason: "watch" });
  });

  it("with KNOWLEDGE_WATCH=1, refuses a broken save and keeps the last good catalog", async () => {
    const s = await start({ KNOWLEDGE_WATCH: "1" });
    const before = s.store.info().version;
    edit((t) => t.replace("categories: [managed-kubernetes]", "categories: [managed-kubernetes"));
    while (!s.log.events().some((e) => String(e.msg).startsWith("catalog reload refused"))) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(s.store.info().version).toBe(before);
    expect(await productText(s)).toContain(ORIGINAL_SUMMARY);
  });

  it("refuses a YAML alias bomb and an oversized file, never throws, and keeps answering", async () => {
    const s = await start();
    const before = s.store.info().version;
    const bomb = [
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...["b", "c", "d", "e", "f", "g", "h", "i"].map((k, i) => {
        const prev = "abcdefgh"[i];
        return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(",")}]`;
      }),
    ].join("\n");
    writeFileSync(join(knowledge.dir, "vendors/zz-bomb.yaml"), bomb);
    const bombed = await s.reload("test");
    expect(bombed).toMatchObject({ ok: false, code: "CATALOG_YAML_SYNTAX" });
    if (!bombed.ok)
      expect(bombed.problems[0]).toMatchObject({
        file: "vendors/zz-bomb.yaml",
        message: expect.stringMatching(/alias/),
      });

    rmSync(join(knowledge.dir, "vendors/zz-bomb.yaml"));
    writeFileSync(
      join(knowledge.dir, "vendors/zz-huge.yaml"),
      "x: ".concat("y".repeat(MAX_CATALOG_FILE_BYTES + 1)),
    );
    const huge = await s.reload("test");
    expect(huge).toMatchObject({ ok: false, code: "CATALOG_TOO_LARGE" });
    if (!huge.ok) expect(huge.problems[0]?.file).toBe("vendors/zz-huge.yaml");

    expect(s.store.info().version).toBe(before);
    expect(await productText(s)).toContain(ORIGINAL_SUMMARY);
  });

  it("parses a reload off the main thread: the event loop keeps turning while it runs", async () => {
    const s = await start();
    edit((t) => t.replace(ORIGINAL_SUMMARY, "Alibaba Cloud's THREADED managed Kubernetes service"));
    let turns = 0;
    const ticker = setInterval(() => {
      turns += 1;
    }, 1);
    const result = await s.reload("test");
    clearInterval(ticker);
    expect(result).toMatchObject({ ok: true, changed: true });
    // The whole read-parse-check ran while this thread went round its loop; a blocking parse would
    // have left the interval no turn until it was over.
    expect(turns).toBeGreaterThan(0);
    expect(await productText(s)).toContain("THREADED");
  });
});
