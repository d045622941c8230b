import { z } from "zod";

/** Every human-readable string in the catalog exists in both languages the bot answers in. */
export const Localized = z.strictObject({
  en: z.string().trim().min(1, "English text is empty"),
  zh: z.string().trim().min(1, "Chinese text is empty"),
});
export type Localized = z.infer<typeof Localized>;

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "ids are lowercase words joined by '-'");
const SourceIds = z.array(Id).min(1, "a fact needs at least one source");
const IsoDate = z.string().regex(/^\d{4}(-\d{2}){0,2}$/, "dates are YYYY, YYYY-MM or YYYY-MM-DD");

export const SourceKind = z.enum(["article", "vendor", "repository", "registry", "third-party"]);

export const Source = z.strictObject({
  id: Id,
  title: z.string().min(1),
  url: z.url().optional(),
  /** Where a source has no stable URL (a repository path, a code search), say where it was found. */
  locator: z.string().min(1).optional(),
  kind: SourceKind,
  published: IsoDate.optional(),
  /** When the fact was read from the source: the as-of date of everything citing it. */
  asOf: IsoDate,
});
export type Source = z.infer<typeof Source>;

/** `article` = what the 2022 article says; `later` = a later public fact; `correction` = where they differ. */
export const FactKind = z.enum(["article", "later", "correction"]);

export const Fact = z.strictObject({
  text: Localized,
  kind: FactKind,
  sources: SourceIds,
});
export type Fact = z.infer<typeof Fact>;

export const Support = z.enum(["yes", "no", "partial", "unknown"]);
export type Support = z.infer<typeof Support>;

/**
 * How sure the catalog is that a product has an attribute: a vendor or later public document says
 * yes / partly / no, or only the 2022 article claims it and no vendor document was found.
 */
export const EvidenceLevel = z.enum(["yes", "partial", "no", "unconfirmed"]);
export type EvidenceLevel = z.infer<typeof EvidenceLevel>;

/** Which edition a value is about, for products sold both as a cloud service and as private software. */
export const Edition = z.enum(["cloud", "private"]);
export type Edition = z.infer<typeof Edition>;

/** One product's value for one attribute: overrides what its categories imply. */
export const AttributeValue = z.strictObject({
  level: EvidenceLevel,
  /** User-facing: why, in one or two sentences. */
  note: Localized,
  sources: SourceIds,
  /** When the evidence was last checked (e.g. when a search found no vendor document). */
  asOf: IsoDate.optional(),
  edition: Edition.optional(),
});
export type AttributeValue = z.infer<typeof AttributeValue>;

/** Attribute id → one value, or one value per edition. */
export const AttributeValues = z.record(Id, z.union([AttributeValue, z.array(AttributeValue).min(1)]));

export const Trait = z.enum([
  "multi-cluster",
  "federation",
  "edge",
  "beta",
  "distribution",
  "open-source",
  "self-managed",
  "archived",
  "end-of-life",
  /** Kubernetes built into a hypervisor (vSphere): attribute "hypervisor". */
  "hypervisor",
  /** A public source says it runs on domestic CPUs / OSes (信创): attribute "xinchuang". */
  "xinchuang",
  /** A public source says it runs on ARM (arm64) servers: attribute "arm". */
  "arm",
]);
export type Trait = z.infer<typeof Trait>;

export const RelationType = z.enum(["based-on", "recommends", "renamed-to", "successor", "same-line-as"]);

export const Relation = z.strictObject({
  type: RelationType,
  /** A product id or a vendor id. */
  target: Id,
  note: Localized.optional(),
  sources: SourceIds,
});

export const Link = z.strictObject({
  url: z.url(),
  label: Localized,
  sources: SourceIds,
});

