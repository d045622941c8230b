import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CatalogError, type CatalogErrorCode } from "../../src/core/catalog/errors.js";
import { buildCatalog, type CatalogFiles, loadCatalog } from "../../src/core/catalog/load.js";

const FIXTURE = join(import.meta.dirname, "../fixtures/catalog-min");

function fixtureFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const f of ["sources.yaml", "categories.yaml", "topics.yaml"])
    files.set(f, readFileSync(join(FIXTURE, f), "utf8"));
  for (const f of readdirSync(join(FIXTURE, "vendors")))
    files.set(`vendors/${f}`, readFileSync(join(FIXTURE, "vendors", f), "utf8"));
  return files;
}

function failure(files: CatalogFiles): CatalogError {
  try {
    buildCatalog(files);
  } catch (error) {
    if (error instanceof CatalogError) return error;
    throw error;
  }
  throw new Error("the catalog loaded, but it should have failed");
}

interface BrokenCase {
  name: string;
  file: string;
  edit: (text: string) => string;
  code: CatalogErrorCode;
  path: string;
  line?: number;
  message: RegExp;
  /** Where the problem is reported, when not in the edited file. */
  reportedIn?: string;
}

const VENDOR = "vendors/acme.yaml";

// Each broken file must be reported with its file, the path inside it, the line where known, and the problem.
const CASES: BrokenCase[] = [
  {
    name: "YAML syntax error",
    file: VENDOR,
    edit: (t) => t.replace("aliases: [AP]", "aliases: [AP"),
    code: "CATALOG_YAML_SYNTAX",
    path: "",
    message: /flow sequence|expected/i,
  },
  {
    name: "duplicate key",
    file: VENDOR,
    edit: (t) => t.replace("    aliases: [AP]", "    aliases: [AP]\n    aliases: [B]"),
    code: "CATALOG_YAML_SYNTAX",
    path: "",
    line: 10,
    message: /unique/i,
  },
  {
    name: "missing Chinese name",
    file: VENDOR,
    edit: (t) =>
      t.replace('name: { en: "Acme Platform", zh: "艾克米平台" }', 'name: { en: "Acme Platform" }'),
    code: "CATALOG_SCHEMA",
    path: "products[0].name.zh",
    line: 8,
    message: /expected string/i,
  },
  {
    name: "empty English text",
    file: VENDOR,
    edit: (t) => t.replace('summary: { en: "A platform."', 'summary: { en: "  "'),
    code: "CATALOG_SCHEMA",
    path: "products[0].summary.en",
    line: 12,
    message: /English text is empty/,
  },
  {
    name: "bad id",
    file: VENDOR,
    edit: (t) => t.replace("- id: acme-platform", "- id: Acme Platform"),
    code: "CATALOG_SCHEMA",
    path: "products[0].id",
    line: 7,
    message: /lowercase words/,
  },
  {
    name: "unknown field",
    file: VENDOR,
    edit: (t) => t.replace("    aliases: [AP]", "    aliasses: [AP]"),
    code: "CATALOG_SCHEMA",
    path: "products[0]",
    line: 7,
    message: /aliasses/,
  },
  {
    name: "fact without source",
    file: VENDOR,
    edit: (t) => t.replace("sources: [acme-docs]", "sources: []"),
    code: "CATALOG_SCHEMA",
    path: "products[0].facts[0].sources",
    line: 16,
    message: /at least one source/,
  },
  {
    name: "bad URL",
    file: VENDOR,
    edit: (t) => t.replace("url: https://example.com/docs", "url: not a url"),
    code: "CATALOG_SCHEMA",
    path: "sources[0].url",
    line: 20,
    message: /url/i,
  },
  {
    name: "unknown category",
    file: VENDOR,
    edit: (t) => t.replace("categories: [software-container-platform]", "categories: [software-platform]"),
    code: "CATALOG_BROKEN_REFERENCE",
    path: "products[0].categories[0]",
    line: 11,
    message: /unknown category 'software-platform'/,
  },
  {
    name: "unknown source",
    file: VENDOR,
    edit: (t) => t.replace("sources: [acme-docs]", "sources: [acme-blog]"),
    code: "CATALOG_BROKEN_REFERENCE",
    path: "products[0].facts[0].sources[0]",
    line: 16,
    message: /unknown source 'acme-blog'/,
  },
  {
    name: "product of another vendor",
    file: VENDOR,
    edit: (t) => t.replace("    vendor: acme", "    vendor: other"),
    code: "CATALOG_BROKEN_REFERENCE",
    path: "products[0].vendor",
    line: 10,
    message: /not this file's vendor 'acme'/,
  },
  {
    name: "topic names an unknown product",
    file: "topics.yaml",
    edit: (t) => t.replace("products: [acme-platform]", "products: [acme-cloud]"),
    code: "CATALOG_BROKEN_REFERENCE",
    path: "topics[0].products[0]",
    line: 5,
    message: /unknown product 'acme-cloud'/,
  },
  // The second use is reported: vendor files are read after sources.yaml.
  {
    name: "duplicate source id",
    file: "sources.yaml",
    edit: (t) => t.replace("- id: article", "- id: acme-docs"),
    code: "CATALOG_DUPLICATE_ID",
    reportedIn: VENDOR,
    path: "sources[0].id",
    line: 18,
    message: /source id 'acme-docs' is used twice/,
  },
  {
    name: "missing file",
    file: "topics.yaml",
    edit: () => "\u0000delete",
    code: "CATALOG_YAML_SYNTAX",
    path: "",
    message: /file is missing/,
  },
];

describe("catalog loading", () => {
  it("loads a valid catalog", () => {
    const catalog = buildCatalog(fixtureFiles());
    expect([...catalog.products.keys()]).toEqual(["acme-platform"]);
    expect(catalog.productsByVendor.get("acme")).toEqual(["acme-platform"]);
    expect(catalog.sources.has("acme-docs")).toBe(true);
  });

  it.each(CASES)("reports $name with file, path and problem", (c) => {
    const files = fixtureFiles();
    const edited = c.edit(files.get(c.file) as string);
    if (edited === "\u0000delete") files.delete(c.file);
    else {
      expect(edited, "the case must change the file").not.toBe(files.get(c.file));
      files.set(c.file, edited);
    }
    const error = failure(files);
    expect(error.code).toBe(c.code);
    const problem = error.problems.find((p) => p.file === (c.reportedIn ?? c.file) && p.path === c.path);
    expect(problem, `problems were: ${error.message}`).toBeDefined();
    expect(problem?.message).toMatch(c.message);
    if (c.line !== undefined) expect(problem?.line).toBe(c.line);
    expect(error.message).toContain(c.reportedIn ?? c.file);
  });

  it("lists every problem of a file, not just the first", () => {
    const files = fixtureFiles();
    files.set(
      VENDOR,
      (files.get(VENDOR) as string)
        .replace('zh: "艾克米平台"', 'zh: ""')
        .replace('zh: "一个平台。"', 'zh: ""'),
    );
    const error = failure(files);
    expect(error.problems.map((p) => p.path).sort()).toEqual([
      "products[0].name.zh",
      "products[0].summary.zh",
    ]);
  });

  it("names an unreadable folder", () => {
    expect(() => loadCatalog("/nonexistent/knowledge")).toThrow(CatalogError);
    try {
      loadCatalog("/nonexistent/knowledge");
    } catch (error) {
      expect((error as CatalogError).code).toBe("CATALOG_UNREADABLE");
      expect((error as CatalogError).problems[0]?.file).toBe("sources.yaml");
    }
  });
});
