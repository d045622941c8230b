import type { Answer, Lang, Request } from "../../core/answer.js";
import { feedbackData, type Verdict } from "../../core/feedback-codec.js";
import type { Action, Element, Line } from "../layout/model.js";
import { type PageView, pageOf } from "../layout/page.js";
import { t } from "../strings.js";
import { renderPageText } from "../text/index.js";
import { actionSets, DETAILS_ACTION_KEY, openUrl, PICK_INPUT_ID, pickAndCompare, submit } from "./actions.js";
import { bulletList, comparisonBlock, heading, sourcesBlock, text, titled } from "./blocks.js";
import { TEAMS_LIMITS } from "./limits.js";
import { clamp, clampBytes, fill, jsonSize, md } from "./text.js";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCard,
  type AdaptiveCardAttachment,
  type CardAction,
  type CardElement,
  type SubmitAction,
} from "./types.js";

export interface CardOptions {
  /** 1-based; out-of-range pages show the nearest existing page. */
  page?: number;
  /**
   * Buttons that post back to the bot (details, paging, compare, follow-ups). Off for cards the
   * message extension inserts: those land in conversations the bot may not be part of.
   */
  interactive?: boolean;
  /** What the 👍 / 👎 buttons carry besides the answer's intent and items; `false`: no such buttons. */
  feedback?: { qHash: string; catalog: string } | false;
}

/** Renders one page of an answer as an Adaptive Card 1.5. Pure: same answer and options, same card. */
export function renderAdaptiveCard(answer: Answer, options: CardOptions = {}): AdaptiveCard {
  return cardOf(pageOf(answer, options.page ?? 1), options.interactive ?? true, options.feedback);
}

function cardOf(
  view: PageView,
  interactive: boolean,
  feedback: CardOptions["feedback"],
  pageText = renderPageText(view),
): AdaptiveCard {
  const card = build(view, interactive, pageText, feedback);
  // The layout keeps pages far below the budget; this holds unless a catalog text is absurdly long.
  return fitsTeams(card) ? card : minimalCard(view, interactive, pageText);
}

/** How many pages `renderAdaptiveCard` can show for this answer (the last may list all sources). */
export function pageCount(answer: Answer, _options: Pick<CardOptions, "interactive"> = {}): number {
  return pageOf(answer, 1).total;
}

export interface TeamsMessage {
  /** The page as Markdown-safe text: sent instead of the card if Teams refuses the card. */
  text: string;
  /** What Teams shows in notifications and the activity feed. */
  summary: string;
  attachments: [AdaptiveCardAttachment];
}

export function renderTeamsMessage(answer: Answer, options: CardOptions = {}): TeamsMessage {
  const view = pageOf(answer, options.page ?? 1);
  const pageText = renderPageText(view);
  return {
    text: clampBytes(md(pageText).replace(/\n/g, "\n\n"), TEAMS_LIMITS.cardMaxUtf16Bytes / 2),
    summary: clamp(view.layout.title, TEAMS_LIMITS.titleMaxChars),
    attachments: [
      {
        contentType: ADAPTIVE_CARD_CONTENT_TYPE,
        content: cardOf(view, options.interactive ?? true, options.feedback, pageText),
      },
    ],
  };
}

function skeleton(pageText: string, body: CardElement[], actions: CardAction[]): AdaptiveCard {
  const card: AdaptiveCard = {
    type: "AdaptiveCard",
    $schema: TEAMS_LIMITS.schemaUrl,
    version: TEAMS_LIMITS.schemaVersion,
    fallbackText: clampBytes(pageText, TEAMS_LIMITS.fallbackTextMaxBytes),
    body,
  };
  if (actions.length) card.actions = actions;
  card.msteams = { width: "Full" };
  return card;
}

function build(
  view: PageView,
  interactive: boolean,
  pageText: string,
  feedback: CardOptions["feedback"],
): AdaptiveCard {
  const { layout } = view;
  const { lang } = layout;
  const body: CardElement[] = [heading(layout.title)];
  if (view.page === 1) {
    if (layout.lead) body.push(text(md(layout.lead)));
    for (const n of layout.notices) body.push(text(`_${md(n)}_`, { isSubtle: true, spacing: "Small" }));
  } else if (!view.allSources) {
    body.push(
      text(md(fill(t(lang, "teamsPageOf"), { page: view.page, pages: view.contentPages })), {
        isSubtle: true,
        spacing: "None",
      }),
    );
  }
  for (const e of view.elements) body.push(...convert(e, lang, interactive));
  body.push(...pager(view, interactive, feedback));
  const sources = sourcesBlock(view.sources, lang, t(lang, view.allSources ? "sourcesPageTitle" : "sources"));
  if (sources) body.push(sources);
  if (view.moreSources > 0 && !interactive)
    body.push(
      text(md(fill(t(lang, "sourcesMoreText"), { n: view.moreSources })), { size: "Small", isSubtle: true }),
    );
  const actions = interactive ? view.followUps.flatMap((f) => cardAction(f, true) ?? []) : [];
  return skeleton(pageText, body, actions);
}

