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
  parts: CardParts;
  /** Item indexes per page, packed so that every page fits the byte budget. */
  pages: number[][];
}

/** Intents whose items are the answer's subject and are listed one block per product. */
const listsItems = (a: Answer) => a.intent !== "compare";

export function renderAdaptiveCard(answer: Answer, options: CardOptions = {}): AdaptiveCard {
  const interactive = options.interactive ?? true;
  const { parts, pages } = layout(answer, interactive);
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1)), pages.length);
  const card = build(parts, page, pages);
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
  // The card's fallback text is the same at every detail level: cut it once.
  const fallbackText = clampBytes(answer.text, TEAMS_LIMITS.fallbackTextMaxBytes);
  for (const [i, detail] of levels.entries()) {
    const parts = new CardParts(answer, detail, interactive, fallbackText);
    const pages = pack(parts);
    if (pages || i === levels.length - 1) return { parts, pages: pages ?? evenPages(answer) };
  }
  throw new Error("unreachable: DETAIL_LEVELS is empty");
}

/** Greedy packing; undefined when some page cannot hold even one item at this detail level. */
function pack(parts: CardParts): number[][] | undefined {
  const { answer } = parts;
  const n = listsItems(answer) ? answer.items.length : 0;
  // Measured with a worst-case page count so the real paging line can only be shorter.
  const fits = (pages: number[][], page: number) =>
    withinBudget(parts.size(page, pages, TEAMS_LIMITS.maxPages));
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
  return withinBudget(jsonSize(card));
}

const withinBudget = (size: Size) =>
  size.utf8 <= TEAMS_LIMITS.cardMaxBytes && size.utf16 <= TEAMS_LIMITS.cardMaxUtf16Bytes;

function evenPages(answer: Answer): number[][] {
  const n = listsItems(answer) ? answer.items.length : 0;
  const pages: number[][] = [];
  for (let i = 0; i < n; i += TEAMS_LIMITS.itemsPerPage) {
    pages.push(Array.from({ length: Math.min(TEAMS_LIMITS.itemsPerPage, n - i) }, (_, k) => i + k));
  }
  return pages.length > 0 ? pages : [[]];
}

function build(parts: CardParts, page: number, pages: number[][]): AdaptiveCard {
  return { ...parts.skeleton, body: parts.body(page, pages) };
}

type Size = { utf8: number; utf16: number };

/**
 * The pieces of one answer's card at one detail level and interactivity, each built once and
 * shared by every page and every packing trial: the blocks of page 1, each item's block, the
 * sources, the fallback text and the follow-up buttons. Each piece's serialised size is measured
 * once too, so a packing trial costs a sum, not a serialisation of the whole card.
 */
class CardParts {
  readonly full: boolean;
  /** The card without its body (`body: []`). */
  readonly skeleton: AdaptiveCard;
  private readonly skeletonSize: Size;
  private title?: CardElement;
  private head?: CardElement[];
  private sectionList?: CardElement[];
  /** null: the answer cites no sources. */
  private sourceList?: CardElement | null;
  private readonly items = new Map<number, CardElement>();
  private readonly paging = new Map<string, CardElement[]>();
  private readonly sizes = new WeakMap<CardElement, Size>();

  constructor(
    readonly answer: Answer,
    readonly detail: Detail,
    readonly interactive: boolean,
    fallbackText: string,
  ) {
    this.full = answer.intent === "product" && !answer.ambiguous && answer.items.length === 1;
    const skeleton: AdaptiveCard = {
      type: "AdaptiveCard",
      $schema: TEAMS_LIMITS.schemaUrl,
      version: TEAMS_LIMITS.schemaVersion,
      fallbackText,
      body: [],
      msteams: { width: "Full" },
    };
    const actions: CardAction[] = interactive
      ? followUpActions(answer.followUps.slice(0, detail.maxFollowUps))
      : [];
    if (actions.length > 0) skeleton.actions = actions;
    this.skeleton = skeleton;
    this.skeletonSize = jsonSize(skeleton);
  }

