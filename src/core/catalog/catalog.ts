import type { Vocabulary } from "../vocabulary/vocabulary.js";
import type { Category, Product, Source, Topic, Vendor } from "./schema.js";

/** The loaded, cross-checked catalog. Immutable once built; a reload builds a new one. */
export interface Catalog {
  readonly products: ReadonlyMap<string, Product>;
  readonly vendors: ReadonlyMap<string, Vendor>;
  readonly categories: ReadonlyMap<string, Category>;
  readonly topics: ReadonlyMap<string, Topic>;
  readonly sources: ReadonlyMap<string, Source>;
  /** Product ids per vendor id, in file order. */
  readonly productsByVendor: ReadonlyMap<string, readonly string[]>;
  /** The question vocabulary from the catalog folder; absent = the shipped one (see vocabularyOf). */
  readonly vocabulary?: Vocabulary;
}

/** Where the current catalog comes from: a reload swaps what `current()` returns. */
export interface CatalogProvider {
  current(): Catalog;
}

export const fixedCatalog = (catalog: Catalog): CatalogProvider => ({ current: () => catalog });
