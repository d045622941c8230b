import type { Answer, Lang, Request } from "../../core/answer.js";
import { encodeFeedbackValue } from "../../core/feedback-codec.js";
import type { Action, Element, Line } from "../layout/model.js";
import { type PageView, pageOf } from "../layout/page.js";
import { clip, firstSentence } from "../layout/text.js";
import { t } from "../strings.js";
import { type ActionName, ASKED_BY_BLOCK, actionId, menuValue } from "./actions.js";
import { actionRows, context, fieldsSection, plain, sections, stateButton, urlButton } from "./elements.js";
import { LAYOUT, LIMITS } from "./limits.js";
import { escapeMrkdwn, fill, mention, mrkdwnLink, truncateMrkdwn } from "./mrkdwn.js";
import type { Button, KnownBlock, SlackMessage, StaticSelect } from "./types.js";

export interface SlackRenderOptions {
  /** 1-based; out-of-range pages show the nearest one. */
  page?: number;
  /** Slack user id of the person who asked, shown on a message shared in a channel. */
  askedBy?: string;
  /** Adds "Share in channel" (for answers only the asker can see). */
  shareable?: boolean;
  /** What the 👍 / 👎 buttons carry besides the answer's intent and items; `false`: no such buttons. */
  feedback?: FeedbackTag | false;
}

/** The question's keyed hash and the catalog version, for the 👍 / 👎 buttons (never the words). */
export interface FeedbackTag {
  qHash: string;
  catalog: string;
}

/** Renders one page of an answer as a Block Kit message. Pure: same answer and options, same message. */
export function renderSlackMessage(answer: Answer, options: SlackRenderOptions = {}): SlackMessage {
  const view = pageOf(answer, options.page ?? 1);
  const { layout } = view;
  const ids = new Ids();
  const blocks: KnownBlock[] = [
    { type: "header", text: plain(layout.title, LIMITS.headerText) },
    ...askedByBlocks(layout.lang, options.askedBy),
  ];
  if (view.page === 1) {
    if (layout.lead) blocks.push(...sections(escapeMrkdwn(layout.lead)));
    if (layout.notices.length) blocks.push(context(layout.notices.map((n) => `_${escapeMrkdwn(n)}_`)));
  } else if (view.allSources) {
    blocks.push(...sections(`*${escapeMrkdwn(t(layout.lang, "sourcesPageTitle"))}*`));
  }
  for (const e of view.elements) blocks.push(...convert(e, ids));
  blocks.push(...sourceBlocks(view));
  blocks.push(...actionRows(view.followUps.map((f) => button(f, ids))));
  blocks.push(...navBlocks(view, options.shareable === true, ids, options.feedback));
  return { text: fallbackText(view), blocks };
}

/** Unique action_id suffixes within a message (Slack wants them unique per block; we keep them unique per message). */
class Ids {
  private readonly next = new Map<ActionName, number>();
  take(name: ActionName): number {
    const n = this.next.get(name) ?? 0;
    this.next.set(name, n + 1);
    return n;
  }
}

/** One converter per layout element. */
function convert(e: Element, ids: Ids): KnownBlock[] {
  switch (e.kind) {
    case "paragraph":
      return sections(escapeMrkdwn(e.text));
    case "bullets": {
      const title = e.title ? `*${escapeMrkdwn(e.title)}*` : "";
      const bullets = e.bullets.map((b) => `• ${escapeMrkdwn(b)}`);
      return sections([title, ...bullets].filter(Boolean).join("\n"));
    }
    case "group": {
      const title = e.title ? `*${escapeMrkdwn(e.title)}*` : "";
      return sections([title, ...e.lines.map(lineText)].filter(Boolean).join("\n"));
    }
    case "facts": {
      const fields = e.rows.map((r) => `*${escapeMrkdwn(r.label)}*\n${escapeMrkdwn(r.value)}`);
      const title = e.title ? `*${escapeMrkdwn(e.title)}*` : undefined;
      const out: KnownBlock[] = [];
      for (let i = 0; i < fields.length || i === 0; i += LIMITS.sectionFields)
        out.push(fieldsSection(i === 0 ? title : undefined, fields.slice(i, i + LIMITS.sectionFields)));
      return out;
    }
    case "table": {
      // Slack shows fields two per line on desktop and one per line on phones, so each value names its column.
      const names = e.columns.map((c) => `*${escapeMrkdwn(c)}*`);
      return [
        fieldsSection(undefined, names),
        ...e.rows.map((r) =>
          fieldsSection(
            `*${escapeMrkdwn(r.label)}*`,
            e.columns.map((c, i) => `_${escapeMrkdwn(c)}_\n${escapeMrkdwn(r.values[i] ?? "—")}`),
          ),
        ),
      ];
    }
    case "actions":
      return [
        ...(e.title ? sections(`*${escapeMrkdwn(e.title)}*`) : []),
        ...actionRows(e.actions.map((a) => button(a, ids))),
      ];
    case "picker":
      return pickerBlocks(e, ids);
  }
}

