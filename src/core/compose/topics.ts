import type { Answer, FollowUp } from "../answer.js";
import type { Category } from "../catalog/schema.js";
import { productView } from "../views.js";
import { type Ctx, finish, joinList } from "./context.js";

export function topicAnswer(ctx: Ctx, topicId: string): Answer | undefined {
  const topic = ctx.catalog.topics.get(topicId);
  if (!topic) return undefined;
  ctx.cite.cite(topic.sources);
  const items = topic.products.map((id) => productView(ctx.catalog, id, ctx.lang, ctx.cite, 1));
  const sections = topic.points.map((pt) => ({
    title: ctx.l(pt.title),
    bullets: pt.details.map((d) => ctx.l(d)),
  }));
  const facts = topic.facts.map((f) => `${ctx.l(f.text)}${ctx.ref(f.sources)}`);
  if (facts.length) sections.push({ title: ctx.m("topic.keepInMind"), bullets: facts });
  const followUps: FollowUp[] = [];
  if (items.length >= 2)
    followUps.push({
      label: ctx.m("followUp.compareTwo", { a: items[0]?.name ?? "", b: items[1]?.name ?? "" }),
      request: { type: "compare", ids: items.slice(0, 2).map((i) => i.id), lang: ctx.lang },
    });
  followUps.push(ctx.ask("followUp.anywhereDistributions"));
  return finish(
    {
      intent: "topic",
      // These rest on the 2022 article alone: say so in one line.
      notices: [ctx.m("basis.article")],
      topicId,
      title: ctx.l(topic.title),
      summary: ctx.l(topic.summary),
      items,
      sections,
      followUps,
    },
    ctx,
  );
}

/**
 * The Kubernetes distributions products recommend, from `recommends` relations; limited to
 * recommenders in the given categories when there are any.
 */
export function distributionsAnswer(ctx: Ctx, recommenderCategories: Category[] = []): Answer {
  const within = new Set(recommenderCategories.map((c) => c.id));
  const pairs: { productId: string; distributionId: string }[] = [];
  const bullets: string[] = [];
  for (const p of ctx.catalog.products.values()) {
    if (within.size && !p.categories.some((c) => within.has(c))) continue;
    for (const r of p.relations) {
      if (r.type !== "recommends" || !ctx.catalog.products.has(r.target)) continue;
      pairs.push({ productId: p.id, distributionId: r.target });
      const target = ctx.catalog.products.get(r.target);
      bullets.push(`${ctx.l(p.name)} → ${target ? ctx.l(target.name) : r.target}${ctx.ref(r.sources)}`);
    }
  }
  const ids = [...new Set(pairs.map((x) => x.distributionId))];
  const items = ids.map((id) => productView(ctx.catalog, id, ctx.lang, ctx.cite, 1));
  const summary = ctx.m("distributions.summary", {
    names: joinList(
      ctx.lang,
      items.map((i) => i.name),
    ),
  });
  const followUps: FollowUp[] = [
    {
      label: ctx.m("followUp.anywhere"),
      request: { type: "topic", id: "anywhere", lang: ctx.lang },
    },
  ];
  const first = items[0];
  if (first)
    followUps.push({ label: first.name, request: { type: "product", id: first.id, lang: ctx.lang } });
  return finish(
    {
      intent: "distributions",
      // These rest on the 2022 article alone: say so in one line.
      notices: [ctx.m("basis.article")],
      pairs,
      title: ctx.m("distributions.title"),
      summary,
      items,
      sections: [{ title: ctx.m("distributions.whoRecommends"), bullets }],
      followUps,
    },
    ctx,
  );
}

export function otherPlayersAnswer(ctx: Ctx): Answer {
  const others = [...ctx.catalog.vendors.values()].filter((v) => v.otherPlayer);
  const vendors = others.map((v) => {
    ctx.cite.cite(v.sources);
    const fact = v.facts[0];
    const note = fact ? `${ctx.l(fact.text)}${ctx.ref(fact.sources)}` : ctx.m("otherPlayers.nameOnly");
    return { id: v.id, name: ctx.l(v.name), note };
  });
  const names = vendors.map((v) => v.name);
  return finish(
    {
      intent: "other-players",
      // These rest on the 2022 article alone: say so in one line.
      notices: [ctx.m("basis.article")],
      vendors,
      title: ctx.m("otherPlayers.title"),
      summary: ctx.m("otherPlayers.summary", { count: names.length, names: joinList(ctx.lang, names) }),
      items: [],
      sections: [],
      followUps: [
        ...vendors
          .slice(0, 2)
          .map((v): FollowUp => ({ label: v.name, request: { type: "vendor", id: v.id, lang: ctx.lang } })),
        { label: ctx.m("followUp.kindsShort"), request: { type: "categories", lang: ctx.lang } },
      ],
    },
    ctx,
  );
}