  /** The card body for `page`; `pageCount` overrides the number of pages the paging line shows. */
  body(page: number, pages: number[][], pageCount = pages.length): CardElement[] {
    const { answer, interactive, full } = this;
    const indexes = (pages[page - 1] ?? []).filter((i) => answer.items[i] !== undefined);
    const blocks = indexes.map((i) => this.item(i));
    const body: CardElement[] = [this.heading()];
    if (page === 1) {
      body.push(...this.pageOne());
      // A single product's facts come before the sections that discuss it.
      if (full) body.push(...blocks);
      body.push(...this.sections());
    } else {
      body.push(...this.pagingLines(page, pageCount, pages, "label"));
    }
    if (!full) body.push(...blocks);
    if (interactive && indexes.length >= 2) {
      body.push(
        ...comparePicker(
          answer,
          indexes.map((i) => answer.items[i] as ProductView),
        ),
      );
    }
    body.push(...this.pagingLines(page, pageCount, pages, "buttons"));
    const sources = this.sources();
    if (sources) body.push(sources);
    return body;
  }

  /**
   * Exactly `jsonSize` of the card `body(page, pages, pageCount)` makes, summed from the sizes of
   * its elements (each measured once) instead of serialising the whole card again.
   */
  size(page: number, pages: number[][], pageCount = pages.length): Size {
    const body = this.body(page, pages, pageCount);
    // JSON.stringify writes `"body":[a,b,c]` where the skeleton has `"body":[]`.
    let utf8 = this.skeletonSize.utf8 + Math.max(0, body.length - 1);
    let utf16 = this.skeletonSize.utf16 + Math.max(0, body.length - 1) * 2;
    for (const element of body) {
      const size = this.sizeOf(element);
      utf8 += size.utf8;
      utf16 += size.utf16;
    }
    return { utf8, utf16 };
  }

  private sizeOf(element: CardElement): Size {
    let size = this.sizes.get(element);
    if (!size) {
      size = jsonSize(element);
      this.sizes.set(element, size);
    }
    return size;
  }

  private heading(): CardElement {
    this.title ??= heading(this.answer.title);
    return this.title;
  }

  /** The summary and the intent's own blocks, under the title of page 1. */
  private pageOne(): CardElement[] {
    if (!this.head) {
      const { answer, detail, interactive } = this;
      this.head = [];
      if (answer.summary) this.head.push(text(md(clamp(answer.summary, detail.summaryMax))));
      this.head.push(...intentBlocks(answer, detail, interactive));
    }
    return this.head;
  }

  private sections(): CardElement[] {
    this.sectionList ??= sectionBlocks(this.answer.sections, this.detail);
    return this.sectionList;
  }

  /** The block of `answer.items[index]`, which must exist. */
  private item(index: number): CardElement {
    let block = this.items.get(index);
    if (!block) {
      const { answer, detail, interactive, full } = this;
      const p = answer.items[index] as ProductView;
      block = productBlock(p, { lang: answer.lang, detail, interactive, full });
      this.items.set(index, block);
    }
    return block;
  }

  private sources(): CardElement | undefined {
    if (this.sourceList === undefined)
      this.sourceList = sourcesBlock(this.answer.sources, this.answer.lang, this.detail) ?? null;
    return this.sourceList ?? undefined;
  }

  /** The "page n of m" label under the title of later pages, or the paging line and buttons. */
  private pagingLines(
    page: number,
    pageCount: number,
    pages: number[][],
    which: "label" | "buttons",
  ): CardElement[] {
    const { answer, interactive } = this;
    const shown = pages[0]?.length ?? 0;
    const key = `${which}/${page}/${pageCount}/${interactive ? "" : shown}`;
    let lines = this.paging.get(key);
    if (!lines) {
      lines =
        which === "label"
          ? [
              text(md(fill(t(answer.lang, "teamsPageOf"), { page, pages: pageCount })), {
                isSubtle: true,
                spacing: "None",
              }),
            ]
          : paging(answer, interactive, page, pageCount, pages);
      this.paging.set(key, lines);
    }
    return lines;
  }
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
