import type { Intent, Lang, Request, SourceView } from "../../core/answer.js";

/**
 * The neutral layout of one answer: what a reader sees, in order, with no platform in it. Built
 * from an Answer by `buildLayout` (the only place that switches on the intent); the Slack, Teams
 * and text renderers each turn it into their format with one small converter per element kind.
 *
 * Texts are plain (not Markdown): each renderer escapes them for its format. Citation markers in
 * texts ("[3]") are already renumbered to the layout's source numbering.
 */
export interface Layout {
  lang: Lang;
  /** The request that produced the answer: paging, Share and "n more" buttons carry it. */
  request: Request;
  /** The heading: the subject, or for a clarification the question back. */
  title: string;
  /** The direct answer, first: "Yes — …", "17 offerings…". */
  lead: string;
  /** Assumptions and caveats, right under the lead. */
  notices: string[];
  /** The body, cut into pages; page 1 is what is sent first. Never empty. */
  pages: Page[];
  /** Every source of the answer in display order: those the text cites first, numbered from 1. */
  sources: NumberedSource[];
  /** Follow-up questions, shown on every page (less those the body already offers). */
  followUps: Action[];
  /** What a 👍 / 👎 on the answer is about (the renderers add the question's hash and the catalog). */
  feedback: { intent: Intent; items: string[] };
}

export interface Page {
  elements: Element[];
  /** The numbers of the sources this page's text cites (ascending). */
  cites: number[];
  /** The "all sources" page that "n more" opens: the elements are empty, every source is listed. */
  allSources?: boolean;
}

export interface NumberedSource extends SourceView {
  n: number;
}

/** A button or menu entry that asks the bot for something, or opens a web page. */
export type Action = RequestAction | UrlAction;

/** What a request button is for; Slack maps each role to an action_id its adapter listens to. */
export type ActionRole =
  | "details"
  | "followUp"
  | "category"
  | "vendor"
  | "example"
  | "compareAll"
  | "compareWith"
  | "page";

export interface RequestAction {
  kind: "request";
  role: ActionRole;
  label: string;
  request: Request;
  /** For paging and the sources page: which page of the request's answer to show. */
  page?: number;
  primary?: boolean;
}

export interface UrlAction {
  kind: "url";
  label: string;
  url: string;
}

/** One line of an overview list: a product (or category, vendor) with why it is there. */
export interface Line {
  label: string;
  /** Who makes it, a count: shown after the label. */
  meta?: string;
  /** The one-line reason it matches, or what it is. */
  text?: string;
  /** What the line's details are: the request a click on it asks. */
  open?: Request;
}

export type Element =
  | { kind: "paragraph"; text: string }
  | { kind: "bullets"; title?: string; bullets: string[] }
  /** One-line items, optionally under a heading (a match level, a category). */
  | { kind: "group"; title?: string; lines: Line[] }
  /** Label–value rows: a product's facts, what compared products share. */
  | { kind: "facts"; title?: string; rows: { label: string; value: string }[] }
  /** Side by side: column i of every row belongs to columns[i]. */
  | { kind: "table"; columns: string[]; rows: { label: string; values: string[] }[] }
  /** Buttons, optionally under a heading ("Try asking", "Did you mean"). */
  | { kind: "actions"; title?: string; actions: Action[] }
  /**
   * Details of one of several things, one click away: buttons when few, a menu when many.
   * `compare` offers comparing 2–4 of them (products only).
   */
  | { kind: "picker"; choices: { label: string; request: Request }[]; compare: boolean };

export type ElementKind = Element["kind"];
