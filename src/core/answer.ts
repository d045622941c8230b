import type { Delivery, Support } from "./catalog/schema.js";

export type Lang = "en" | "zh";

/**
 * What a button or a follow-up asks for. Buttons carry it (JSON, in the button value or
 * Action.Submit data) so that any replica can answer any click without a session.
 */
export type Request =
  | { type: "ask"; q: string }
  | { type: "product"; id: string; lang: Lang }
  | { type: "compare"; ids: string[]; lang: Lang }
  | { type: "category"; id: string; lang: Lang }
  | { type: "vendor"; id: string; lang: Lang }
  | { type: "topic"; id: string; lang: Lang }
  | { type: "categories"; lang: Lang }
  | { type: "help"; lang: Lang };

export interface SourceView {
  id: string;
  title: string;
  url?: string;
  /** Where a source has no URL: a repository path or similar. */
  locator?: string;
  asOf: string;
}

export interface CategoryRef {
  id: string;
  name: string;
}

export interface ProductView {
  id: string;
  name: string;
  vendor: string;
  vendorId: string;
  categories: CategoryRef[];
  delivery: Delivery[];
  /** Localised, e.g. "Software you run" / "软件（自行部署）". */
  deliveryLabel: string;
  airGapped: Support;
  /** Localised, e.g. "Air-gapped: yes — sold as software you install on your own hardware". */
  airGappedLabel: string;
  summary: string;
  /** Official site where the catalog has a sourced one. */
  url?: string;
  /** Localised facts worth showing with the product (beta, based on, renamed…), each with source ids. */
  notes: { text: string; sources: string[] }[];
  /**
   * In a list or a yes/no answer: how well the product meets what was asked, with the one-line
   * reason and its sources. Lists group their items by this level.
   */
  match?: { level: EvidenceLevel; reason: string; sources: string[] };
}

/** How sure the catalog is of an attribute: a vendor or later document, the article alone, or nothing. */
export type EvidenceLevel = "yes" | "partial" | "no" | "unconfirmed";

/** A titled list of bullets: pros, cons, the Anywhere points, caveats. */
export interface Section {
  title: string;
  bullets: string[];
}

/** Side-by-side rows; column i of every row belongs to items[i]. */
export interface Comparison {
  rows: { label: string; values: string[] }[];
}

export interface FollowUp {
  label: string;
  request: Request;
}

/** Every kind of answer, for code and tests that must cover them all. */
export const INTENTS = [
  "product",
  "vendor",
  "filter",
  "category",
  "categories",
  "compare",
  "topic",
  "distributions",
  "other-players",
  "help",
  "about",
  "clarify",
  "not-found",
] as const;

export type Intent = (typeof INTENTS)[number];

interface AnswerBase<I extends Intent> {
  intent: I;
  lang: Lang;
  /** The request that produced this answer: renderers put it in "More", "Share" and paging buttons. */
  request: Request;
  title: string;
  summary: string;
  /** The products the answer is about, in order; renderers paginate. */
  items: ProductView[];
  /** How many products matched, when a long list was cut to its first MAX_LIST_ITEMS. */
  totalItems?: number;
  sections: Section[];
  sources: SourceView[];
  followUps: FollowUp[];
  /**
   * One-line notes shown right under the lead: assumptions the bot made ("You mentioned a bank,
   * so I assumed fully intranet"), names it does not cover, languages it does not speak.
   */
  notices?: string[];
}

export type ProductAnswer = AnswerBase<"product"> & { ambiguous: boolean };
export type VendorAnswer = AnswerBase<"vendor"> & { vendorIds: string[] };
export type FilterAnswer = AnswerBase<"filter"> & { filters: string[] };
export type CategoryAnswer = AnswerBase<"category"> & { categoryIds: string[] };
export type CategoriesAnswer = AnswerBase<"categories"> & {
  categories: { id: string; name: string; summary: string; productCount: number }[];
};
export type CompareAnswer = AnswerBase<"compare"> & { comparison: Comparison };
export type TopicAnswer = AnswerBase<"topic"> & { topicId: string };
export type DistributionsAnswer = AnswerBase<"distributions"> & {
  pairs: { productId: string; distributionId: string }[];
};
export type OtherPlayersAnswer = AnswerBase<"other-players"> & {
  vendors: { id: string; name: string; note: string }[];
};
export type HelpAnswer = AnswerBase<"help"> & { examples: string[] };
/** Where the answers come from and how current they are. */
export type AboutAnswer = AnswerBase<"about">;
export type NotFoundAnswer = AnswerBase<"not-found"> & {
  suggestions: FollowUp[];
  /** Names the question used that look like products but that the catalog does not cover. */
  unknownNames?: string[];
};
/** A short question back when the question is unclear: the title asks, the options (2–4) answer. */
export type ClarifyAnswer = AnswerBase<"clarify"> & { options: FollowUp[] };

export type Answer =
  | ProductAnswer
  | VendorAnswer
  | FilterAnswer
  | CategoryAnswer
  | CategoriesAnswer
  | CompareAnswer
  | TopicAnswer
  | DistributionsAnswer
  | OtherPlayersAnswer
  | HelpAnswer
  | AboutAnswer
  | ClarifyAnswer
  | NotFoundAnswer;
