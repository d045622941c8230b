import type { Answer, FollowUp, Lang, Section } from "../answer.js";
import type { Catalog } from "../catalog/catalog.js";
import { clarifyAnswer } from "../compose/ask-back.js";
import { compareAnswer } from "../compose/compare.js";
import { Ctx } from "../compose/context.js";
import { filterAnswer } from "../compose/lists.js";
import { productAnswer } from "../compose/products.js";
import { route } from "../engine.js";
import { attributeValue } from "../facts.js";
import type { Query } from "../query.js";
import { wantedOf } from "../routing.js";
import { understand } from "../understand.js";
import { vocabularyOf } from "../vocabulary/load.js";
import { type FollowUpKind, followUpOf } from "./follow-up.js";
import { restoreQuery, storeQuery, type Turn } from "./turn.js";

/** An answer in a conversation: what to show, which page, and what to remember for the next message. */
export interface ConversationReply {
  answer: Answer;
  page: number;
  /** What to keep for the next message; undefined = keep what was there. */
  turn?: Turn;
  /** The message refined the previous answer (for logs and feedback), or stood alone. */
  followUp?: FollowUpKind["kind"];
}

const turnOf = (answer: Answer, query: Query, page = 1): Turn => ({
  v: 1,
  lang: answer.lang,
  intent: answer.intent,
  query: storeQuery(query),
  items: answer.items.map((i) => i.id),
  page,
});

/**
 * Answers a message in the light of the previous turn of the same conversation. Pure: the caller
 * loads the previous turn and stores the new one. A message that stands on its own is answered on
 * its own; a follow-up with nothing to refine says so.
 */
export function converse(question: string, catalog: Catalog, previous?: Turn): ConversationReply {
  const text = typeof question === "string" ? question : "";
  const q = understand(text, catalog);
  const follow = followUpOf(text, q, vocabularyOf(catalog));
  const ctx = new Ctx(catalog, q.lang, { type: "ask", q: text.slice(0, 500) });
  if (!follow) {
    const answer = route(ctx, q);
    return { answer, page: 1, turn: turnOf(answer, q) };
  }
  if (!previous) return { answer: nothingToRefine(ctx), page: 1, followUp: follow.kind };
  switch (follow.kind) {
    case "more": {
      const again = route(ctx, restoreQuery(previous.query, q.lang));
      const page = previous.page + 1;
      return { answer: again, page, turn: { ...previous, page }, followUp: "more" };
    }
    case "why":
      return { answer: whyAnswer(ctx, previous), page: 1, followUp: "why" };
    case "position":
      return byPosition(ctx, previous, follow.positions, follow.compare);
    case "refine":
      return refine(ctx, q, previous);
    case "swap":
      return swap(ctx, q, previous);
  }
}

function nothingToRefine(ctx: Ctx): Answer {
  const a = clarifyAnswer(ctx);
  return { ...a, title: ctx.m("followUp.nothing.title"), summary: ctx.m("followUp.nothing.summary") };
}

function byPosition(ctx: Ctx, previous: Turn, positions: number[], compare: boolean): ConversationReply {
  const ids = [
    ...new Set(
      positions
        .map((n) => (n === -1 ? previous.items.length : n))
        .map((n) => previous.items[n - 1])
        .filter((id): id is string => id !== undefined && ctx.catalog.products.has(id)),
    ),
  ];
  if (!ids.length) {
    const a = clarifyAnswer(ctx);
    const answer = {
      ...a,
      title: ctx.m("followUp.noSuchItem.title"),
      summary: ctx.m("followUp.noSuchItem.summary", { count: previous.items.length }),
    };
    return { answer, page: 1, followUp: "position" };
  }
  const answer =
    compare && ids.length >= 2
      ? compareAnswer(ctx, ids.slice(0, 4))
      : productAnswer(ctx, [ids[0] as string], false);
  const turn: Turn = {
    ...previous,
    lang: ctx.lang,
    intent: answer.intent,
    items: answer.items.map((i) => i.id),
    page: 1,
    query: { ...previous.query, products: ids },
  };
  return { answer, page: 1, turn, followUp: "position" };
}

