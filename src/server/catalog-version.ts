import { createHash } from "node:crypto";
import type { CatalogFiles } from "../core/catalog/load.js";

/** Hash of the files' names and text: changes exactly when the catalog's content does. */
export function catalogVersion(files: CatalogFiles): string {
  const hash = createHash("sha256");
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(`${name}\0${text}\0`);
  return hash.digest("hex").slice(0, 12);
}

/**
 * Whether a value survives structured cloning unchanged: plain objects, arrays, Maps, Sets and
 * primitives only. A class instance would arrive without its prototype (its methods gone), a
 * function not at all.
 */
export function isPlainData(value: unknown): boolean {
  const seen = new Set<object>();
  const plain = new Set<unknown>([Object.prototype, Array.prototype, Map.prototype, Set.prototype, null]);
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === "function" || typeof v === "symbol") return false;
    if (typeof v !== "object" || v === null || seen.has(v)) continue;
    seen.add(v);
    if (!plain.has(Object.getPrototypeOf(v))) return false;
    if (v instanceof Map) for (const [k, x] of v) stack.push(k, x);
    else if (v instanceof Set) for (const x of v) stack.push(x);
    else stack.push(...Object.values(v));
  }
  return true;
}
