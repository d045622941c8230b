import { z } from "zod";
import { Localized } from "../catalog/schema.js";

/** Cue words per language ({en: [...], zh: [...]}): a third language is one more key. */
export const CueList = z.record(
  z.string().regex(/^[a-z]{2}$/, "languages are two-letter codes such as en or zh"),
  z.array(z.string().trim().min(1, "a cue is empty")),
);
export type CueList = z.infer<typeof CueList>;

const Id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$|^[a-z][a-zA-Z]*$/, "ids are words joined by '-' or camelCase");

/** The intent groups the routing rules read: a file that drops one breaks routing, so it is required. */
export const INTENT_IDS = [
  "help",
  "compare",
  "choice",
  "otherPlayers",
  "distributions",
  "recommend",
  "categories",
  "prosCons",
  "basedOn",
  "about",
  "allProducts",
  "vendors",
  "list",
  "anywhereTopic",
  "focusVendor",
  "focusServers",
  "domain",
  "focusBilling",
] as const;
export type IntentId = (typeof INTENT_IDS)[number];

export const IntentsFile = z.strictObject({
  intents: z.strictObject(
    Object.fromEntries(INTENT_IDS.map((id) => [id, CueList])) as Record<IntentId, typeof CueList>,
  ),
});

export const ScopesFile = z.strictObject({
  scopes: z.strictObject({
    "multi-cloud-management": CueList,
    "container-platform": CueList,
    "kubernetes-cluster": CueList,
  }),
  delivery: z.strictObject({ software: CueList, managed: CueList }),
  privateEdition: CueList,
  publicCloud: CueList,
});

export const NegationFile = z.strictObject({
  negation: CueList,
  negationFalseFriends: CueList,
  exclusion: CueList,
  exclusionAfter: CueList,
  conjunctions: CueList,
  fillers: CueList,
  clauseBreaks: z.string().min(1),
});

export const QuestionFile = z.strictObject({
  yesNoStart: CueList,
  yesNoAnywhere: CueList,
  both: CueList,
  bothJoin: CueList,
  maker: CueList,
});

const Positions = z.record(z.string().regex(/^[a-z]{2}$/), z.record(z.string().min(1), z.number().int()));

export const FollowUpsFile = z.strictObject({
  refine: CueList,
  swap: CueList,
  more: CueList,
  why: CueList,
  details: CueList,
  ordinals: Positions,
  counts: Positions,
});

export const ContextFile = z.strictObject({
  contexts: z.array(z.strictObject({ id: Id, implies: Id, cues: CueList })),
});

export const StopwordsFile = z.strictObject({ stopwords: CueList, notNames: CueList });

export const NotCoveredFile = z.strictObject({
  offerings: z.array(
    z.strictObject({
      id: Id,
      /** How the answer names it. */
      name: z.string().min(1),
      /** Other ways people write it; matched like catalog names, exactly. */
      aliases: z.array(z.string().min(1)).default([]),
      /** Names that mean it only next to its own name ("Karbon" after "Nutanix"): none today. */
      vendor: z.string().min(1).optional(),
    }),
  ),
});

export const AttributeAppliesTo = z.enum(["product", "edition", "vendor"]);

/** One attribute: entries may carry more fields (how a value shows); these are what questions need. */
export const Attribute = z.looseObject({
  id: Id,
  name: Localized,
  title: Localized,
  /** One product has it / lacks it, for direct answers ("Yes — X is open source"). */
  claim: Localized,
  claimNot: Localized,
  opposite: Id.optional(),
  appliesTo: AttributeAppliesTo,
  /** Vendor attributes about origin: the headquarters countries that have it (or that do not). */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  notCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  cues: CueList,
  /** Words that ask for the attribute NOT to hold ("generally available" for beta). */
  cuesNot: CueList.optional(),
});
export type Attribute = z.infer<typeof Attribute>;

export const AttributesFile = z.strictObject({ attributes: z.array(Attribute).min(1) });

/** Answer wording for one language: key → text with {placeholders}. */
export const MessagesFile = z.record(z.string().regex(/^[a-zA-Z][\w.-]*$/), z.string());
