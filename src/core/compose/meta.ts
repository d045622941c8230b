import type { Answer, FollowUp } from "../answer.js";
import { type Ctx, finish } from "./context.js";

export const EXAMPLES = {
  en: [
    "Which options work fully air-gapped?",
    "Compare Rancher vs OpenShift",
    "What does Huawei offer?",
    "What is EKS Anywhere?",
    "Pros and cons of multi-cloud container management software",
    "Which distributions do the Anywhere products recommend?",
  ],
  zh: [
    "哪些方案支持全内网部署？",
    "对比 Rancher 和 OpenShift",
    "华为有哪些容器产品",
    "灵雀云 ACP 是什么",
    "托管的多云容器管理平台有哪些",
    "其他玩家有哪些？",
  ],
} as const;

export function helpAnswer(ctx: Ctx): Answer {
  const zh = ctx.lang === "zh";
  const examples = [...EXAMPLES[ctx.lang]];
  ctx.cite.cite(["article"]);
  return finish(
    {
      intent: "help",
      examples,
      title: zh ? "paas-bot 能回答什么" : "What paas-bot can answer",
      summary: zh
        ? "我回答中国市场容器 PaaS 与混合云 Kubernetes 产品的问题：某个产品、某个厂商、某类产品及其优劣、按条件筛选（全内网、托管/自建、按量付费、多集群、边缘…）、产品对比、Anywhere 类产品。每条事实都注明来源。可以用中文或英文提问。"
        : "I answer questions about container PaaS and hybrid-cloud Kubernetes offerings in the Chinese market: a product, a vendor, a kind of offering and its pros and cons, filters (air-gapped, managed or self-hosted, pay-as-you-go, multi-cluster, edge…), side-by-side comparisons, and the Anywhere products. Every fact comes with its source. Ask in English or Chinese.",
      items: [],
      sections: [],
      followUps: examples.slice(0, 3).map((q) => ({ label: q, request: { type: "ask" as const, q } })),
    },
    ctx,
  );
}

/** Where the catalog comes from: the article, the later sources, and how current each is. */
export function aboutAnswer(ctx: Ctx): Answer {
  const zh = ctx.lang === "zh";
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
      title: zh ? "答案从哪里来" : "Where the answers come from",
      summary: zh
        ? `主要来源是文章《${article?.title ?? ""}》（${article?.published ?? ""} 发布，初稿约 2021-09，内容反映 2021 年前后的情况）。后续事实来自 ${later.length} 个公开来源（截至 ${newest}，其中 ${thirdParty} 个为第三方、可信度较低），每条事实都注明来源与时间；文章与后续资料不一致时两者都保留并说明。`
        : `The main source is the article "${article?.title ?? ""}" (published ${article?.published ?? ""}, first drafted around 2021-09, so it reflects roughly 2021). Later facts come from ${later.length} public sources (read as of ${newest}; ${thirdParty} are third-party and less certain). Every fact names its source and date; where the article and a later source differ, both are kept and the difference is stated.`,
      items: [],
      sections: [
        {
          title: zh ? "目录内容" : "What the catalog holds",
          bullets: zh
            ? [
                `文章的 ${counts.categories} 类产品形式`,
                `${counts.vendors} 家厂商的 ${counts.products} 个产品`,
                `${others} 家「其他玩家」（文章未列出其产品）`,
                "「Anywhere」类产品分析与推荐的发行版",
              ]
            : [
                `The article's ${counts.categories} kinds of offering`,
                `${counts.products} products from ${counts.vendors} vendors`,
                `${others} "other players" the article names without products`,
                'The "Anywhere" analysis and the distributions it recommends',
              ],
        },
      ],
      followUps: [
        {
          label: zh ? "有哪几类产品？" : "What kinds of offering are there?",
          request: { type: "categories", lang: ctx.lang },
        },
        ctx.ask("Which options work fully air-gapped?", "哪些方案支持全内网部署？"),
      ],
    },
    ctx,
  );
}

export function notFoundAnswer(ctx: Ctx, suggestions: FollowUp[]): Answer {
  const zh = ctx.lang === "zh";
  const didYouMean = suggestions.length
    ? zh
      ? ` 你是不是想问：${suggestions.map((s) => s.label).join("、")}？`
      : ` Did you mean ${suggestions.map((s) => s.label).join(", ")}?`
    : "";
  const examples = EXAMPLES[ctx.lang]
    .slice(0, 2)
    .map((q) => ({ label: q, request: { type: "ask" as const, q } }));
  return finish(
    {
      intent: "not-found",
      suggestions,
      title: zh ? "目录中没有找到" : "Not in the catalog",
      summary: zh
        ? `目录里没有与这个问题相关的产品或信息。我只回答中国市场容器 PaaS / 混合云 Kubernetes 产品的问题，不会编造目录之外的产品。${didYouMean}`
        : `I found nothing in the catalog for that. I only answer about container PaaS and hybrid-cloud Kubernetes offerings in the Chinese market, and I never make up a product.${didYouMean}`,
      items: [],
      sections: [],
      followUps: [...suggestions, ...examples].slice(0, 3),
    },
    ctx,
  );
}
