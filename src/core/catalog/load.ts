import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { load as loadYaml } from "js-yaml";
import { type Document, isMap, isSeq, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { buildVocabulary, hasVocabulary, readVocabularyFiles } from "../vocabulary/load.js";
import type { Catalog } from "./catalog.js";
import { CatalogError, type CatalogErrorCode, type CatalogProblem } from "./errors.js";
import {
  CategoriesFile,
  type Category,
  type Product,
  type Source,
  SourcesFile,
  type Topic,
  TopicsFile,
  type Vendor,
  VendorFile,
} from "./schema.js";

/** The raw text of every catalog file, keyed by its path relative to the catalog folder. */
export type CatalogFiles = ReadonlyMap<string, string>;

export const VENDOR_DIR = "vendors";

/**
 * The largest catalog file read (the largest real one is under 30 KB): YAML parsing is superlinear
 * on hostile input, and a 60 MB file took 42 s and 2.7 GB to refuse.
 */
export const MAX_CATALOG_FILE_BYTES = 1024 * 1024;

/**
 * The most values a file may expand to once its aliases are followed: a YAML alias bomb is a few
 * hundred bytes that expand to billions of values, which the schema check would walk one by one.
 */
export const MAX_EXPANDED_VALUES = 1_000_000;

const tooLarge = (file: string, bytes: number): CatalogProblem => ({
  file,
  path: "",
  message: `the file is ${bytes} bytes; catalog files may be at most ${MAX_CATALOG_FILE_BYTES} bytes`,
});

export function readCatalogFiles(dir: string): CatalogFiles {
  const files = new Map<string, string>();
  const oversized: CatalogProblem[] = [];
  const read = (rel: string) => {
    try {
      const { size } = statSync(join(dir, rel));
      if (size > MAX_CATALOG_FILE_BYTES) {
        oversized.push(tooLarge(rel, size));
        return;
      }
      files.set(rel, readFileSync(join(dir, rel), "utf8"));
    } catch (cause) {
      throw new CatalogError("CATALOG_UNREADABLE", [{ file: rel, path: "", message: String(cause) }], {
        cause,
      });
    }
  };
  for (const rel of ["sources.yaml", "categories.yaml", "topics.yaml"]) read(rel);
  let vendorFiles: string[];
  try {
    vendorFiles = readdirSync(join(dir, VENDOR_DIR)).filter((f) => /\.ya?ml$/.test(f));
  } catch (cause) {
    throw new CatalogError("CATALOG_UNREADABLE", [{ file: VENDOR_DIR, path: "", message: String(cause) }], {
      cause,
    });
  }
  for (const f of vendorFiles.sort()) read(`${VENDOR_DIR}/${f}`);
  try {
    readVocabularyFiles(dir, files);
  } catch (cause) {
    throw asCatalogError(cause, "vocabulary");
  }
  // The vocabulary files are read without a stat: their size is checked here, before any parse.
  for (const [rel, text] of files) {
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_CATALOG_FILE_BYTES && !oversized.some((p) => p.file === rel))
      oversized.push(tooLarge(rel, bytes));
  }
  if (oversized.length) throw new CatalogError("CATALOG_TOO_LARGE", oversized);
  return files;
}

/** Whatever a load threw, as a CatalogError naming where: nothing raw escapes the loader. */
export function asCatalogError(error: unknown, file = ""): CatalogError {
  if (error instanceof CatalogError) return error;
  const message = error instanceof Error ? (error.message.split("\n")[0] ?? error.name) : String(error);
  return new CatalogError("CATALOG_LOAD_FAILED", [{ file, path: "", message: message.slice(0, 300) }], {
    cause: error,
  });
}

/**
 * How many values `value` holds with every alias expanded, counting shared nodes once per use
 * (what a walk of the tree meets), stopping as soon as it passes `limit`. Linear in distinct nodes.
 */
export function expandedSize(value: unknown, limit = MAX_EXPANDED_VALUES): number {
  const memo = new Map<object, number>();
  const size = (v: unknown): number => {
    if (typeof v !== "object" || v === null) return 1;
    const known = memo.get(v);
    if (known !== undefined) return known;
    memo.set(v, limit + 1); // a cycle counts as too many
    let n = 1;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      n += size(child);
      if (n > limit) break;
    }
    memo.set(v, n);
    return n;
  };
  return size(value);
}

/** Reads and validates a catalog folder; throws only CatalogError. */
export function loadCatalog(dir: string): Catalog {
  return buildCatalog(readCatalogFiles(dir));
}

interface Parsed<T> {
  file: string;
  data: T;
  /** The line of a path in the file; parses for positions only when a problem needs one. */
  locate(path: readonly (string | number)[]): number | undefined;
}

/**
 * Valid files take the fast path (js-yaml, several times faster to load and parse than `yaml`);
 * positions come from `yaml`'s document model, built only when a problem is reported.
 */
