import type { EvidenceLevel } from "./answer.js";
import type { Catalog } from "./catalog/catalog.js";
import type { Category, Delivery } from "./catalog/schema.js";
import { isAnywhereKind } from "./facets.js";
import type { ProductProfile } from "./profile.js";
import type { Constraint } from "./query.js";
import { vocabularyOf } from "./vocabulary/load.js";
import type { CompiledAttribute, ScopeName } from "./vocabulary/vocabulary.js";

/** What a list asks of each product. Empty sets mean "any". */
export interface Wanted {
  constraints: readonly Constraint[];
  scopes: ReadonlySet<ScopeName>;
  delivery: ReadonlySet<Delivery>;
  categories: ReadonlySet<string>;
  vendors: ReadonlySet<string>;
  excludedProducts: ReadonlySet<string>;
  excludedVendors: ReadonlySet<string>;
  /** Editions (categories) that do not count ("except the private editions"). */
  excludedCategories?: ReadonlySet<string>;
}

export interface Match {
  level: EvidenceLevel;
  /** Whether the 2022 article itself backs every asked attribute (the rest are later sources). */
  fromArticle: boolean;
  /** The edition (category) that meets the conditions; undefined for products outside the categories. */
  edition?: Category;
}

interface Edition {
  category?: Category;
  delivery: Set<Delivery>;
  /** Deliveries only a later source gives (EKS Anywhere: self-managed), not the article. */
  laterDelivery: Set<Delivery>;
}

/**
 * A product sold both as a cloud service and as software (Huawei CCE) is judged edition by
 * edition, so "managed and on our own servers" is not met by one edition's delivery and the
 * other's hardware.
 */
function editionsOf(p: ProductProfile): Edition[] {
  const selfManaged = p.traits.has("self-managed");
  if (!p.categories.length) return [{ delivery: new Set<Delivery>(["software"]), laterDelivery: new Set() }];
  return p.categories.map((category) => {
    const later = new Set<Delivery>(selfManaged && category.delivery !== "software" ? ["software"] : []);
    return { category, delivery: new Set<Delivery>([category.delivery, ...later]), laterDelivery: later };
  });
}

/**
 * An edition-level attribute: the product's own sourced value for that edition where the catalog
 * has one, else what the edition's category implies.
 */
function editionLevel(p: ProductProfile, e: Edition, id: string): EvidenceLevel {
  const own = p.product.attributes?.[id];
  if (own) {
    const values = Array.isArray(own) ? own : [own];
    const edition = e.category?.delivery === "managed" ? "cloud" : "private";
    return (
      (values.find((x) => x.edition === edition) ?? values.find((x) => !x.edition) ?? values[0])?.level ??
      "no"
    );
  }
  const c = e.category;
  switch (id) {
    case "vendor-compute":
      return c?.vendorProvidesCompute && !e.delivery.has("software") ? "yes" : "no";
    case "own-hardware":
      // Software runs on your hardware; the article's managed multi-cloud products ("Anywhere")
      // exist to run clusters on your own servers too.
      return e.delivery.has("software") || (c !== undefined && isAnywhereKind(c)) ? "yes" : "no";
    case "pay-as-you-go":
      return c?.billing.includes("pay-as-you-go") ? "yes" : "no";
    case "perpetual":
      // The article's software is sold "买断+维保" (bought outright plus maintenance) or by subscription.
      return c?.billing.includes("licence") ? "yes" : "no";
    case "licence":
      return !c || c.billing.includes("licence") || c.billing.includes("subscription") ? "yes" : "no";
    case "out-of-the-box":
      return c?.outOfTheBox ? "yes" : "no";
    default:
      return p.value(id)?.level ?? "no";
  }
}

/** Whether a vendor has a vendor-level attribute (its origin), from its sourced headquarters. */
export function vendorHas(catalog: Catalog, vendorId: string, attributeId: string): EvidenceLevel {
  const vendor = catalog.vendors.get(vendorId);
  const attribute = vocabularyOf(catalog).attributes.get(attributeId);
  if (!vendor) return "no";
  return vendorLevel({ vendor } as ProductProfile, attribute);
}

/**
 * Level of a vendor-level attribute from the vendor's sourced headquarters and the attribute's
 * `countries` / `notCountries` (attributes.yaml). An unknown origin may be domestic (shown as
 * unconfirmed) but is never claimed as anything else.
 */
