import type { Answer, FollowUp, Lang, Request } from "../answer.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Category, EvidenceLevel, Vendor } from "../catalog/schema.js";
import { levelLabel } from "../facts.js";
import { type Phrases, phrases } from "../phrases.js";
import { SourceCollector } from "../views.js";
import { vocabularyOf } from "../vocabulary/load.js";
import { message } from "../vocabulary/vocabulary.js";

/** What every composer needs: the catalog, the answer language, the request, and the cited sources. */
export class Ctx {
  readonly cite: SourceCollector;
  constructor(
    readonly catalog: Catalog,
    readonly lang: Lang,
    readonly request: Request,
  ) {
    this.cite = new SourceCollector(catalog);
  }

  /** Cites the sources and returns their markers (" [1][3]") for inline use in bullets. */
  ref(ids: readonly string[]): string {
    this.cite.cite(ids);
    const ns = [...new Set(ids.map((id) => this.cite.number(id)).filter((n) => n > 0))];
    return ns.length ? ` [${ns.join("][")}]` : "";
  }

  /** Picks the text for the answer's language. */
  l(text: { en: string; zh: string }): string {
    return text[this.lang];
  }

  /** The answer's wording, from the language's message catalog (knowledge/messages). */
  m(key: string, params: Record<string, string | number> = {}): string {
    return message(vocabularyOf(this.catalog), this.lang, key, params);
  }

  /** Whether the message catalog has `key` (optional, per-id wording such as `trait.<id>`). */
  has(key: string): boolean {
    const v = vocabularyOf(this.catalog);
    return Object.hasOwn(v.messages[this.lang] ?? {}, key) || Object.hasOwn(v.messages.en ?? {}, key);
  }

  /** The message `key` when the catalog has it, else `fallback` (an id shown as it is). */
  mOr(key: string, fallback: string, params: Record<string, string | number> = {}): string {
    return this.has(key) ? this.m(key, params) : fallback;
  }

  /** The words around catalog data (labels, delivery, support levels) in the answer's language. */
  get phrases(): Phrases {
    return phrases(this.lang, this.catalog);
  }

  /** How an evidence level shows: "Yes", "Partly", "Unconfirmed"… */
  level(level: EvidenceLevel | "unknown"): string {
    return levelLabel(this.catalog, this.lang, level);
  }

  /** A follow-up question whose words are the message `key` in the answer's language. */
  ask(key: string): FollowUp {
    const q = this.m(key);
    return { label: q, request: { type: "ask", q } };
  }

  /** "More in <category>": the category's whole list. */
  moreInCategory(category: Category): FollowUp {
    const name = this.l(category.name);
    return {
      label: this.m("followUp.moreIn", { name }),
      request: { type: "category", id: category.id, lang: this.lang },
    };
  }

  /** "What else does <vendor> offer?" */
  moreFromVendor(vendor: Vendor): FollowUp {
    const name = this.l(vendor.name);
    return {
      label: this.m("followUp.moreFrom", { name }),
      request: { type: "vendor", id: vendor.id, lang: this.lang },
    };
  }
}

/** Omit over each member of a union, so each intent keeps its own fields. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * Completes a composer's draft: the language and request from the context, the sources cited.
 * Answers carry no text: renderers (src/render) write plain text, Slack and Teams from the layout.
 */
export function finish(draft: DistributiveOmit<Answer, "sources" | "lang" | "request">, ctx: Ctx): Answer {
  return {
    ...draft,
    lang: ctx.lang,
    request: ctx.request,
    followUps: padFollowUps(ctx, draft.followUps),
    sources: ctx.cite.views(),
  } as Answer;
}

export const joinList = (lang: Lang, xs: readonly string[]): string => {
  if (lang === "zh") return xs.join("、");
  if (xs.length <= 2) return xs.join(" and ");
  return `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
};

/** Two or three follow-ups on every answer: a short list is padded with general next steps. */
function padFollowUps(ctx: Ctx, followUps: FollowUp[]): FollowUp[] {
  const general: FollowUp[] = [
    {
      label: ctx.m("followUp.kinds"),
      request: { type: "categories", lang: ctx.lang },
    },
    ctx.ask("followUp.airGapped"),
    {
      label: ctx.m("followUp.help"),
      request: { type: "help", lang: ctx.lang },
    },
  ];
  const out = [...followUps];
  for (const g of general) {
    if (out.length >= 2) break;
    if (!out.some((f) => f.label === g.label || JSON.stringify(f.request) === JSON.stringify(g.request)))
      out.push(g);
  }
  return out.slice(0, 3);
}
