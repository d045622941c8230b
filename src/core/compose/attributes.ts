import type { Lang } from "../answer.js";
import type { AttributeName } from "../lexicon.js";
import type { ProductProfile } from "../profile.js";

/**
 * Whether a product has an attribute a question filters on: its own sourced value where the catalog
 * has one, else what its categories and traits imply (see facts.ts). "Partly" and "unconfirmed"
 * count as having it: lists show them with their level, never as a plain yes.
 */
export function hasAttribute(p: ProductProfile, attr: AttributeName): boolean {
  const v = p.value(attr);
  return v !== undefined && v.level !== "no";
}

export type Evidence = "article" | "later";

/**
 * Whether the article itself backs the attribute, or only later sources do. Filters list the
 * article's matches and name the later ones apart, since the catalog's primary source is the
 * article. An unconfirmed value is the article's claim that no vendor document confirmed: it stays
 * with the article's matches, and its level says it is unconfirmed.
 */
export function evidenceFor(p: ProductProfile, attr: AttributeName): Evidence | undefined {
  const v = p.value(attr);
  if (v === undefined || v.level === "no") return undefined;
  return v.fromArticle ? "article" : "later";
}

export const ATTRIBUTE_TITLES: Record<AttributeName, Record<Lang, string>> = {
  "air-gapped": { en: "can run fully air-gapped (fully intranet)", zh: "支持全内网（离线）部署" },
  "needs-internet": { en: "need the internet or a leased line", zh: "需要互联网或专线" },
  "pay-as-you-go": { en: "are paid for as you go", zh: "按量付费" },
  licence: { en: "are bought as a licence or subscription", zh: "以买断或订阅方式购买" },
  "own-hardware": { en: "run on your own hardware", zh: "部署在自有硬件上" },
  "vendor-compute": {
    en: "come with the vendor's compute (no hardware of your own)",
    zh: "由供应商提供算力（无需自备硬件）",
  },
  "out-of-the-box": { en: "work out of the box", zh: "开箱即用" },
  "multi-cluster": { en: "manage multiple clusters", zh: "支持多集群管理" },
  federation: { en: "are based on Kubernetes federation", zh: "基于 Kubernetes 联邦" },
  edge: { en: "are for edge scenarios", zh: "面向边缘场景" },
  beta: { en: "are in beta", zh: "处于内测阶段" },
  "open-source": { en: "are open source", zh: "开源" },
};