function vendorLevel(p: ProductProfile, attribute: CompiledAttribute | undefined): EvidenceLevel {
  const country = p.vendor.origin?.country;
  if (!attribute) return "no";
  if (!country) return attribute.countries?.includes("CN") ? "unconfirmed" : "no";
  if (attribute.countries) return attribute.countries.includes(country) ? "yes" : "no";
  if (attribute.notCountries) return attribute.notCountries.includes(country) ? "no" : "yes";
  return "no";
}

function productLevel(
  p: ProductProfile,
  id: string,
  e: Edition,
): { level: EvidenceLevel; fromArticle: boolean } {
  const v = p.value(id);
  if (!v) return { level: "no", fromArticle: true };
  // One value per edition (Huawei CCE: no on the cloud, unconfirmed in the private edition).
  if (v.editions?.length && e.category) {
    const edition = e.category.delivery === "managed" ? "cloud" : "private";
    const own = v.editions.find((x) => x.edition === edition);
    if (own) return { level: own.level, fromArticle: v.fromArticle };
  }
  return { level: v.level, fromArticle: v.fromArticle };
}

const RANK: Record<EvidenceLevel, number> = { yes: 0, partial: 1, unconfirmed: 2, no: 3 };
const weakest = (a: EvidenceLevel, b: EvidenceLevel): EvidenceLevel => (RANK[a] >= RANK[b] ? a : b);

/** Whether one constraint holds for one edition, and how sure the catalog is. */
function check(
  p: ProductProfile,
  e: Edition,
  c: Constraint,
  attribute: CompiledAttribute | undefined,
): { level: EvidenceLevel; fromArticle: boolean } {
  const appliesTo = attribute?.appliesTo ?? "product";
  let result: { level: EvidenceLevel; fromArticle: boolean };
  if (appliesTo === "vendor") result = { level: vendorLevel(p, attribute), fromArticle: true };
  else if (appliesTo === "edition") result = { level: editionLevel(p, e, c.attribute), fromArticle: true };
  else result = productLevel(p, c.attribute, e);
  if (c.want) return result;
  // Not wanted: met when the product lacks it; an unconfirmed value cannot prove it absent.
  if (result.level === "no") return { level: "yes", fromArticle: result.fromArticle };
  return { level: result.level === "unconfirmed" ? "unconfirmed" : "no", fromArticle: true };
}

/** How a product meets what a list asks, or undefined when it does not. */
export function matchProduct(catalog: Catalog, p: ProductProfile, wanted: Wanted): Match | undefined {
  if (wanted.excludedProducts.has(p.product.id) || wanted.excludedVendors.has(p.vendor.id)) return undefined;
  if (wanted.vendors.size && !wanted.vendors.has(p.vendor.id)) return undefined;
  const attributes = vocabularyOf(catalog).attributes;
  let best: Match | undefined;
  for (const e of editionsOf(p)) {
    if (wanted.scopes.size && !(e.category && wanted.scopes.has(e.category.scope as ScopeName))) continue;
    const deliveries = [...e.delivery].filter((d) => wanted.delivery.has(d));
    if (wanted.delivery.size && !deliveries.length) continue;
    if (wanted.categories.size && !(e.category && wanted.categories.has(e.category.id))) continue;
    if (e.category && wanted.excludedCategories?.has(e.category.id)) continue;
    let level: EvidenceLevel = "yes";
    let fromArticle = !(wanted.delivery.size && deliveries.every((d) => e.laterDelivery.has(d)));
    for (const c of wanted.constraints) {
      const r = check(p, e, c, attributes.get(c.attribute));
      level = weakest(level, r.level);
      fromArticle &&= r.fromArticle;
    }
    if (level === "no") continue;
    const match: Match = { level, fromArticle, ...(e.category ? { edition: e.category } : {}) };
    if (
      !best ||
      RANK[level] < RANK[best.level] ||
      (RANK[level] === RANK[best.level] && fromArticle && !best.fromArticle)
    )
      best = match;
  }
  return best;
}

/** Whether a product has an attribute at all (any edition): for yes/no questions about one product. */
export function productHas(catalog: Catalog, p: ProductProfile, attribute: string): EvidenceLevel {
  const constraint: Constraint = { attribute, want: true, from: "asked" };
  const empty = new Set<never>();
  return (
    matchProduct(catalog, p, {
      constraints: [constraint],
      scopes: empty,
      delivery: empty,
      categories: empty,
      vendors: empty,
      excludedProducts: empty,
      excludedVendors: empty,
    })?.level ?? "no"
  );
}
