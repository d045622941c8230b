import type { ProductProfile } from "../profile.js";

/**
 * Whether a product has an attribute a question filters on: its own sourced value where the catalog
 * has one, else what its categories and traits imply (see facts.ts). "Partly" and "unconfirmed"
 * count as having it: lists show them with their level, never as a plain yes.
 */
export function hasAttribute(p: ProductProfile, attr: string): boolean {
  const v = p.value(attr);
  return v !== undefined && v.level !== "no";
}

export type Evidence = "article" | "later";

/**
 * Whether the article itself backs the attribute, or only later sources do. Filters list the
 * article's matches and name the later ones apart, since the catalog's primary source is the
 * article. An unconfirmed value is the article's claim that no vendor document confirmed: it stays
 * with the article's matches, and its level says it is unconfirmed.
 */
export function evidenceFor(p: ProductProfile, attr: string): Evidence | undefined {
  const v = p.value(attr);
  if (v === undefined || v.level === "no") return undefined;
  return v.fromArticle ? "article" : "later";
}
