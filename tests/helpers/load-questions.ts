import type { Intent } from "../../src/core/answer.js";

/**
 * The fixed question mix the benchmark measures the engine over and the load tests send: both
 * languages, every intent, typos, full-width text and emoji, weighted roughly like a chat channel
 * (mostly product and filter questions). `intent` is what the real catalog answers; the bench
 * checks it, so a silent change in understanding cannot make a row faster by answering something
 * cheaper.
 */
export interface BenchQuestion {
  q: string;
  intent: Intent;
}

export const QUESTIONS: readonly BenchQuestion[] = [
  // product, by name, alias, misspelling, both languages
  { q: "Tell me about OpenShift", intent: "product" },
  { q: "openshfit??", intent: "product" },
  { q: "kubspere 🤔", intent: "product" },
  { q: "eks anywehre", intent: "product" },
  { q: "What is AKS Anywhere?", intent: "product" },
  { q: "ACK One", intent: "product" },
  { q: "RKE2", intent: "product" },
  { q: "TCS", intent: "product" },
  { q: "is OpenShift air-gapped?", intent: "product" },
  { q: "灵雀云 ACP 是什么", intent: "product" },
  { q: "MCP 支持离线吗", intent: "product" },
  { q: "TCS 是什么", intent: "product" },
  { q: "ＥＫＳ　Ａｎｙｗｈｅｒｅ 是什么？", intent: "product" },
  // vendor
  { q: "What does Huawei offer?", intent: "vendor" },
  { q: "华为有哪些产品？", intent: "vendor" },
  { q: "道客", intent: "vendor" },
  { q: "有哪些厂商", intent: "vendor" },
  // filter
  { q: "which options work fully air-gapped?", intent: "filter" },
  { q: "Huawei air-gapped options", intent: "filter" },
  { q: "pay-as-you-go options", intent: "filter" },
  { q: "edge solutions", intent: "filter" },
  { q: "show me all products", intent: "filter" },
  { q: "what works out of the box?", intent: "filter" },
  { q: "哪些必须联网", intent: "filter" },
  { q: "按量计费的有哪些", intent: "filter" },
  { q: "哪个产品基于灵雀云", intent: "filter" },
  // category and categories
  { q: "公有云托管 K8S 有哪些", intent: "category" },
  { q: "托管的多云容器管理平台", intent: "category" },
  { q: "多云容器管理软件的优劣", intent: "category" },
  { q: "what kinds of offerings are there?", intent: "categories" },
  { q: "有哪几类产品？", intent: "categories" },
  // compare
  { q: "compare Rancher and OpenShift", intent: "compare" },
  { q: "对比 Rancher 和 OpenShift", intent: "compare" },
  { q: "compare eks, aks, ack, tke and cce", intent: "compare" },
  { q: "kubesphere vs rancher vs openshfit", intent: "compare" },
  // topic, distributions, other players
  { q: "Anywhere 的优势是什么", intent: "topic" },
  { q: "what is the Anywhere trend?", intent: "topic" },
  { q: "Anywhere 产品推荐哪些发行版", intent: "distributions" },
  { q: "which distributions do the Anywhere products recommend?", intent: "distributions" },
  { q: "other players", intent: "other-players" },
  { q: "其他玩家有哪些？", intent: "other-players" },
  // about (where the data comes from)
  { q: "where does your data come from?", intent: "about" },
  { q: "数据来源是什么", intent: "about" },
  // help
  { q: "help", intent: "help" },
  { q: "帮助", intent: "help" },
  { q: "!!!???", intent: "help" },
  // not found, with did-you-mean work
  { q: "Tell me about Nomad by HashiCorp", intent: "not-found" },
  { q: "what's the weather in Beijing?", intent: "not-found" },
  { q: "今天天气怎么样", intent: "not-found" },
  { q: "kubernetis platfrom for bankz", intent: "not-found" },
];