export const Product = z.strictObject({
  id: Id,
  name: Localized,
  /** Short forms users type ("ACP", "DCE"); matched exactly (case-insensitive). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Misspellings seen in the wild; matched exactly, kept apart so they never show as names. */
  misspellings: z.array(z.string().min(1)).default([]),
  /** Names that should find the product without being another name for it (a successor, an upstream project). */
  relatedTerms: z.array(z.string().min(1)).default([]),
  vendor: Id,
  /** Empty only for products the article names outside the five categories (the distributions). */
  categories: z.array(Id).default([]),
  summary: Localized,
  /** Overrides the air-gap capability that would follow from the categories. */
  airGapped: z.strictObject({ status: Support, note: Localized, sources: SourceIds }).optional(),
  /** Per-product attribute values with their evidence; they override the categories' defaults. */
  attributes: AttributeValues.default({}),
  traits: z
    .array(z.strictObject({ trait: Trait, note: Localized.optional(), sources: SourceIds }))
    .default([]),
  relations: z.array(Relation).default([]),
  links: z.array(Link).default([]),
  facts: z.array(Fact).min(1, "a product needs at least one sourced fact"),
});
export type Product = z.infer<typeof Product>;

export const Vendor = z.strictObject({
  id: Id,
  name: Localized,
  aliases: z.array(z.string().min(1)).default([]),
  /** The article's "其他玩家": named without a product. */
  otherPlayer: z.boolean().default(false),
  /**
   * Where the vendor is headquartered (ISO 3166 alpha-2, "CN" for mainland China), for
   * 「国产」 / "domestic" / "not from a Chinese vendor" questions. Absent = not known from a public source.
   */
  origin: z
    .strictObject({
      country: z.string().regex(/^[A-Z]{2}$/, "a country is an ISO 3166 alpha-2 code such as CN or US"),
      headquarters: Localized,
      /** Who owns it where that decides the answer (Red Hat: IBM; VMware: Broadcom). */
      note: Localized.optional(),
      sources: SourceIds,
    })
    .optional(),
  links: z.array(Link).default([]),
  facts: z.array(Fact).default([]),
  sources: SourceIds,
});
export type Vendor = z.infer<typeof Vendor>;

/** One file per vendor: the vendor, its products and the sources they cite. */
export const VendorFile = z.strictObject({
  vendor: Vendor,
  products: z.array(Product).default([]),
  sources: z.array(Source).default([]),
});

export const Delivery = z.enum(["software", "managed"]);
export type Delivery = z.infer<typeof Delivery>;
export const Billing = z.enum(["licence", "subscription", "pay-as-you-go", "monthly-yearly"]);
export type Billing = z.infer<typeof Billing>;
export const Scope = z.enum(["container-platform", "multi-cloud-management", "kubernetes-cluster"]);

export const Category = z.strictObject({
  id: Id,
  /** Position in the article (1-5). */
  order: z.number().int().min(1),
  name: Localized,
  /** The article's own heading, e.g. "软件 - 容器平台". */
  articleHeading: z.string().min(1),
  definition: Localized,
  delivery: Delivery,
  scope: Scope,
  vendorProvidesCompute: z.boolean(),
  billing: z.array(Billing).min(1),
  billingNote: Localized,
  airGapped: z.strictObject({ status: Support, reason: Localized }),
  outOfTheBox: z.boolean(),
  /**
   * Defaults for the category's products beyond the fields above (which already give delivery,
   * compute, billing, air-gap and out-of-the-box): attribute id → level and reason.
   */
  attributes: z.record(Id, z.strictObject({ level: EvidenceLevel, note: Localized })).default({}),
  pros: z.array(Localized).default([]),
  cons: z.array(Localized).default([]),
  caveats: z.array(Localized).default([]),
  sources: SourceIds,
});
export type Category = z.infer<typeof Category>;

export const CategoriesFile = z.strictObject({ categories: z.array(Category).min(1) });

export const TopicPoint = z.strictObject({
  title: Localized,
  details: z.array(Localized).default([]),
});

export const Topic = z.strictObject({
  id: Id,
  title: Localized,
  summary: Localized,
  /** Products the topic is about, in the order to show them. */
  products: z.array(Id).default([]),
  points: z.array(TopicPoint).default([]),
  facts: z.array(Fact).default([]),
  sources: SourceIds,
});
export type Topic = z.infer<typeof Topic>;

export const TopicsFile = z.strictObject({ topics: z.array(Topic).min(1) });

export const SourcesFile = z.strictObject({ sources: z.array(Source).min(1) });
