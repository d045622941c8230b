import type { Lang } from "./answer.js";
import type { Catalog } from "./catalog/catalog.js";
import type {
  AttributeValue,
  Category,
  Edition,
  EvidenceLevel,
  Localized,
  Product,
} from "./catalog/schema.js";
import { vocabularyOf } from "./vocabulary/load.js";
import { message, type Vocabulary } from "./vocabulary/vocabulary.js";

/**
 * One product's value for one attribute, with its evidence: the product's own sourced value where
 * the catalog has one, otherwise what its categories (the article's five kinds) imply.
 */
export interface AttributeFact {
  level: EvidenceLevel;
  /** Why, for users: the product's own note, or the category's reasoning. */
  reason?: Localized;
  sources: string[];
  /** The 2022 article claims the attribute (its category, or a value citing it). */
  fromArticle: boolean;
  /** When the evidence was last checked. */
  asOf?: string;
  /** Set when the product's editions differ: one value per edition. */
  editions?: { edition: Edition; level: EvidenceLevel; reason?: Localized; sources: string[] }[];
}

/** Levels by how strongly they say "has it", for merging editions. */
const STRENGTH: Record<EvidenceLevel, number> = { yes: 3, partial: 2, unconfirmed: 1, no: 0 };

/** "Private edition: <note>", in one language, from the message catalog. */
const editionReason = (catalog: Catalog, lang: Lang, edition: Edition, note: string): string => {
  const v = vocabularyOf(catalog);
  return message(v, lang, "edition.reason", { edition: message(v, lang, `edition.${edition}`), note });
};

const cache = new WeakMap<Catalog, Map<string, AttributeFact | undefined>>();

/** The value of one attribute of one product, or undefined when the catalog says nothing. */
export function attributeValue(
  catalog: Catalog,
  productId: string,
  attributeId: string,
): AttributeFact | undefined {
  let map = cache.get(catalog);
  if (!map) {
    map = new Map();
    cache.set(catalog, map);
  }
  const key = `${productId}\u0000${attributeId}`;
  if (map.has(key)) return map.get(key);
  const product = catalog.products.get(productId);
  const value = product ? compute(catalog, product, attributeId) : undefined;
  map.set(key, value);
  return value;
}

function compute(catalog: Catalog, product: Product, attr: string): AttributeFact | undefined {
  const categories = product.categories
    .map((id) => catalog.categories.get(id))
    .filter((c): c is Category => c !== undefined)
    .sort((a, b) => a.order - b.order);
  const byArticle = categoryValue(catalog, categories, attr);
  const own = product.attributes[attr];
  if (own) return fromOwn(catalog, Array.isArray(own) ? own : [own], byArticle);
  if (attr === "needs-internet") return needsInternet(catalog, product.id);
  if (attr === "domestic") return domestic(catalog, product);
  // A trait of the same name (multi-cluster, federation, edge, beta, open-source, …) says yes.
  {
    const traits = product.traits.filter((t) => (t.trait as string) === attr);
    if (traits.length) {
      const sources = traits.flatMap((t) => t.sources);
      const note = traits.find((t) => t.note)?.note;
      return {
        level: "yes",
        ...(note ? { reason: note } : {}),
        sources,
        fromArticle: sources.includes("article") || byArticle?.level === "yes",
        ...latest(catalog, sources),
      };
    }
  }
  return byArticle;
}

/** The product's own values: one, or one per edition merged into the strongest, naming each. */
function fromOwn(
  catalog: Catalog,
  values: AttributeValue[],
  byArticle: AttributeFact | undefined,
): AttributeFact {
  const articleSays =
    (byArticle !== undefined && byArticle.level !== "no") ||
    values.some((v) => v.sources.includes("article"));
  const best = [...values].sort((a, b) => STRENGTH[b.level] - STRENGTH[a.level])[0] as AttributeValue;
  const sources = [...new Set(values.flatMap((v) => v.sources))];
  const asOf = values.map((v) => v.asOf).find((d) => d !== undefined) ?? latest(catalog, sources).asOf;
  if (values.length === 1)
    return {
      level: best.level,
      reason: best.note,
      sources,
      fromArticle: articleSays,
      ...(asOf ? { asOf } : {}),
    };
  const reason = (lang: Lang) =>
    values
      .map((v) => (v.edition ? editionReason(catalog, lang, v.edition, v.note[lang]) : v.note[lang]))
      .join(" ");
  return {
    level: best.level,
    reason: { en: reason("en"), zh: reason("zh") },
    sources,
    fromArticle: articleSays,
    ...(asOf ? { asOf } : {}),
    editions: values.map((v) => ({
      edition: v.edition ?? "private",
      level: v.level,
      reason: v.note,
      sources: v.sources,
    })),
  };
}

