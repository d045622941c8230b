import { parse, stringify } from "yaml";
import { type CatalogFiles, VENDOR_DIR } from "../../src/core/catalog/load.js";

/**
 * A catalog `factor` times the real one, built from its files in memory: the real vendor files stay
 * as they are (so every bench question still means what it means on the real catalog) and each gets
 * `factor - 1` clones with new ids, new names and new source ids. References inside a vendor file
 * follow the clone; references to other vendors keep pointing at the originals, which exist.
 */
export function scaleCatalog(files: CatalogFiles, factor: number): Map<string, string> {
  const out = new Map(files);
  if (factor <= 1) return out;
  for (const [path, text] of files) {
    if (!path.startsWith(`${VENDOR_DIR}/`)) continue;
    const data = parse(text) as VendorFileData;
    for (let k = 1; k < factor; k++) {
      out.set(path.replace(/\.ya?ml$/, `-c${k}.yaml`), stringify(cloneVendorFile(data, k)));
    }
  }
  return out;
}

/** The slice of a vendor file the cloner touches; everything else is copied as is. */
interface Named {
  id: string;
  name: { en: string; zh: string };
  aliases?: string[];
  misspellings?: string[];
  relatedTerms?: string[];
}
interface VendorFileData {
  vendor: Named & Record<string, unknown>;
  products?: (Named & { vendor: string; relations?: { target: string }[] } & Record<string, unknown>)[];
  sources?: { id: string }[];
}

/** Syllables for made-up brand words: "kalomi", "tesuvo"... distinct per clone, never a real name. */
const SYLLABLES = ["ka", "lo", "mi", "te", "su", "vo", "ra", "ni", "pe", "zu", "do", "fi"];

export function brandWord(k: number): string {
  let n = k;
  let word = "";
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  // Three syllables at least, so the word is never a cue word or a stopword by accident.
  return `${word}${"qu".repeat(Math.max(0, 3 - word.length / 2))}x`;
}

function cloneVendorFile(data: VendorFileData, k: number): VendorFileData {
  const word = brandWord(k);
  const local = new Set<string>([
    data.vendor.id,
    ...(data.products ?? []).map((p) => p.id),
    ...(data.sources ?? []).map((s) => s.id),
  ]);
  const id = (x: string) => (local.has(x) ? `${x}-c${k}` : x);
  const names = (x: Named): Named => ({
    ...x,
    id: id(x.id),
    name: { en: `${x.name.en} ${cap(word)}`, zh: `${x.name.zh}${cap(word)}` },
    ...(x.aliases ? { aliases: x.aliases.map((a) => `${a} ${word}`) } : {}),
    ...(x.misspellings ? { misspellings: x.misspellings.map((a) => `${a} ${word}`) } : {}),
    ...(x.relatedTerms ? { relatedTerms: x.relatedTerms.map((a) => `${a} ${word}`) } : {}),
  });
  // Every `sources: [ids]` list anywhere in the file: facts, links, traits, relations, air-gap notes.
  const remapSources = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(remapSources);
    if (!node || typeof node !== "object") return node;
    const o: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      o[key] =
        key === "sources" && Array.isArray(value) && value.every((v) => typeof v === "string")
          ? value.map((v) => id(v as string))
          : remapSources(value);
    }
    return o;
  };
  const clone = remapSources(structuredClone(data)) as VendorFileData;
  return {
    ...clone,
    vendor: names(clone.vendor) as VendorFileData["vendor"],
    products: (clone.products ?? []).map((p) => ({
      ...names(p),
      vendor: id(p.vendor),
      relations: (p.relations ?? []).map((r) => ({ ...r, target: id(r.target) })),
    })) as VendorFileData["products"],
    sources: (clone.sources ?? []).map((s) => ({ ...s, id: id(s.id) })),
  };
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
