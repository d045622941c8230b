import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CatalogError } from "../../src/core/catalog/errors.js";
import {
  buildCatalog,
  expandedSize,
  loadCatalog,
  MAX_CATALOG_FILE_BYTES,
  readCatalogFiles,
} from "../../src/core/catalog/load.js";
import { ALIAS_BOMB } from "../helpers/hostile-yaml.js";

const ROOT = resolve(import.meta.dirname, "..", "..");

let dir = "";
const copy = () => {
  dir = mkdtempSync(join(tmpdir(), "paas-bot-hostile-"));
  cpSync(join(ROOT, "knowledge"), dir, { recursive: true });
  return dir;
};
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = "";
});

const catalogError = (run: () => unknown): CatalogError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return error as CatalogError;
  }
  throw new Error("expected a CatalogError");
};

describe("hostile catalog files", () => {
  it("an alias bomb is a problem of its file, not an exception (the yaml path included)", () => {
    const d = copy();
    writeFileSync(join(d, "vendors/zz-bomb.yaml"), ALIAS_BOMB);
    const error = catalogError(() => loadCatalog(d));
    expect(error.problems).toEqual([
      expect.objectContaining({ file: "vendors/zz-bomb.yaml", message: expect.stringMatching(/alias/) }),
    ]);
    // The same bomb with a syntax error after it goes to the positions parser (yaml), whose own
    // alias guard throws: still a problem of the file.
    const files = new Map(readCatalogFiles(join(ROOT, "knowledge")));
    files.set("vendors/zz-bomb.yaml", `${ALIAS_BOMB}\nj: [*i, *i`);
    const slow = catalogError(() => buildCatalog(files));
    expect(slow.problems.some((p) => p.file === "vendors/zz-bomb.yaml")).toBe(true);
  });

  it("a file over the size cap is refused before it is parsed", () => {
    const d = copy();
    writeFileSync(join(d, "vendors/zz-huge.yaml"), `x: "${"y".repeat(MAX_CATALOG_FILE_BYTES)}"`);
    const error = catalogError(() => readCatalogFiles(d));
    expect(error.code).toBe("CATALOG_TOO_LARGE");
    expect(error.problems).toEqual([expect.objectContaining({ file: "vendors/zz-huge.yaml" })]);
  });

  it("counts expanded values with shared nodes once per use, stopping past the limit", () => {
    const leaf = [1, 2, 3];
    expect(expandedSize({ a: leaf, b: leaf })).toBe(1 + 4 + 4);
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(expandedSize(cyclic, 100)).toBeGreaterThan(100);
  });

  it("knowledge:check prints the file and the problem, never a stack trace", () => {
    const d = copy();
    writeFileSync(join(d, "vendors/zz-bomb.yaml"), ALIAS_BOMB);
    const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/knowledge-check.ts", d], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/vendors\/zz-bomb\.yaml: .*alias/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