/** What the article's categories say: their explicit defaults, else their classic fields. */
function categoryValue(catalog: Catalog, categories: Category[], attr: string): AttributeFact | undefined {
  const values = categories
    .map((c) => ({ c, v: categoryDefault(c, attr) }))
    .filter((x): x is { c: Category; v: { level: EvidenceLevel; note?: Localized } } => x.v !== undefined);
  if (!values.length) return undefined;
  const levels = new Set(values.map((x) => x.v.level));
  const sources = [...new Set(values.flatMap((x) => x.c.sources))];
  const first = values.sort(
    (a, b) => STRENGTH[b.v.level] - STRENGTH[a.v.level],
  )[0] as (typeof values)[number];
  if (levels.size === 1)
    return {
      level: first.v.level,
      ...(first.v.note ? { reason: first.v.note } : {}),
      sources,
      fromArticle: true,
    };
  // A product the article files under two kinds (a cloud service and its private edition): one
  // value per edition, so an answer never takes "yes" from one and the reason from the other.
  const text = (lang: Lang) =>
    values
      .map((x) =>
        editionReason(
          catalog,
          lang,
          x.c.delivery === "managed" ? "cloud" : "private",
          x.v.note?.[lang] ?? x.v.level,
        ),
      )
      .join(" ");
  return {
    level: first.v.level,
    reason: { en: text("en"), zh: text("zh") },
    sources,
    fromArticle: true,
    editions: values.map((x) => ({
      edition: x.c.delivery === "managed" ? "cloud" : "private",
      level: x.v.level,
      ...(x.v.note ? { reason: x.v.note } : {}),
      sources: x.c.sources,
    })),
  };
}

const yesNo = (b: boolean): EvidenceLevel => (b ? "yes" : "no");

function categoryDefault(c: Category, attr: string): { level: EvidenceLevel; note?: Localized } | undefined {
  const explicit = c.attributes[attr];
  if (explicit) return explicit;
  switch (attr) {
    case "air-gapped": {
      const s = c.airGapped.status;
      return { level: s === "unknown" ? "unconfirmed" : s, note: c.airGapped.reason };
    }
    case "vendor-compute":
      return { level: yesNo(c.vendorProvidesCompute), note: c.definition };
    case "own-hardware":
      return { level: yesNo(c.delivery === "software"), note: c.definition };
    case "out-of-the-box":
      return { level: yesNo(c.outOfTheBox), note: c.definition };
    case "pay-as-you-go":
      return { level: yesNo(c.billing.includes("pay-as-you-go")), note: c.billingNote };
    case "licence":
      return {
        level: yesNo(c.billing.includes("licence") || c.billing.includes("subscription")),
        note: c.billingNote,
      };
    case "multi-cluster":
      return c.scope === "multi-cloud-management" ? { level: "yes", note: c.definition } : undefined;
    default:
      return undefined;
  }
}

/** The opposite of air-gapped: only what cannot run without a connection needs one. */
function needsInternet(catalog: Catalog, productId: string): AttributeFact | undefined {
  const air = attributeValue(catalog, productId, "air-gapped");
  if (!air) return undefined;
  return {
    level: air.level === "no" ? "yes" : "no",
    ...(air.reason ? { reason: air.reason } : {}),
    sources: air.sources,
    fromArticle: air.fromArticle,
    ...(air.asOf ? { asOf: air.asOf } : {}),
  };
}

/** 「国产」: the vendor's headquarters are in China, from its sourced origin. Unknown without one. */
function domestic(catalog: Catalog, product: Product): AttributeFact | undefined {
  const origin = catalog.vendors.get(product.vendor)?.origin;
  if (!origin) return undefined;
  return {
    level: origin.country === "CN" ? "yes" : "no",
    reason: origin.note ? originReason(catalog, origin.headquarters, origin.note) : origin.headquarters,
    sources: origin.sources,
    fromArticle: false,
    ...latest(catalog, origin.sources),
  };
}

function originReason(catalog: Catalog, headquarters: Localized, note: Localized): Localized {
  const v = vocabularyOf(catalog);
  const text = (lang: Lang) =>
    message(v, lang, "origin.reason", { headquarters: headquarters[lang], note: note[lang] });
  return { en: text("en"), zh: text("zh") };
}

function latest(catalog: Catalog, sources: readonly string[]): { asOf?: string } {
  const dates = sources.map((id) => catalog.sources.get(id)?.asOf).filter((d): d is string => !!d);
  const max = dates.sort().at(-1);
  return max ? { asOf: max } : {};
}

/** How a level shows in tables, cards and first lines ("Yes", "Partly", "Unconfirmed"…). */
export function levelLabel(
  catalog: { vocabulary?: Vocabulary },
  lang: Lang,
  level: EvidenceLevel | "unknown",
): string {
  return message(vocabularyOf(catalog), lang, `verdict.${level}`);
}

/** What an unconfirmed value says, as a clause: the article's claim, and what is missing. */
export function unconfirmedClaim(
  catalog: { vocabulary?: Vocabulary },
  lang: Lang,
  asOf: string | undefined,
): string {
  const v = vocabularyOf(catalog);
  const when = asOf ? message(v, lang, "unconfirmed.asOf", { date: asOf }) : "";
  return message(v, lang, "unconfirmed.claim", { asOf: when });
}

/** The one line an answer gives for an unconfirmed value. */
export const unconfirmedLine = (
  catalog: { vocabulary?: Vocabulary },
  lang: Lang,
  asOf: string | undefined,
): string =>
  message(vocabularyOf(catalog), lang, "unconfirmed.line", { claim: unconfirmedClaim(catalog, lang, asOf) });
