import type { Answer, FollowUp } from "../answer.js";
import { type Ctx, finish } from "./context.js";

/** Example questions, from the message catalog: `examples.1` … `examples.6` in each language. */
export const examplesOf = (ctx: Ctx): string[] =>
  [1, 2, 3, 4, 5, 6].map((n) => ctx.m(`examples.${n}`)).filter((q) => !q.startsWith("examples."));

export function helpAnswer(ctx: Ctx): Answer {
  const examples = examplesOf(ctx);
  ctx.cite.cite(["article"]);
  return finish(
    {
      intent: "help",
      examples,
      title: ctx.m("help.title"),
      summary: ctx.m("help.summary"),
      items: [],
      sections: [],
      followUps: examples.slice(0, 3).map((q) => ({ label: q, request: { type: "ask" as const, q } })),
    },
    ctx,
  );
}

/** Where the catalog comes from: the article, the later sources, and how current each is. */
export function aboutAnswer(ctx: Ctx): Answer {
  const sources = [...ctx.catalog.sources.values()];
  const article = ctx.catalog.sources.get("article");
  const later = sources.filter((s) => s.kind !== "article");
  const thirdParty = later.filter((s) => s.kind === "third-party").length;
  const newest =
    later
      .map((s) => s.asOf)
      .sort()
      .at(-1) ?? "";
  ctx.cite.cite(["article", "reference-notes"]);
  const others = [...ctx.catalog.vendors.values()].filter((v) => v.otherPlayer).length;
  const counts = {
    products: ctx.catalog.products.size,
    vendors: ctx.catalog.vendors.size - others,
    categories: ctx.catalog.categories.size,
  };
  return finish(
    {
      intent: "about",
      title: ctx.m("about.title"),
      summary: ctx.m("about.summary", {
        title: article?.title ?? "",
        published: article?.published ?? "",
        count: later.length,
        newest,
        thirdParty,
      }),
      items: [],
      sections: [
        {
          title: ctx.m("about.holds"),
          bullets: [
            ctx.m("about.holds.kinds", { count: counts.categories }),
            ctx.m("about.holds.products", { products: counts.products, vendors: counts.vendors }),
            ctx.m("about.holds.others", { count: others }),
            ctx.m("about.holds.anywhere"),
          ],
        },
      ],
      followUps: [
        {
          label: ctx.m("followUp.kinds"),
          request: { type: "categories", lang: ctx.lang },
        },
        ctx.ask("followUp.airGapped"),
      ],
    },
    ctx,
  );
}

export function notFoundAnswer(ctx: Ctx, suggestions: FollowUp[]): Answer {
  const didYouMean = suggestions.length
    ? ` ${ctx.m("notFound.didYouMean", { names: suggestions.map((s) => s.label).join(ctx.lang === "zh" ? "、" : ", ") })}`
    : "";
  const examples = examplesOf(ctx)
    .slice(0, 2)
    .map((q) => ({ label: q, request: { type: "ask" as const, q } }));
  return finish(
    {
      intent: "not-found",
      suggestions,
      title: ctx.m("notFound.title"),
      summary: `${ctx.m("notFound.summary")}${didYouMean}`,
      items: [],
      sections: [],
      followUps: [...suggestions, ...examples].slice(0, 3),
    },
    ctx,
  );
}