/** One converter per layout element. */
function convert(e: Element, lang: Lang, interactive: boolean): CardElement[] {
  switch (e.kind) {
    case "paragraph":
      return [text(md(e.text))];
    case "bullets":
      return [titled(e.title, e.bullets.length ? [text(bulletList(e.bullets.map(md)))] : [])];
    case "group":
      return [titled(e.title, [text(bulletList(e.lines.map(lineMarkdown)))])];
    case "facts":
      return [
        titled(e.title, [
          { type: "FactSet", facts: e.rows.map((r) => ({ title: md(r.label), value: md(r.value) })) },
        ]),
      ];
    case "table":
      return comparisonBlock(e.columns, e.rows);
    case "actions": {
      const sets = actionSets(e.actions.map((a) => cardAction(a, interactive)));
      if (!e.title) return sets;
      // Without buttons (an inserted card), the choices are still worth reading.
      const labels = e.actions.flatMap((a) => (a.kind === "request" ? [md(a.label)] : []));
      return [titled(e.title, interactive ? sets : [text(bulletList(labels))])];
    }
    case "picker":
      return interactive ? picker(e, lang) : [];
  }
}

const lineMarkdown = (l: Line): string =>
  `**${md(l.label)}**${l.meta ? ` · ${md(l.meta)}` : ""}${l.text ? ` — ${md(l.text)}` : ""}`;

function cardAction(a: Action, interactive: boolean): CardAction | undefined {
  if (a.kind === "url") return openUrl(a.label, a.url);
  // "Compare with…" is a Slack menu of every product; in Teams the list pickers compare.
  if (!interactive || a.role === "compareWith") return undefined;
  return submit(a.label, a.request, a.page);
}

/**
 * Details one click away: a button per choice when they fit on a row, else one menu with a
 * Details button (and Compare for 2–4 picked products). Teams posts the picks with the button's data.
 */
function picker(e: Extract<Element, { kind: "picker" }>, lang: Lang): CardElement[] {
  if (e.choices.length <= TEAMS_LIMITS.maxActionsPerSet)
    return actionSets(e.choices.map((c) => submit(c.label, c.request)));
  const type = e.choices[0]?.request.type ?? "product";
  const idOf = (r: Request) => ("id" in r ? r.id : "");
  const choices = e.choices
    .filter((c) => c.request.type === type && idOf(c.request))
    .map((c) => ({ title: clamp(c.label, TEAMS_LIMITS.actionTitleMaxChars * 2), value: idOf(c.request) }));
  const details: SubmitAction = {
    type: "Action.Submit",
    title: clamp(t(lang, "details"), TEAMS_LIMITS.actionTitleMaxChars),
    data: { [DETAILS_ACTION_KEY]: { type, lang } },
  };
  return [
    {
      type: "Input.ChoiceSet",
      id: PICK_INPUT_ID,
      placeholder: t(lang, "chooseDetails"),
      isMultiSelect: e.compare && type === "product",
      choices,
    },
    ...actionSets([
      details,
      e.compare && type === "product" ? pickAndCompare(t(lang, "compare"), lang) : undefined,
    ]),
  ];
}

/** 👍 / 👎 on every answer: the data says what was answered, never what was asked. */
function votes(view: PageView, tag: CardOptions["feedback"]): SubmitAction[] {
  if (tag === false) return [];
  const { lang, feedback } = view.layout;
  const vote = (verdict: Verdict): SubmitAction => ({
    type: "Action.Submit",
    title: t(lang, verdict === "up" ? "feedbackUp" : "feedbackDown"),
    data: feedbackData({
      verdict,
      intent: feedback.intent,
      lang,
      items: feedback.items,
      qHash: tag?.qHash ?? "",
      catalog: tag?.catalog ?? "",
    }),
  });
  return [vote("up"), vote("down")];
}

function pager(view: PageView, interactive: boolean, feedback: CardOptions["feedback"]): CardElement[] {
  const { lang, request } = view.layout;
  if (!interactive) {
    if (view.contentPages <= 1) return [];
    return [
      text(md(fill(t(lang, "teamsPageOf"), { page: view.page, pages: view.contentPages })), {
        isSubtle: true,
      }),
    ];
  }
  const sourcesLabel =
    view.sources.length === 0
      ? fill(t(lang, "allSources"), { n: view.moreSources })
      : fill(t(lang, "moreSources"), { n: view.moreSources });
  const buttons = [
    view.previous ? submit(t(lang, "previous"), request, view.previous) : undefined,
    view.next ? submit(t(lang, "more"), request, view.next) : undefined,
    view.sourcesPage ? submit(sourcesLabel, request, view.sourcesPage) : undefined,
    ...votes(view, feedback),
  ];
  const out: CardElement[] = [];
  if (view.contentPages > 1 && !view.allSources && view.page === 1)
    out.push(
      text(md(fill(t(lang, "teamsPageOf"), { page: view.page, pages: view.contentPages })), {
        isSubtle: true,
        spacing: "Medium",
      }),
    );
  out.push(...actionSets(buttons));
  return out;
}

/** Within both card budgets (see limits.ts for why there are two). */
export function fitsTeams(card: AdaptiveCard): boolean {
  const size = jsonSize(card);
  return size.utf8 <= TEAMS_LIMITS.cardMaxBytes && size.utf16 <= TEAMS_LIMITS.cardMaxUtf16Bytes;
}

/** Last resort for a page that cannot fit: the title, the lead and the text fallback. */
function minimalCard(view: PageView, interactive: boolean, pageText: string): AdaptiveCard {
  const budget = Math.floor(TEAMS_LIMITS.cardMaxUtf16Bytes / 6);
  const body: CardElement[] = [
    heading(view.layout.title),
    text(md(clampBytes(view.layout.lead || pageText, budget))),
  ];
  if (interactive) body.push(...actionSets([submit(t(view.layout.lang, "details"), view.layout.request)]));
  return skeleton(pageText, body, []);
}
