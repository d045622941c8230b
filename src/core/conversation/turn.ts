import type { Answer, Lang } from "../answer.js";
import type { Delivery } from "../catalog/schema.js";
import type { Constraint, Query } from "../query.js";
import type { IntentId } from "../vocabulary/schema.js";
import type { ScopeName } from "../vocabulary/vocabulary.js";

/**
 * What a conversation keeps of one answer so the next message can refine it: the typed query
 * (catalog ids and attribute ids only) and the ids of the items shown. Never the user's words,
 * nor names the catalog does not know.
 */
export interface Turn {
  v: 1;
  lang: Lang;
  intent: Answer["intent"];
  query: StoredQuery;
  /** The answer's items, in order (what "the first two" and "those" refer to). */
  items: string[];
  /** The page the user is on (1-based). */
  page: number;
}

export interface StoredQuery {
  intents: IntentId[];
  products: string[];
  vendors: string[];
  excludedProducts: string[];
  excludedVendors: string[];
  constraints: Constraint[];
  scopes: ScopeName[];
  delivery: Delivery[];
  privateEdition: boolean;
  yesNo: boolean;
  focus?: Query["focus"];
}

export function storeQuery(q: Query): StoredQuery {
  return {
    intents: [...q.intents],
    products: q.products,
    vendors: q.vendors,
    excludedProducts: q.excludedProducts,
    excludedVendors: q.excludedVendors,
    constraints: q.constraints.map(({ attribute, want, from, context }) => ({
      attribute,
      want,
      from,
      ...(context ? { context } : {}),
    })),
    scopes: [...q.scopes],
    delivery: [...q.delivery],
    privateEdition: q.privateEdition,
    yesNo: q.yesNo,
    ...(q.focus ? { focus: q.focus } : {}),
  };
}

/** A stored query back as a Query the routing rules can read. */
export function restoreQuery(s: StoredQuery, lang: Lang): Query {
  return {
    // Not empty (the "empty" rule) and not the user's words: rules only test it for emptiness.
    folded: "follow up",
    lang,
    intents: new Set(s.intents),
    mentions: s.products.map((id) => [id]),
    products: [...s.products],
    vendors: [...s.vendors],
    excludedProducts: [...s.excludedProducts],
    excludedVendors: [...s.excludedVendors],
    constraints: s.constraints.map((c) => ({ ...c })),
    scopes: new Set(s.scopes),
    delivery: new Set(s.delivery),
    privateEdition: s.privateEdition,
    unknownNames: [],
    yesNo: s.yesNo,
    ...(s.focus ? { focus: s.focus } : {}),
    confidence: 1,
  };
}

/** A turn read from a store is data from outside: anything malformed is no turn at all. */
export function parseTurn(value: unknown): Turn | undefined {
  if (!value || typeof value !== "object") return undefined;
  const t = value as Partial<Turn>;
  const strings = (x: unknown) => Array.isArray(x) && x.every((y) => typeof y === "string");
  const q = t.query as Partial<StoredQuery> | undefined;
  const ok =
    t.v === 1 &&
    (t.lang === "en" || t.lang === "zh") &&
    typeof t.intent === "string" &&
    strings(t.items) &&
    typeof t.page === "number" &&
    Number.isInteger(t.page) &&
    t.page >= 1 &&
    q !== undefined &&
    strings(q.intents) &&
    strings(q.products) &&
    strings(q.vendors) &&
    strings(q.excludedProducts) &&
    strings(q.excludedVendors) &&
    strings(q.scopes) &&
    strings(q.delivery) &&
    Array.isArray(q.constraints) &&
    q.constraints.every((c) => c && typeof c.attribute === "string" && typeof c.want === "boolean");
  return ok ? (t as Turn) : undefined;
}
