import type { Catalog } from "./catalog/catalog.js";
import type {
  Billing,
  Category,
  Delivery,
  Localized,
  Product,
  Support,
  Trait,
  Vendor,
} from "./catalog/schema.js";

/** A product with everything that follows from its categories and traits worked out once. */
export interface ProductProfile {
  product: Product;
  vendor: Vendor;
  categories: Category[];
  delivery: Delivery[];
  billing: Billing[];
  airGapped: { status: Support; reason?: Localized; sources: string[] };
  outOfTheBox: boolean;
  vendorProvidesCompute: boolean;
  traits: Set<Trait>;
  /** The sources behind each trait, so answers can tell the article's claims from later ones. */
  traitSources: Map<Trait, string[]>;
  /** The air-gap status the article's categories alone give, before any later source. */
  articleAirGapped: Support;
}

const profiles = new WeakMap<Catalog, Map<string, ProductProfile>>();

export function productProfiles(catalog: Catalog): Map<string, ProductProfile> {
  let map = profiles.get(catalog);
  if (!map) {
    map = new Map([...catalog.products.values()].map((p) => [p.id, buildProfile(catalog, p)]));
    profiles.set(catalog, map);
  }
  return map;
}

export function profileOf(catalog: Catalog, id: string): ProductProfile | undefined {
  return productProfiles(catalog).get(id);
}

const unique = <T>(xs: T[]) => [...new Set(xs)];

function buildProfile(catalog: Catalog, product: Product): ProductProfile {
  const vendor = catalog.vendors.get(product.vendor) as Vendor;
  const categories = product.categories
    .map((id) => catalog.categories.get(id))
    .filter((c): c is Category => c !== undefined)
    .sort((a, b) => a.order - b.order);
  const traits = new Set(product.traits.map((t) => t.trait));
  const traitSources = new Map<Trait, string[]>();
  for (const t of product.traits)
    traitSources.set(t.trait, [...(traitSources.get(t.trait) ?? []), ...t.sources]);
  // The distributions sit in no category; they are software you install yourself.
  // Software you run yourself, whatever category the article gave it: the distributions (in no
  // category) and products a later source shows to be self-managed (EKS Anywhere).
  const selfRun =
    traits.has("self-managed") ||
    (categories.length === 0 && ["distribution", "open-source"].some((t) => traits.has(t as Trait)));
  const delivery = unique([
    ...categories.map((c) => c.delivery),
    ...(selfRun ? (["software"] as Delivery[]) : []),
  ]);
  return {
    product,
    vendor,
    categories,
    delivery,
    billing: unique(categories.flatMap((c) => c.billing)),
    airGapped: airGapStatus(product, categories),
    articleAirGapped: airGapStatus({ ...product, airGapped: undefined }, categories).status,
    outOfTheBox: categories.some((c) => c.outOfTheBox),
    vendorProvidesCompute: categories.some((c) => c.vendorProvidesCompute),
    traits,
    traitSources,
  };
}

/**
 * The article's categories say whether an offering can run air-gapped; a product's own sourced
 * statement overrides that, except "unknown", which only means no later source confirmed it.
 */
function airGapStatus(product: Product, categories: Category[]): ProductProfile["airGapped"] {
  const fromCategories =
    categories.find((c) => c.airGapped.status === "yes") ??
    categories.find((c) => c.airGapped.status === "partial") ??
    categories[0];
  const derived: ProductProfile["airGapped"] = fromCategories
    ? {
        status: fromCategories.airGapped.status,
        reason: fromCategories.airGapped.reason,
        sources: fromCategories.sources,
      }
    : { status: "unknown", sources: [] };
  const own = product.airGapped;
  if (!own) return derived;
  if (own.status === "unknown" && derived.status !== "unknown") {
    // Keep the article's verdict, but say plainly that no later source confirmed it.
    const reason = derived.reason
      ? {
          en: `${derived.reason.en} Not confirmed since: ${own.note.en}`,
          zh: `${derived.reason.zh} 后续未能证实：${own.note.zh}`,
        }
      : own.note;
    return { status: derived.status, reason, sources: [...derived.sources, ...own.sources] };
  }
  return { status: own.status, reason: own.note, sources: own.sources };
}
