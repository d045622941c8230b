import type { Answer, FollowUp, Lang, Request } from "../answer.js";
import type { Catalog } from "../catalog/catalog.js";
import type { Category, Vendor } from "../catalog/schema.js";
import { type DistributiveOmit, type Draft, plainText } from "../text.js";
import { SourceCollector } from "../views.js";

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

  ask(en: string, zh: string): FollowUp {
    const q = this.lang === "zh" ? zh : en;
    return { label: q, request: { type: "ask", q } };
  }

  /** "More in <category>": the category's whole list. */
  moreInCategory(category: Category): FollowUp {
    const name = this.l(category.name);
    return {
      label: this.lang === "zh" ? `同类产品：${name}` : `More in ${name}`,
      request: { type: "category", id: category.id, lang: this.lang },
    };
  }

  /** "What else does <vendor> offer?" */
  moreFromVendor(vendor: Vendor): FollowUp {
    const name = this.l(vendor.name);
    return {
      label: this.lang === "zh" ? `${name}还有哪些产品？` : `What else does ${name} offer?`,
      request: { type: "vendor", id: vendor.id, lang: this.lang },
    };
  }
}

/** Completes a composer's draft: the language and request from the context, the sources cited, the text. */
export function finish(draft: DistributiveOmit<Draft, "sources" | "lang" | "request">, ctx: Ctx): Answer {
  const withSources = {
    ...draft,
    lang: ctx.lang,
    request: ctx.request,
    followUps: padFollowUps(ctx, draft.followUps),
    sources: ctx.cite.views(),
  } as Draft;
  return { ...withSources, text: plainText(withSources) } as Answer;
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
      label: ctx.lang === "zh" ? "有哪几类产品？" : "What kinds of offering are there?",
      request: { type: "categories", lang: ctx.lang },
    },
    ctx.ask("Which options work fully air-gapped?", "哪些方案支持全内网部署？"),
    {
      label: ctx.lang === "zh" ? "我能问什么？" : "What can I ask?",
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