function lineText(l: Line): string {
  const meta = l.meta ? ` · ${escapeMrkdwn(l.meta)}` : "";
  const text = l.text ? ` — ${escapeMrkdwn(l.text)}` : "";
  return `• *${escapeMrkdwn(l.label)}*${meta}${text}`;
}

const ROLE_ACTION: Record<string, ActionName> = {
  product: "details",
  category: "category",
  vendor: "vendor",
};

function button(a: Action, ids: Ids): Button | undefined {
  if (a.kind === "url") return urlButton(ids.take("site"), a.label, a.url);
  const name: ActionName = a.role;
  const state = a.page && a.page > 1 ? { request: a.request, page: a.page } : { request: a.request };
  return stateButton(name, ids.take(name), a.label, state, a.primary ? "primary" : undefined);
}

/** Buttons when the choices fit on one row, a menu when there are more; "Compare these" for 2–4 products. */
function pickerBlocks(e: Extract<Element, { kind: "picker" }>, ids: Ids): KnownBlock[] {
  const { choices } = e;
  const lang = langOf(choices[0]?.request);
  const elements: (Button | StaticSelect | undefined)[] = [];
  if (choices.length <= LAYOUT.pickerButtons) {
    for (const c of choices) {
      const name = ROLE_ACTION[c.request.type] ?? "details";
      elements.push(stateButton(name, ids.take(name), c.label, { request: c.request }));
    }
  } else {
    const options = choices
      .flatMap((c) => {
        const value = menuValue(c.request);
        return value && value.length <= LIMITS.optionValue
          ? [{ text: { type: "plain_text" as const, text: plain(c.label, LIMITS.optionText).text }, value }]
          : [];
      })
      .slice(0, LIMITS.selectOptions);
    if (options.length)
      elements.push({
        type: "static_select",
        action_id: actionId("details", ids.take("details")),
        placeholder: plain(t(lang, "chooseDetails"), LIMITS.placeholderText),
        options,
      });
  }
  const products = choices.filter((c) => c.request.type === "product");
  if (e.compare && products.length >= 2 && products.length <= 4) {
    const request: Request = {
      type: "compare",
      ids: products.map((c) => (c.request.type === "product" ? c.request.id : "")),
      lang,
    };
    elements.push(stateButton("compareAll", undefined, t(lang, "slackCompareThese"), { request }));
  }
  const present = elements.filter((x): x is Button | StaticSelect => x !== undefined);
  const rows: KnownBlock[] = [];
  for (let i = 0; i < present.length; i += LAYOUT.buttonsPerRow)
    rows.push({ type: "actions", elements: present.slice(i, i + LAYOUT.buttonsPerRow) });
  return rows;
}

const langOf = (r: Request | undefined): Lang => (r && r.type !== "ask" ? r.lang : "en");

/** "Sources: [1] <url|title> (as of) · …": only those the page cites, packed into context elements. */
function sourceBlocks(view: PageView): KnownBlock[] {
  if (view.sources.length === 0) return [];
  const label = `*${escapeMrkdwn(t(view.layout.lang, "sources"))}:*`;
  const texts: string[] = [];
  let current = view.allSources ? "" : label;
  for (const s of view.sources) {
    const where = !s.url && s.locator ? `, ${escapeMrkdwn(s.locator)}` : "";
    const entry = truncateMrkdwn(
      `[${s.n}] ${mrkdwnLink(s.url, clip(s.title, 80))} (${escapeMrkdwn(s.asOf)}${where})`,
      1500,
    );
    if (current && current.length + 3 + entry.length > LIMITS.contextText) {
      texts.push(current);
      current = entry;
    } else current = current ? `${current}${current === label ? " " : " · "}${entry}` : entry;
  }
  if (current) texts.push(current);
  const blocks: KnownBlock[] = [];
  // Three full elements per block (of the ten allowed) keep the all-sources page readable.
  for (let i = 0; i < texts.length; i += 3) blocks.push(context(texts.slice(i, i + 3)));
  return blocks;
}

