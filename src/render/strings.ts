import type { Lang } from "../core/answer.js";

/** Static interface texts in both languages. Renderers add keys here, never inline literals. */
export const STRINGS = {
  en: {
    details: "Details",
    compareWith: "Compare with…",
    compare: "Compare",
    officialSite: "Official site",
    more: "More",
    previous: "Previous",
    shareInChannel: "Share in channel",
    sources: "Sources",
    vendor: "Vendor",
    category: "Category",
    delivery: "Delivery",
    airGapped: "Air-gapped",
    askedBy: "Asked by",
    page: "Page",
    of: "of",
    tryAsking: "Try asking",
    helpTitle: "paas-bot: container PaaS and hybrid-cloud Kubernetes in China",
    notFound: "Not in the catalog",
  },
  zh: {
    details: "详情",
    compareWith: "与…对比",
    compare: "对比",
    officialSite: "官网",
    more: "更多",
    previous: "上一页",
    shareInChannel: "分享到频道",
    sources: "来源",
    vendor: "厂商",
    category: "类别",
    delivery: "交付方式",
    airGapped: "全内网（离线）",
    askedBy: "提问者",
    page: "第",
    of: "页，共",
    tryAsking: "试着问",
    helpTitle: "paas-bot：中国市场的容器 PaaS 与混合云 Kubernetes",
    notFound: "目录中没有",
  },
} as const satisfies Record<Lang, Record<string, string>>;

export type StringKey = keyof (typeof STRINGS)["en"];

export const t = (lang: Lang, key: StringKey): string => STRINGS[lang][key];
