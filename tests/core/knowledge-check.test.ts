import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function check(edit?: { file: string; change: (text: string) => string }) {
  const dir = mkdtempSync(join(tmpdir(), "paas-check-"));
  dirs.push(dir);
  cpSync("knowledge", dir, { recursive: true });
  if (edit) {
    const path = join(dir, edit.file);
    writeFileSync(path, edit.change(readFileSync(path, "utf8")));
  }
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/knowledge-check.ts", dir], {
    encoding: "utf8",
  });
}

describe("knowledge:check editorial rules", () => {
  it("passes the shipped catalog", () => {
    const run = check();
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^knowledge ok: \d+ products/);
  });

  it("rejects a shown string that addresses editors", () => {
    const run = check({
      file: "vendors/alauda.yaml",
      change: (t) => t.replace(/summary:\n {6}en: "/, 'summary:\n      en: "TODO: ask which one is meant. '),
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/CATALOG_QUALITY/);
    expect(run.stderr).toMatch(/alauda-acp/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects a source users cannot open", () => {
    const run = check({
      file: "sources.yaml",
      change: (t) =>
        `${t}\n  - id: private-notes\n    title: "Team notes"\n    kind: third-party\n    asOf: 2026-11\n`,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/private-notes/);
  });
});