/** "Which of those are open source?": the previous items, narrowed by the new conditions. */
function refine(ctx: Ctx, q: Query, previous: Turn): ConversationReply {
  const narrowed = filterAnswer(ctx, { wanted: wantedOf(ctx, q), onlyIds: previous.items });
  const lead = ctx.m("followUp.refined", { count: previous.items.length, lead: narrowed.summary });
  const answer = { ...narrowed, summary: lead };
  const merged: Query = {
    ...restoreQuery(previous.query, ctx.lang),
    constraints: [...previous.query.constraints, ...q.constraints],
    vendors: [...new Set([...previous.query.vendors, ...q.vendors])],
  };
  return { answer, page: 1, turn: turnOf(answer, merged), followUp: "refine" };
}

/** "And Huawei?": the previous question, about another product or vendor. */
function swap(ctx: Ctx, q: Query, previous: Turn): ConversationReply {
  const before = restoreQuery(previous.query, ctx.lang);
  const aboutOne = previous.intent === "product" || previous.intent === "compare";
  const next: Query = {
    ...before,
    mentions: q.mentions,
    products: q.products,
    // A list keeps its conditions and takes the new vendor as its scope; a product question is
    // asked again about the new product.
    vendors: q.vendors,
    yesNo: aboutOne ? before.yesNo : false,
  };
  if (!aboutOne && q.products.length) next.constraints = before.constraints;
  let answer = route(ctx, next);
  // Nothing of the new vendor meets every condition: drop the latest refinement and say so,
  // rather than answer a bare "none".
  const last = next.constraints[next.constraints.length - 1];
  if (!aboutOne && !answer.items.length && last && next.constraints.length > 1) {
    next.constraints = next.constraints.slice(0, -1);
    const name = vocabularyOf(ctx.catalog).attributes.get(last.attribute)?.name;
    const relaxed = route(ctx, next);
    const note = ctx.m("followUp.relaxed", { condition: name ? ctx.l(name) : last.attribute });
    answer = { ...relaxed, notices: [note, ...(relaxed.notices ?? [])] };
  }
  return { answer, page: 1, turn: turnOf(answer, next), followUp: "swap" };
}

/** "Why?": the evidence behind the previous answer's first line, item by item, with sources. */
function whyAnswer(ctx: Ctx, previous: Turn): Answer {
  const again = route(ctx, restoreQuery(previous.query, ctx.lang));
  const attributes = previous.query.constraints.map((c) => c.attribute);
  const v = vocabularyOf(ctx.catalog);
  const bullets: string[] = [];
  for (const id of previous.items.slice(0, 12)) {
    const name = ctx.l(ctx.catalog.products.get(id)?.name ?? { en: id, zh: id });
    for (const attribute of attributes) {
      const value = attributeValue(ctx.catalog, id, attribute);
      const title = v.attributes.get(attribute)?.name;
      if (!title) continue;
      if (!value) {
        bullets.push(`${name} · ${ctx.l(title)}: ${ctx.m("why.noValue")}`);
        continue;
      }
      const reason = value.reason ? ` — ${ctx.l(value.reason)}` : "";
      bullets.push(
        `${name} · ${ctx.l(title)}: ${ctx.m(`level.${value.level}`)}${reason}${ctx.ref(value.sources)}`,
      );
    }
  }
  const sections: Section[] = bullets.length
    ? [{ title: ctx.m("list.why"), bullets }, ...again.sections]
    : again.sections;
  const summary = bullets.length
    ? ctx.m(previous.items.length === 1 ? "why.summary.one" : "why.summary", { count: previous.items.length })
    : ctx.m("why.noConditions", { lead: again.summary });
  const followUps: FollowUp[] = again.followUps;
  return {
    ...again,
    sources: [...again.sources, ...ctx.cite.views().filter((s) => !again.sources.some((x) => x.id === s.id))],
    summary,
    sections,
    followUps,
  };
}

/** The language of a turn's answer, for callers that must answer without a question (buttons). */
export const turnLang = (turn: Turn | undefined, fallback: Lang): Lang => turn?.lang ?? fallback;
