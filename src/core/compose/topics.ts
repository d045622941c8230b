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
  if (facts.length) sections.push({ title: ctx.lang === "zh" ? "注意" : "Keep in mind", bullets: facts });
  const followUps: FollowUp[] = [];
  if (items.length >= 2)
    followUps.push({
      label:
        ctx.lang === "zh"
          ? `对比 ${items[0]?.name} 和 ${items[1]?.name}`
          : `Compare ${items[0]?.name} vs ${items[1]?.name}`,
      request: { type: "compare", ids: items.slice(0, 2).map((i) => i.id), lang: ctx.lang },
    });
  followUps.push(
    ctx.ask("Which distributions do the Anywhere products recommend?", "Anywhere 类产品推荐哪些发行版？"),
  );
  return finish(
    {
      intent: "topic",
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
  const zh = ctx.lang === "zh";
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
  const summary = zh
    ? `托管多云容器管理类产品对被纳管集群要求较多，所以往往推荐用户安装自家的 Kubernetes：${joinList(
        "zh",
        items.map((i) => i.name),
      )}。`
    : `Managed multi-cloud products place many requirements on the clusters they manage, so they recommend their own Kubernetes: ${joinList(
        "en",
        items.map((i) => i.name),
      )}.`;
  const followUps: FollowUp[] = [
    {
      label: zh ? "Anywhere 类产品" : "The Anywhere products",
      request: { type: "topic", id: "anywhere", lang: ctx.lang },
    },
  ];
  const first = items[0];
  if (first)
    followUps.push({ label: first.name, request: { type: "product", id: first.id, lang: ctx.lang } });
  return finish(
    {
      intent: "distributions",
      pairs,
      title: zh ? "Anywhere 类产品推荐的 Kubernetes 发行版" : "Distributions the Anywhere products recommend",
      summary,
      items,
      sections: [{ title: zh ? "谁推荐谁" : "Who recommends what", bullets }],
      followUps,
    },
    ctx,
  );
}

export function otherPlayersAnswer(ctx: Ctx): Answer {
  const zh = ctx.lang === "zh";
  const others = [...ctx.catalog.vendors.values()].filter((v) => v.otherPlayer);
  const vendors = others.map((v) => {
    ctx.cite.cite(v.sources);
    const fact = v.facts[0];
    const note = fact
      ? `${ctx.l(fact.text)}${ctx.ref(fact.sources)}`
      : zh
        ? "文章只列出了名字。"
        : "Named in the article without a product.";
    return { id: v.id, name: ctx.l(v.name), note };
  });
  const names = vendors.map((v) => v.name);
  return finish(
    {
      intent: "other-players",
      vendors,
      title: zh ? "其他玩家" : "Other players",
      summary: zh
        ? `文章最后还列出了 ${names.length} 家其他玩家（未列出具体产品）：${joinList("zh", names)}。`
        : `The article closes with ${names.length} other players, named without their products: ${joinList("en", names)}.`,
      items: [],
      sections: [],
      followUps: [
        ...vendors
          .slice(0, 2)
          .map((v): FollowUp => ({ label: v.name, request: { type: "vendor", id: v.id, lang: ctx.lang } })),
        { label: zh ? "产品分类" : "Kinds of offering", request: { type: "categories", lang: ctx.lang } },
      ],
    },
    ctx,
  );
}
