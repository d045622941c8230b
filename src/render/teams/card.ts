import type { Answer, ProductView } from "../../core/answer.js";
import { t } from "../strings.js";
import { actionSets, submit } from "./actions.js";
import {
  DETAIL_LEVELS,
  type Detail,
  followUpActions,
  heading,
  productBlock,
  sectionBlocks,
  sourcesBlock,
  text,
} from "./blocks.js";
import { comparePicker, intentBlocks } from "./intents.js";
import { TEAMS_LIMITS } from "./limits.js";
import { clamp, clampBytes, fill, jsonSize, md } from "./text.js";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCard,
  type AdaptiveCardAttachment,
  type CardAction,
  type CardElement,
} from "./types.js";

export interface CardOptions {
  /** 1-based; out-of-range pages show the nearest existing page. */
  page?: number;
  /**
   * Buttons that post back to the bot (details, paging, compare, follow-ups). Off for cards the
   * message extension inserts: those land in conversations the bot may not be part of.
   */
  interactive?: boolean;
}

interface Layout {
  detail: Detail;
  /** Item indexes per page, packed so that every page fits the byte budget. */
  pages: number[][];
}

/** Intents whose items are the answer's subject and are listed one block per product. */
const listsItems = (a: Answer) => a.intent !== "compare";

export function renderAdaptiveCard(answer: Answer, options: CardOptions = {}): AdaptiveCard {
  const interactive = options.interactive ?? true;
  const { detail, pages } = layout(answer, interactive);
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), pages.length);
  const card = build(answer, detail, interactive, page, pages);
  // Packing measured every page, so this holds unless a single item cannot fit even alone.
  return fitsTeams(card) ? card : minimalCard(answer, interactive);
}

/** How many pages `renderAdaptiveCard` splits this answer into. */
export function pageCount(answer: Answer, options: Pick<CardOptions, "interactive"> = {}): number {
  return layout(answer, options.interactive ?? true).pages.length;
}

export interface TeamsMessage {
  /** The whole answer as Markdown-safe text: sent instead of the card if Teams refuses the card. */
  text: string;
  /** What Teams shows in notifications and the activity feed. */
  summary: string;
  attachments: [AdaptiveCardAttachment];
}

export function renderTeamsMessage(answer: Answer, options: CardOptions = {}): TeamsMessage {
  return {
    text: clampBytes(md(answer.text).replace(/\n/g, "\n\n"), TEAMS_LIMITS.cardMaxUtf16Bytes / 2),
    summary: clamp(answer.title, TEAMS_LIMITS.titleMaxChars),
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: renderAdaptiveCard(answer, options) }],
  };
}

/** The first detail level at which every page holds at least one item within the budget. */
function layout(answer: Answer, interactive: boolean): Layout {
  const levels = DETAIL_LEVELS;
  for (const [i, detail] of levels.entries()) {
    const pages = pack(answer, detail, interactive);
    if (pages || i === levels.length - 1) return { detail, pages: pages ?? evenPages(answer) };
  }
  throw new Error("unreachable: DETAIL_LEVELS is empty");
}

/** Greedy packing; undefined when some page cannot hold even one item at this detail level. */
function pack(answer: Answer, detail: Detail, interactive: boolean): number[][] | undefined {
  const n = listsItems(answer) ? answer.items.length : 0;
  // Measured with a worst-case page count so the real paging line can only be shorter.
  const fits = (pages: number[][], page: number) =>
    fitsTeams(build(answer, detail, interactive, page, pages, TEAMS_LIMITS.maxPages));
  const pages: number[][] = [];
  let next = 0;
  do {
    const current: number[] = [];
    pages.push(current);
    while (next < n && current.length < TEAMS_LIMITS.itemsPerPage) {
      current.push(next);
      if (!fits(pages, pages.length)) {
        current.pop();
        break;
      }
      next++;
    }
    if (current.length === 0 && next < n) return undefined;
    if (current.length === 0 && !fits(pages, pages.length)) return undefined;
  } while (next < n && pages.length < TEAMS_LIMITS.maxPages);
  return pages;
}

