import type { Catalog } from "./catalog/catalog.js";
import type {
  Billing,
  Category,
  Delivery,
  EvidenceLevel,
  Localized,
  Product,
  Support,
  Trait,
  Vendor,
} from "./catalog/schema.js";
import { type AttributeFact, attributeValue } from "./facts.js";

/** A product with everything that follows from its categories and traits worked out once. */
export interface ProductProfile {
  product: Product;
  vendor: Vendor;
  categories: Category[];
  delivery: Delivery[];
  billing: Billing[];
  airGapped: {
    status: Support;
    /** The evidence level behind the status ("unconfirmed" shows as status "unknown"). */
    level?: EvidenceLevel;
    reason?: Localized;
    sources: string[];
    asOf?: string;
  };
  outOfTheBox: boolean;
  vendorProvidesCompute: boolean;
  traits: Set<Trait>;
  /** The sources behind each trait, so answers can tell the article's claims from later ones. */
  traitSources: Map<Trait, string[]>;
  /** The air-gap status the article's categories alone give, before any later source. */
  articleAirGapped: Support;
  /** Any attribute's value with its evidence (see facts.ts). */
  value: (attributeId: string) => AttributeFact | undefined;
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
  const value = (attr: string) => attributeValue(catalog, product.id, attr);
  const has = (attr: string) => {
    const v = value(attr);
    return v !== undefined && v.level !== "no";
  };
  const traits = new Set(product.traits.map((t) => t.trait));
  const traitSources = new Map<Trait, string[]>();
  for (const t of product.traits)
    traitSources.set(t.trait, [...(traitSources.get(t.trait) ?? []), ...t.sources]);
  // Software you run yourself, whatever category the article gave it: the distributions (in no
  // category) and products a later source shows to be self-managed (EKS Anywhere).
  const selfRun =
    traits.has("self-managed") ||
    (categories.length === 0 && ["distribution", "open-source"].some((t) => traits.has(t as Trait)));
  const delivery = unique([
    ...categories.map((c) => c.delivery),
    ...(selfRun ? (["software"] as Delivery[]) : []),
  ]);
  // Billing as the categories give it, less what the product's own values rule out.
  const payg = value("pay-as-you-go")?.level;
  const licence = value("licence")?.level;
  const billing = unique(categories.flatMap((c) => c.billing)).filter((b) =>
    b === "pay-as-you-go" || b === "monthly-yearly" ? payg !== "no" : licence !== "no",
  );
  if (licence && licence !== "no" && !billing.includes("licence") && !billing.includes("subscription"))
    billing.push("subscription");
  return {
    product,
    vendor,
    categories,
    delivery,
    billing,
    airGapped: airGapStatus(value("air-gapped")),
    articleAirGapped: articleAirGap(categories),
    outOfTheBox: has("out-of-the-box"),
    vendorProvidesCompute: has("vendor-compute"),
    traits,
    traitSources,
    value,
  };
}

/** The air-gap verdict in the older yes / partial / no / unknown form; "unconfirmed" shows as unknown. */
function airGapStatus(v: AttributeFact | undefined): ProductProfile["airGapped"] {
  if (!v) return { status: "unknown", sources: [] };
  const status: Support = v.level === "unconfirmed" ? "unknown" : v.level;
  return {
    status,
    level: v.level,
    ...(v.reason ? { reason: v.reason } : {}),
    sources: v.sources,
    ...(v.asOf ? { asOf: v.asOf } : {}),
  };
}

/** The air-gap status the article's categories alone give. */
function articleAirGap(categories: Category[]): Support {
  const statuses = categories.map((c) => c.airGapped.status);
  for (const s of ["yes", "partial", "no"] as const) if (statuses.includes(s)) return s;
  return "unknown";
}