function locator(text: string): Parsed<unknown>["locate"] {
  let located: { doc: Document; lines: LineCounter } | undefined;
  return (path) => {
    if (!located) {
      const lines = new LineCounter();
      located = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: true }), lines };
    }
    return lineOf(located.doc, located.lines, path);
  };
}

const NOT_PARSED = Symbol("not parsed");

function fastLoad(text: string): unknown {
  try {
    return loadYaml(text);
  } catch {
    return NOT_PARSED;
  }
}

/**
 * Validates every file, then every cross-reference; throws one CatalogError listing all problems of
 * the first failing stage, and nothing but a CatalogError, whatever the input.
 */
export function buildCatalog(files: CatalogFiles): Catalog {
  try {
    return buildChecked(files);
  } catch (error) {
    throw asCatalogError(error);
  }
}

function buildChecked(files: CatalogFiles): Catalog {
  const syntax: CatalogProblem[] = [];
  const schema: CatalogProblem[] = [];
  const parse = <S extends z.ZodType>(file: string, shape: S): Parsed<z.infer<S>> | undefined => {
    const text = files.get(file);
    if (text === undefined) {
      syntax.push({ file, path: "", message: "file is missing" });
      return undefined;
    }
    if (Buffer.byteLength(text) > MAX_CATALOG_FILE_BYTES) {
      syntax.push(tooLarge(file, Buffer.byteLength(text)));
      return undefined;
    }
    const fast = fastLoad(text);
    if (fast !== NOT_PARSED && expandedSize(fast) > MAX_EXPANDED_VALUES) {
      syntax.push({
        file,
        path: "",
        message: `its aliases expand to more than ${MAX_EXPANDED_VALUES} values (a YAML alias bomb?)`,
      });
      return undefined;
    }
    try {
      return parseSlow(file, text, shape, fast);
    } catch (error) {
      // yaml's own guard (maxAliasCount) and anything else a parser throws: a problem of this file.
      syntax.push({
        file,
        path: "",
        message: `cannot be read as YAML: ${asCatalogError(error).problems[0]?.message}`,
      });
      return undefined;
    }
  };
  const parseSlow = <S extends z.ZodType>(
    file: string,
    text: string,
    shape: S,
    fast: unknown,
  ): Parsed<z.infer<S>> | undefined => {
    if (fast !== NOT_PARSED) {
      const result = shape.safeParse(fast);
      if (result.success) return { file, data: result.data, locate: locator(text) };
    }
    // Something is wrong: parse again with positions, for messages that name the line.
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        syntax.push({
          file,
          path: "",
          line: lines.linePos(e.pos[0]).line,
          message: e.message.split("\n")[0] ?? "",
        });
      }
      return undefined;
    }
    const result = shape.safeParse(doc.toJS());
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = issue.path as (string | number)[];
        schema.push({ file, path: formatPath(path), line: lineOf(doc, lines, path), message: issue.message });
      }
      return undefined;
    }
    return { file, data: result.data, locate: (path) => lineOf(doc, lines, path) };
  };

  const sourcesFile = parse("sources.yaml", SourcesFile);
  const categoriesFile = parse("categories.yaml", CategoriesFile);
  const topicsFile = parse("topics.yaml", TopicsFile);
  const vendorFiles = [...files.keys()]
    .filter((f) => f.startsWith(`${VENDOR_DIR}/`))
    .map((f) => parse(f, VendorFile));
  if (syntax.length) throw new CatalogError("CATALOG_YAML_SYNTAX", syntax);
  if (schema.length || !sourcesFile || !categoriesFile || !topicsFile)
    throw new CatalogError("CATALOG_SCHEMA", schema);
  const vendorsParsed = vendorFiles.filter((v): v is Parsed<z.infer<typeof VendorFile>> => v !== undefined);

  const dupes: CatalogProblem[] = [];
  const at = (p: Parsed<unknown>, path: (string | number)[]) => ({
    file: p.file,
    path: formatPath(path),
    line: p.locate(path),
  });
  const sources = new Map<string, Source>();
  const addSource = (p: Parsed<unknown>, path: (string | number)[], s: Source) => {
    if (sources.has(s.id)) dupes.push({ ...at(p, path), message: `source id '${s.id}' is used twice` });
    sources.set(s.id, s);
  };
  sourcesFile.data.sources.forEach((s, i) => addSource(sourcesFile, ["sources", i, "id"], s));
  const categories = new Map<string, Category>();
  categoriesFile.data.categories.forEach((c, i) => {
    if (categories.has(c.id))
      dupes.push({
        ...at(categoriesFile, ["categories", i, "id"]),
        message: `category id '${c.id}' is used twice`,
      });
    categories.set(c.id, c);
  });
  const topics = new Map<string, Topic>();
  topicsFile.data.topics.forEach((t, i) => {
    if (topics.has(t.id))
      dupes.push({ ...at(topicsFile, ["topics", i, "id"]), message: `topic id '${t.id}' is used twice` });
    topics.set(t.id, t);
  });
  const vendors = new Map<string, Vendor>();
  const products = new Map<string, Product>();
  const productsByVendor = new Map<string, string[]>();
  for (const v of vendorsParsed) {
    const { vendor } = v.data;
    if (vendors.has(vendor.id) || products.has(vendor.id))
      dupes.push({ ...at(v, ["vendor", "id"]), message: `id '${vendor.id}' is used twice` });
    vendors.set(vendor.id, vendor);
    productsByVendor.set(
      vendor.id,
      v.data.products.map((p) => p.id),
    );
    v.data.sources.forEach((s, i) => addSource(v, ["sources", i, "id"], s));
  }
  for (const v of vendorsParsed) {
    v.data.products.forEach((p, i) => {
      if (products.has(p.id) || vendors.has(p.id))
        dupes.push({ ...at(v, ["products", i, "id"]), message: `id '${p.id}' is used twice` });
      products.set(p.id, p);
    });
  }
  if (dupes.length) throw new CatalogError("CATALOG_DUPLICATE_ID", dupes);

  const broken: CatalogProblem[] = [];
  const checkSources = (p: Parsed<unknown>, path: (string | number)[], ids: readonly string[]) =>
    ids.forEach((id, i) => {
      if (!sources.has(id)) broken.push({ ...at(p, [...path, i]), message: `unknown source '${id}'` });
    });
  categoriesFile.data.categories.forEach((c, i) =>
    checkSources(categoriesFile, ["categories", i, "sources"], c.sources),
  );
  topicsFile.data.topics.forEach((t, i) => {
    checkSources(topicsFile, ["topics", i, "sources"], t.sources);
    t.facts.forEach((f, j) => checkSources(topicsFile, ["topics", i, "facts", j, "sources"], f.sources));
    t.products.forEach((id, j) => {
      if (!products.has(id))
        broken.push({ ...at(topicsFile, ["topics", i, "products", j]), message: `unknown product '${id}'` });
    });
  });
  for (const v of vendorsParsed) {
    const { vendor } = v.data;
    checkSources(v, ["vendor", "sources"], vendor.sources);
    vendor.facts.forEach((f, j) => checkSources(v, ["vendor", "facts", j, "sources"], f.sources));
    vendor.links.forEach((l, j) => checkSources(v, ["vendor", "links", j, "sources"], l.sources));
    v.data.products.forEach((p, i) => {
      const base = ["products", i];
      if (p.vendor !== vendor.id)
        broken.push({
          ...at(v, [...base, "vendor"]),
          message: `product vendor '${p.vendor}' is not this file's vendor '${vendor.id}'`,
        });
      p.categories.forEach((c, j) => {
        if (!categories.has(c))
          broken.push({ ...at(v, [...base, "categories", j]), message: `unknown category '${c}'` });
      });
      p.relations.forEach((r, j) => {
        if (!products.has(r.target) && !vendors.has(r.target))
          broken.push({
            ...at(v, [...base, "relations", j, "target"]),
            message: `unknown product or vendor '${r.target}'`,
          });
        checkSources(v, [...base, "relations", j, "sources"], r.sources);
      });
      p.facts.forEach((f, j) => checkSources(v, [...base, "facts", j, "sources"], f.sources));
      p.links.forEach((l, j) => checkSources(v, [...base, "links", j, "sources"], l.sources));
      p.traits.forEach((t, j) => checkSources(v, [...base, "traits", j, "sources"], t.sources));
      if (p.airGapped) checkSources(v, [...base, "airGapped", "sources"], p.airGapped.sources);
    });
  }
  if (broken.length) throw new CatalogError("CATALOG_BROKEN_REFERENCE", broken);

  // The question vocabulary is part of the catalog folder; a folder without one (a test fixture) uses the shipped one.
  let vocabulary: ReturnType<typeof buildVocabulary> | undefined;
  try {
    vocabulary = hasVocabulary(files) ? buildVocabulary(files) : undefined;
  } catch (error) {
    throw asCatalogError(error, "vocabulary");
  }
  return {
    products,
    vendors,
    categories,
    topics,
    sources,
    productsByVendor,
    ...(vocabulary ? { vocabulary } : {}),
  };
}

export function formatPath(path: readonly (string | number | symbol)[]): string {
  return path.reduce<string>(
    (acc, seg) => (typeof seg === "number" ? `${acc}[${seg}]` : acc ? `${acc}.${String(seg)}` : String(seg)),
    "",
  );
}

/** The line of the deepest node along `path` that exists (a missing key points at its parent). */
export function lineOf(
  doc: Document,
  lines: LineCounter,
  path: readonly (string | number | symbol)[],
): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  const lineAt = (n: unknown) => {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    return range ? lines.linePos(range[0]).line : undefined;
  };
  line = lineAt(node);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => (it.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      line = lineAt(pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
      if (node === undefined) break;
      line = lineAt(node) ?? line;
    } else break;
  }
  return line;
}

export type { CatalogErrorCode };
