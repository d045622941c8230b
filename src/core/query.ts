import type { Lang } from "./answer.js";
import type { Delivery } from "./catalog/schema.js";
import type { IntentId } from "./vocabulary/schema.js";
import type { ScopeName } from "./vocabulary/vocabulary.js";

/** One thing the question asks of the offerings, wanted or not wanted. */
export interface Constraint {
  attribute: string;
  want: boolean;
  /** "asked" = the question said it; "context" = inferred from who is asking (a bank), and said so. */
  from: "asked" | "context";
  /** The context entry that implied it, for the answer's note. */
  context?: string;
}

/** What a question asks, typed: every routing rule and composer reads this, never the raw text. */
export interface Query {
  folded: string;
  lang: Lang;
  /** A language the bot does not answer in (Japanese): answered in English with a note. */
  unsupportedLang?: string;
  intents: Set<IntentId>;
  /** Product mentions in order, excluded ones left out; a mention with several ids is ambiguous. */
  mentions: string[][];
  /** Distinct named product ids (not excluded), in order. */
  products: string[];
  vendors: string[];
  excludedProducts: string[];
  excludedVendors: string[];
  constraints: Constraint[];
  scopes: Set<ScopeName>;
  delivery: Set<Delivery>;
  privateEdition: boolean;
  /** "except the private editions", 「不是私有化版本」. */
  withoutPrivateEdition?: boolean;
  /** Context words met when something more specific was asked: they only order a comparison. */
  contextHints?: { attribute: string; context: string; cue: string }[];
  /** Names that look like offerings the catalog does not cover. */
  unknownNames: string[];
  /** A yes/no question ("Is ACK managed?", 「…吗」). */
  yesNo: boolean;
  /** What a direct question is about, when not an attribute: the maker, or who provides servers. */
  focus?: "vendor" | "servers" | "billing";
  /** Two facet groups joined by "both … and" / 「既…又」: vendors having both. */
  both?: { scopes: Set<ScopeName>; delivery: Set<Delivery>; privateEdition: boolean }[];
  /**
   * Where the named product stands against "based on": before ("what is X based on?" asks about X)
   * or after ("what is based on X?" lists what is built on X).
   */
  basedOnSubject?: "before" | "after";
  /** The products or vendors named after "based on": what the listed products are built on. */
  basedOnTargets?: string[];
  /** 0–1: how much of the question was understood; low means ask back. */
  confidence: number;
}
