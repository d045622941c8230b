import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CatalogError } from "../../src/core/catalog/errors.js";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answer } from "../../src/core/engine.js";
import { vocabularyOf } from "../../src/core/vocabulary/load.js";
import { message } from "../../src/core/vocabulary/vocabulary.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the shipped catalog with one file changed. */
function catalogWith(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "paas-vocab-"));
  dirs.push(dir);
  cpSync("knowledge", dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, "utf8")));
  return dir;
}

function problemsOf(dir: string) {
  try {
    loadCatalog(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogError);
    return (error as CatalogError).problems;
  }
  throw new Error("the catalog loaded");
}

describe("vocabulary as data", () => {
  it("loads from the catalog folder and compiles every table", () => {
    const v = vocabularyOf(loadCatalog("knowledge"));
    expect(v.attributes.get("air-gapped")?.opposite).toBe("needs-internet");
    expect(v.notCovered.some((o) => o.id === "kubermatic")).toBe(true);
    expect(v.intents.compare).toContain("对比");
    expect(Object.keys(v.messages.zh).sort()).toEqual(Object.keys(v.messages.en).sort());
  });

  it("a fixture catalog without a vocabulary folder uses the shipped vocabulary", () => {
    const fixture = loadCatalog("tests/fixtures/catalog-min");
    expect(fixture.vocabulary).toBeUndefined();
    expect(vocabularyOf(fixture).attributes.size).toBeGreaterThan(10);
  });

  it("a YAML error names the file and the line", () => {
    const dir = catalogWith("vocabulary/intents.yaml", (t) =>
      t.replace("intents:", "intents:\n  help: [unclosed"),
    );
    const [p] = problemsOf(dir);
    expect(p?.file).toBe("vocabulary/intents.yaml");
    expect(p?.line).toBeGreaterThan(0);
  });

  it("a missing intent group is a schema error with its path", () => {
    const dir = catalogWith("vocabulary/intents.yaml", (t) =>
      t.replace(/\n {2}choice:\n(?: {4}.*\n)+/, "\n"),
    );
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.file === "vocabulary/intents.yaml" && p.path.includes("choice"))).toBe(
      true,
    );
  });

  it("an opposite that is not an attribute is a broken reference", () => {
    const dir = catalogWith("attributes.yaml", (t) =>
      t.replace("opposite: needs-internet", "opposite: needs-interweb"),
    );
    const problems = problemsOf(dir);
    expect(problems[0]).toMatchObject({ file: "attributes.yaml", path: "attributes[0].opposite" });
    expect(problems[0]?.message).toMatch(/needs-interweb/);
  });

  it("a message missing in one language is reported, never shown as a key", () => {
    const dir = catalogWith("messages/zh.yaml", (t) => t.replace(/^clarify\.title: .*\n/m, ""));
    expect(problemsOf(dir)).toContainEqual(
      expect.objectContaining({ file: "messages/zh.yaml", path: "clarify.title" }),
    );
  });

  it("adding a cue is a data edit", () => {
    const dir = catalogWith("attributes.yaml", (t) =>
      t
        .replace("zh: [开源", "zh: [开放源码许可, 开源")
        .replace("en: [open source,", "en: [foss, open source,"),
    );
    const catalog = loadCatalog(dir);
    expect(answer("which ones are FOSS?", catalog).items.map((i) => i.id)).toContain("rancher");
    expect(answer("哪些是开放源码许可的", catalog).items.map((i) => i.id)).toContain("kubesphere");
  });

  it("adding a not-covered offering is a data edit", () => {
    const dir = catalogWith(
      "vocabulary/not-covered.yaml",
      (t) => `${t}  - { id: acme-k8s, name: "Acme K8s", aliases: ["AcmeKube"] }\n`,
    );
    const a = answer("Does AcmeKube run offline?", loadCatalog(dir));
    expect(a.intent).toBe("not-found");
    expect(a.items).toEqual([]);
    expect(a.summary).toMatch(/Acme K8s/);
  });

  it("fills placeholders and shows a missing key rather than crashing", () => {
    const v = vocabularyOf(loadCatalog("knowledge"));
    expect(message(v, "en", "lead.yes", { product: "X", claim: "is open source" })).toBe(
      "Yes — X is open source.",
    );
    expect(message(v, "en", "no.such.key")).toBe("no.such.key");
  });
});
