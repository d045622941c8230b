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
      lang: ctx.lang,
      request: ctx.request,
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
      lang: ctx.lang,
      request: ctx.request,
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
