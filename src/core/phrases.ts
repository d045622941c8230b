import type { Lang } from "./answer.js";
import type { Delivery, Support } from "./catalog/schema.js";

/** The words the engine writes around catalog data, in both languages. */
export const PHRASES = {
  en: {
    delivery: {
      software: "Software you run (the vendor provides no compute)",
      managed: "Managed cloud service",
    } as Record<Delivery, string>,
    airGapped: { yes: "Yes", no: "No", partial: "Partly", unknown: "Unknown" } as Record<Support, string>,
    labels: {
      vendor: "Vendor",
      categories: "Category",
      delivery: "Delivery",
      airGapped: "Air-gapped",
      billing: "Billing",
      compute: "Compute from the vendor",
      outOfTheBox: "Out of the box",
      multiCluster: "Multi-cluster",
      notes: "Notes",
      site: "Official site",
      yes: "Yes",
      no: "No",
      none: "—",
    },
    sectionArticle: "What the article says",
    sectionLater: "Later facts and corrections",
    pros: "Pros",
    cons: "Cons",
    caveats: "Caveats",
    sources: "Sources",
    tryAlso: "Try also",
    asOf: "as of",
  },
  zh: {
    delivery: { software: "软件（自行部署，供应商不提供算力）", managed: "托管云服务" } as Record<
      Delivery,
      string
    >,
    airGapped: { yes: "支持", no: "不支持", partial: "部分支持", unknown: "未知" } as Record<Support, string>,
    labels: {
      vendor: "厂商",
      categories: "类别",
      delivery: "交付方式",
      airGapped: "全内网（离线）",
      billing: "计费方式",
      compute: "供应商提供算力",
      outOfTheBox: "开箱即用",
      multiCluster: "多集群",
      notes: "备注",
      site: "官网",
      yes: "是",
      no: "否",
      none: "—",
    },
    sectionArticle: "原文怎么说",
    sectionLater: "后续事实与更正",
    pros: "优势",
    cons: "劣势",
    caveats: "注意",
    sources: "来源",
    tryAlso: "还可以问",
    asOf: "截至",
  },
} as const;

export type Phrases = (typeof PHRASES)[Lang];
export const phrases = (lang: Lang): Phrases => PHRASES[lang];