function navBlocks(
  view: PageView,
  shareable: boolean,
  ids: Ids,
  feedback: FeedbackTag | false | undefined,
): KnownBlock[] {
  const { lang, request } = view.layout;
  const blocks: KnownBlock[] = [];
  if (view.contentPages > 1 && !view.allSources)
    blocks.push(
      context([
        escapeMrkdwn(fill(t(lang, "slackPageOfTotal"), { page: view.page, total: view.contentPages })),
      ]),
    );
  // Page 1 is the default, so its state is the bare request, the same as any other button for it.
  const at = (p: number) => (p > 1 ? { request, page: p } : { request });
  const sourcesLabel =
    view.sources.length === 0
      ? fill(t(lang, "allSources"), { n: view.moreSources })
      : fill(t(lang, "moreSources"), { n: view.moreSources });
  const buttons = [
    view.previous ? stateButton("page", ids.take("page"), t(lang, "previous"), at(view.previous)) : undefined,
    view.next ? stateButton("page", ids.take("page"), t(lang, "more"), at(view.next), "primary") : undefined,
    view.sourcesPage ? stateButton("page", ids.take("page"), sourcesLabel, at(view.sourcesPage)) : undefined,
    shareable ? stateButton("share", undefined, t(lang, "shareInChannel"), at(view.page)) : undefined,
    ...feedbackButtons(view, feedback),
  ];
  // One row with the pager, Share and the votes: a separate block would cost every answer a block.
  blocks.push(...actionRows(buttons, LAYOUT.navButtons));
  return blocks;
}

/** 👍 / 👎 on every answer: the value says what was answered, never what was asked. */
function feedbackButtons(view: PageView, tag: FeedbackTag | false | undefined): (Button | undefined)[] {
  if (tag === false) return [];
  const { lang, feedback } = view.layout;
  const value = encodeFeedbackValue({
    intent: feedback.intent,
    lang,
    items: feedback.items,
    qHash: tag?.qHash ?? "",
    catalog: tag?.catalog ?? "",
  });
  const vote = (name: "feedbackUp" | "feedbackDown", key: "feedbackUp" | "feedbackDown"): Button => ({
    type: "button",
    action_id: actionId(name),
    text: plain(t(lang, key), LIMITS.buttonText),
    value,
  });
  return [vote("feedbackUp", "feedbackUp"), vote("feedbackDown", "feedbackDown")];
}

/** The notification text: the title and the direct answer's first sentence, short enough for a push notification. */
function fallbackText(view: PageView): string {
  const { layout } = view;
  const text =
    view.page > 1
      ? `${layout.title} (${view.allSources ? t(layout.lang, "sourcesPageTitle") : fill(t(layout.lang, "slackPageOfTotal"), { page: view.page, total: view.contentPages })})`
      : `${layout.title}\n${clip(firstSentence(layout.lead), LAYOUT.fallbackText / 2)}`.trim();
  return truncateMrkdwn(escapeMrkdwn(text), LAYOUT.fallbackText);
}

function askedByBlocks(lang: Lang, askedBy: string | undefined): KnownBlock[] {
  if (!askedBy) return [];
  const who = mention(askedBy);
  const blockId = who.startsWith("<@") ? `${ASKED_BY_BLOCK}:${askedBy}` : undefined;
  return [context([`${escapeMrkdwn(t(lang, "askedBy"))}: ${who}`], blockId)];
}

/** A short message for when something goes wrong: friendly, in the asker's language, nothing internal. */
export function renderNotice(
  lang: Lang,
  key: "slackError" | "slackExpired" | "feedbackThanks",
): SlackMessage {
  const text = escapeMrkdwn(t(lang, key));
  return { text, blocks: sections(text) };
}
