import type { Answer, Lang } from "../../core/answer.js";
import { t } from "../strings.js";
import { ASKED_BY_BLOCK } from "./actions.js";
import { bodyUnits, type Unit } from "./body.js";
import { actionRows, context, header, sections, stateButton } from "./elements.js";
import { LAYOUT, LIMITS } from "./limits.js";
import { escapeMrkdwn, fill, mention, truncateMrkdwn } from "./mrkdwn.js";
import type { KnownBlock, SlackMessage } from "./types.js";

export interface SlackRenderOptions {
  /** 1-based; out-of-range pages show the nearest one. */
  page?: number;
  /** Slack user id of the person who asked, shown on a message shared in a channel. */
  askedBy?: string;
  /** Adds "Share in channel" (for answers only the asker can see). */
  shareable?: boolean;
}

// Reserved on every page whatever the options, so a page holds the same content shared or not.
const HEAD_BLOCKS = 2;
const TAIL_BLOCKS = 2;
const BODY_BUDGET = LIMITS.messageBlocks - HEAD_BLOCKS - TAIL_BLOCKS;

/** Renders one page of an answer as a Block Kit message. Pure: same answer and options, same message. */
export function renderSlackMessage(answer: Answer, options: SlackRenderOptions = {}): SlackMessage {
  const pages = paginate(bodyUnits(answer));
  const total = pages.length;
  const page = Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), total);
  const body = (pages[page - 1] ?? []).flatMap((u) => u.blocks);
  const blocks: KnownBlock[] = [
    header(answer.title),
    ...askedByBlocks(answer.lang, options.askedBy),
    ...body,
    ...navBlocks(answer, page, total, options.shareable === true),
  ];
  return { text: fallbackText(answer, page, total, pages[page - 1] ?? []), blocks };
}

/** Cuts the body into pages: at most `budget` blocks, `itemsPerPage` products and about LAYOUT.pageChars each. */
export function paginate(
  units: Unit[],
  budget = BODY_BUDGET,
  itemsPerPage: number = LAYOUT.itemsPerPage,
): Unit[][] {
  const pages: Unit[][] = [[]];
  let blocks = 0;
  let items = 0;
  let chars = 0;
  for (const u of units.flatMap((u) => splitUnit(u, budget))) {
    const current = pages[pages.length - 1] as Unit[];
    const size = JSON.stringify(u.blocks).length;
    const full =
      blocks + u.blocks.length > budget ||
      (u.item !== undefined && items >= itemsPerPage) ||
      chars + size > LAYOUT.pageChars;
    if (full && current.length > 0) {
      pages.push([u]);
      blocks = 0;
      items = 0;
      chars = 0;
    } else {
      current.push(u);
    }
    blocks += u.blocks.length;
    chars += size;
    if (u.item !== undefined) items += 1;
  }
  return pages;
}

/** A unit too big for one page (a very long summary, many sources) continues block by block. */
function splitUnit(u: Unit, budget: number): Unit[] {
  if (u.blocks.length <= 1) return [u];
  if (u.blocks.length <= budget && JSON.stringify(u.blocks).length <= LAYOUT.pageChars) return [u];
  return u.blocks.map((b) => ({ ...u, blocks: [b] }));
}

function askedByBlocks(lang: Lang, askedBy: string | undefined): KnownBlock[] {
  if (!askedBy) return [];
  const who = mention(askedBy);
  const blockId = who.startsWith("<@") ? `${ASKED_BY_BLOCK}:${askedBy}` : undefined;
  return [context([`${escapeMrkdwn(t(lang, "askedBy"))}: ${who}`], blockId)];
}

function navBlocks(answer: Answer, page: number, total: number, shareable: boolean): KnownBlock[] {
  const { lang, request } = answer;
  const blocks: KnownBlock[] = [];
  if (total > 1) blocks.push(context([escapeMrkdwn(fill(t(lang, "slackPageOfTotal"), { page, total }))]));
  // Page 1 is the default, so its state is the bare request, the same as any other button for it.
  const at = (p: number) => (p > 1 ? { request, page: p } : { request });
  const buttons = [
    page > 1 ? stateButton("page", 0, t(lang, "previous"), at(page - 1)) : undefined,
    page < total ? stateButton("page", 1, t(lang, "more"), at(page + 1), "primary") : undefined,
    shareable ? stateButton("share", undefined, t(lang, "shareInChannel"), at(page)) : undefined,
  ];
  blocks.push(...actionRows(buttons));
  return blocks;
}

function fallbackText(answer: Answer, page: number, total: number, units: Unit[]): string {
  let text = answer.text.trim() || `${answer.title}\n${answer.summary}`.trim() || t(answer.lang, "helpTitle");
  if (page > 1) {
    const names = units.flatMap((u) => (u.item === undefined ? [] : [u.item]));
    text = [`${answer.title} (${fill(t(answer.lang, "slackPageOfTotal"), { page, total })})`, ...names].join(
      "\n",
    );
  }
  return truncateMrkdwn(escapeMrkdwn(text), LAYOUT.fallbackText);
}

/** A short message for when something goes wrong: friendly, in the asker's language, nothing internal. */
export function renderNotice(lang: Lang, key: "slackError" | "slackExpired"): SlackMessage {
  const text = escapeMrkdwn(t(lang, key));
  return { text, blocks: sections(text) };
}