/** Within both card budgets (see limits.ts for why there are two). */
export function fitsTeams(card: AdaptiveCard): boolean {
  const size = jsonSize(card);
  return size.utf8 <= TEAMS_LIMITS.cardMaxBytes && size.utf16 <= TEAMS_LIMITS.cardMaxUtf16Bytes;
}

function evenPages(answer: Answer): number[][] {
  const n = listsItems(answer) ? answer.items.length : 0;
  const pages: number[][] = [];
  for (let i = 0; i < n; i += TEAMS_LIMITS.itemsPerPage) {
    pages.push(Array.from({ length: Math.min(TEAMS_LIMITS.itemsPerPage, n - i) }, (_, k) => i + k));
  }
  return pages.length > 0 ? pages : [[]];
}

function build(
  answer: Answer,
  detail: Detail,
  interactive: boolean,
  page: number,
  pages: number[][],
  pageCountForSize?: number,
): AdaptiveCard {
  const { lang } = answer;
  const pageCount = pageCountForSize ?? pages.length;
  const items = (pages[page - 1] ?? []).map((i) => answer.items[i]).filter((p): p is ProductView => !!p);
  const body: CardElement[] = [heading(answer.title)];
  const full = answer.intent === "product" && !answer.ambiguous && answer.items.length === 1;
  if (page === 1) {
    if (answer.summary) body.push(text(md(clamp(answer.summary, detail.summaryMax))));
    body.push(...intentBlocks(answer, detail, interactive));
    // A single product's facts come before the sections that discuss it.
    if (full) body.push(...items.map((p) => productBlock(p, { lang, detail, interactive, full })));
    body.push(...sectionBlocks(answer.sections, detail));
  } else {
    body.push(
      text(md(fill(t(lang, "teamsPageOf"), { page, pages: pageCount })), { isSubtle: true, spacing: "None" }),
    );
  }
  if (!full) body.push(...items.map((p) => productBlock(p, { lang, detail, interactive, full })));
  if (interactive && items.length >= 2) body.push(...comparePicker(answer, items));
  body.push(...paging(answer, interactive, page, pageCount, pages));
  const sources = sourcesBlock(answer.sources, lang, detail);
  if (sources) body.push(sources);

  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: TEAMS_LIMITS.schemaUrl,
    version: TEAMS_LIMITS.schemaVersion,
    fallbackText: clampBytes(answer.text, TEAMS_LIMITS.fallbackTextMaxBytes),
    body,
    msteams: { width: "Full" },
  };
  const actions: CardAction[] = interactive
    ? followUpActions(answer.followUps.slice(0, detail.maxFollowUps))
    : [];
  if (actions.length > 0) card.actions = actions;
  return card;
}

function paging(
  answer: Answer,
  interactive: boolean,
  page: number,
  pageCount: number,
  pages: number[][],
): CardElement[] {
  if (pageCount <= 1) return [];
  const { lang } = answer;
  if (!interactive) {
    const shown = pages[0]?.length ?? 0;
    return [
      text(md(fill(t(lang, "teamsShowingFirst"), { shown, total: answer.items.length })), { isSubtle: true }),
    ];
  }
  return [
    text(md(fill(t(lang, "teamsPageOf"), { page, pages: pageCount })), { isSubtle: true, spacing: "Medium" }),
    ...actionSets([
      page > 1 ? submit(t(lang, "previous"), answer.request, page - 1) : undefined,
      page < pageCount ? submit(t(lang, "more"), answer.request, page + 1) : undefined,
    ]),
  ];
}

/** Last resort for an answer whose single item cannot fit: title, summary and the text fallback. */
function minimalCard(answer: Answer, interactive: boolean): AdaptiveCard {
  const budget = Math.floor(TEAMS_LIMITS.cardMaxUtf16Bytes / 6);
  const body: CardElement[] = [
    heading(answer.title),
    text(md(clampBytes(answer.summary || answer.text, budget))),
  ];
  if (interactive) body.push(...actionSets([submit(t(answer.lang, "details"), answer.request)]));
  return {
    type: "AdaptiveCard",
    $schema: TEAMS_LIMITS.schemaUrl,
    version: TEAMS_LIMITS.schemaVersion,
    fallbackText: clampBytes(answer.text, TEAMS_LIMITS.fallbackTextMaxBytes),
    body,
  };
}
