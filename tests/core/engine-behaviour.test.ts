import { describe, expect, it } from "vitest";
import type { Intent, Lang } from "../../src/core/answer.js";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answer, respond } from "../../src/core/engine.js";
import { renderAllText } from "../../src/render/text/index.js";

const catalog = loadCatalog("knowledge");

interface Row {
  q: string;
  intent: Intent;
  lang: Lang;
  /** The first item, when the answer is about one product. */
  first?: string;
  /** Ids that must all be listed. */
  has?: string[];
  /** Ids that must not be listed. */
  not?: string[];
  /** Exact number of items. */
  count?: number;
  /** Substrings the plain text must contain (case-insensitive). */
  says?: string[];
}

const SOFTWARE_CONTAINER_PLATFORMS = [
  "redhat-openshift",
  "rancher-rke",
  "kubesphere",
  "tenxcloud-tcs",
  "alauda-acp",
  "bocloud-beyondcontainer",
  "daocloud-dce",
  "tencent-tke-enterprise",
  "vmware-vsphere",
];
const MANAGED_K8S = ["amazon-eks", "alibaba-ack", "tencent-tke", "azure-aks", "huawei-cce", "qingcloud-qke"];
const MANAGED_MULTICLOUD = [
  "huawei-mcp",
  "tencent-tke-everywhere",
  "amazon-eks-anywhere",
  "alibaba-ack-anywhere",
];

// Phrasings of our own, in both languages, with typos, emoji and punctuation: behaviour, not a fixed question list.
const TABLE: Row[] = [
  // product look-ups
  { q: "Tell me about OpenShift", intent: "product", lang: "en", first: "redhat-openshift", count: 1 },
  { q: "openshfit??", intent: "product", lang: "en", first: "redhat-openshift" },
  { q: "kubspere 🤔", intent: "product", lang: "en", first: "kubesphere" },
  { q: "灵雀云 ACP 是什么", intent: "product", lang: "zh", first: "alauda-acp" },
  { q: "ＥＫＳ　Ａｎｙｗｈｅｒｅ 是什么？", intent: "product", lang: "zh", first: "amazon-eks-anywhere" },
  { q: "eks anywehre", intent: "product", lang: "en", first: "amazon-eks-anywhere" },
  { q: "What is AKS Anywhere?", intent: "product", lang: "en", first: "alibaba-ack-anywhere", says: ["ACK"] },
  { q: "ACK One", intent: "product", lang: "en", first: "alibaba-ack-anywhere" },
  { q: "TKEStack", intent: "product", lang: "en", first: "tencent-tke-opensource" },
  { q: "RKE2", intent: "product", lang: "en", first: "rancher-rke" },
  {
    q: "is OpenShift air-gapped?",
    intent: "product",
    lang: "en",
    first: "redhat-openshift",
    says: ["yes — red hat openshift container platform can run fully air-gapped"],
  },
  { q: "MCP 支持离线吗", intent: "product", lang: "zh", first: "huawei-mcp" },
  {
    q: "pros and cons of OpenShift",
    intent: "product",
    lang: "en",
    first: "redhat-openshift",
    says: ["flexible", "hardware"],
  },
  { q: "KubeSphere 的优缺点", intent: "product", lang: "zh", first: "kubesphere", says: ["灵活", "硬件"] },
  { q: "灵鹊云是什么", intent: "vendor", lang: "zh", has: ["alauda-acp"] },
  { q: "实速云的产品", intent: "vendor", lang: "zh", has: ["tenxcloud-tcs"] },
  { q: "腾迅有哪些产品", intent: "vendor", lang: "zh", has: ["tencent-tke"] },
  { q: "When did SUSE acquire Rancher?", intent: "product", lang: "en", first: "rancher", says: ["2020"] },
  // ambiguity is shown, not hidden
  { q: "TCS", intent: "product", lang: "en", has: ["tenxcloud-tcs", "tencent-tcs"], count: 2 },
  { q: "TCS 是什么", intent: "product", lang: "zh", has: ["tenxcloud-tcs", "tencent-tcs"], says: ["2"] },
  // vendors
  { q: "What does Huawei offer?", intent: "vendor", lang: "en", has: ["huawei-cce", "huawei-mcp"], count: 2 },
  { q: "华为有哪些产品？", intent: "vendor", lang: "zh", has: ["huawei-cce", "huawei-mcp"], count: 2 },
  {
    q: "amazon",
    intent: "vendor",
    lang: "en",
    has: ["amazon-eks", "amazon-eks-anywhere", "amazon-eks-distro"],
    count: 3,
  },
  { q: "道客", intent: "vendor", lang: "zh", has: ["daocloud-dce", "daocloud-dsp"], count: 2 },
  { q: "青云的产品", intent: "vendor", lang: "zh", has: ["kubesphere", "qingcloud-qke"], count: 2 },
  // attribute filters
  {
    q: "Which platforms can we run with no internet at all?",
    intent: "filter",
    lang: "en",
    has: SOFTWARE_CONTAINER_PLATFORMS,
    not: ["amazon-eks", "alibaba-ack-anywhere"],
  },
  {
    q: "离线环境能用哪些？",
    intent: "filter",
    lang: "zh",
    has: ["redhat-openshift", "huawei-cce"],
    not: ["azure-aks"],
  },
  { q: "pay-as-you-go options", intent: "filter", lang: "en", has: MANAGED_K8S, not: ["redhat-openshift"] },
  { q: "按量计费的有哪些", intent: "filter", lang: "zh", has: MANAGED_K8S },
  {
    q: "which ones are sold as a licence or subscription",
    intent: "filter",
    lang: "en",
    has: ["redhat-openshift"],
    not: ["amazon-eks"],
  },
  { q: "what works out of the box?", intent: "filter", lang: "en", has: MANAGED_K8S, not: ["kubesphere"] },
  {
    q: "options for our own hardware",
    intent: "filter",
    lang: "en",
    has: ["redhat-openshift", "huawei-cce"],
    not: ["amazon-eks"],
  },
  { q: "edge solutions", intent: "filter", lang: "en", first: "tencent-tke-everywhere" },
  { q: "哪些还在内测", intent: "filter", lang: "zh", first: "tencent-tke-everywhere" },
  { q: "based on kubernetes federation", intent: "filter", lang: "en", first: "huawei-mcp" },
  {
    q: "which product is based on Alauda?",
    intent: "filter",
    lang: "en",
    first: "tencent-tke-enterprise",
    count: 1,
  },
  { q: "哪个产品基于灵雀云", intent: "filter", lang: "zh", first: "tencent-tke-enterprise" },
  { q: "Huawei air-gapped options", intent: "filter", lang: "en", has: ["huawei-cce"], not: ["alibaba-ack"] },
  {
    q: "which solutions don't require internet access?",
    intent: "filter",
    lang: "en",
    has: ["redhat-openshift"],
    not: ["amazon-eks"],
  },
  {
    q: "which ones need an internet connection",
    intent: "filter",
    lang: "en",
    has: ["amazon-eks", "alibaba-ack-anywhere"],
    not: ["redhat-openshift"],
  },
  { q: "哪些必须联网", intent: "filter", lang: "zh", has: ["azure-aks"], not: ["kubesphere"] },
  {
    q: "which are open-source distributions?",
    intent: "filter",
    lang: "en",
    has: ["alibaba-ack-distro", "tencent-tke-opensource"],
    not: ["rancher", "kubesphere"],
  },
  {
    q: "TKE Enterprise 基于什么",
    intent: "product",
    lang: "zh",
    first: "tencent-tke-enterprise",
    says: ["基于灵雀云"],
  },
  {
    q: "what is EKS Anywhere based on?",
    intent: "product",
    lang: "en",
    first: "amazon-eks-anywhere",
    says: ["is based on"],
  },
  { q: "show me all products", intent: "filter", lang: "en", count: 28 },
  {
    q: "which vendors are in the catalog?",
    intent: "vendor",
    lang: "en",
    count: 28,
    says: ["other players"],
  },
  { q: "有哪些厂商", intent: "vendor", lang: "zh", count: 28 },
  {
    q: "options with no hardware needed",
    intent: "filter",
    lang: "en",
    has: MANAGED_K8S,
    not: ["kubesphere"],
  },
  {
    q: "software we can buy outright",
    intent: "filter",
    lang: "en",
    has: ["redhat-openshift"],
    not: ["amazon-eks"],
  },
  {
    q: "Which Tencent products can run air-gapped?",
    intent: "filter",
    lang: "en",
    has: ["tencent-tcs"],
    not: ["tencent-tke"],
  },
  { q: "不能联网的环境用什么", intent: "filter", lang: "zh", has: ["redhat-openshift"], not: ["azure-aks"] },
  {
    q: "which options are not air-gapped?",
    intent: "filter",
    lang: "en",
    has: ["amazon-eks"],
    not: ["redhat-openshift"],
  },
  { q: "哪些不支持离线部署", intent: "filter", lang: "zh", has: ["azure-aks"], not: ["kubesphere"] },
  // categories
  {
    q: "self-hosted versions of public cloud kubernetes",
    intent: "category",
    lang: "en",
    has: ["huawei-cce", "tencent-tcs"],
    count: 3,
  },
  { q: "public cloud kubernetes services", intent: "category", lang: "en", has: MANAGED_K8S, count: 6 },
  {
    q: "what are the downsides of managed multi-cloud?",
    intent: "category",
    lang: "en",
    has: MANAGED_MULTICLOUD,
    says: ["security"],
  },
  { q: "公有云厂商的 K8S 服务", intent: "category", lang: "zh", has: MANAGED_K8S, count: 6 },
  {
    q: "self-hosted kubernetes platforms",
    intent: "category",
    lang: "en",
    has: SOFTWARE_CONTAINER_PLATFORMS,
    count: 9,
  },
  {
    q: "managed kubernetes services",
    intent: "category",
    lang: "en",
    has: MANAGED_K8S,
    not: ["redhat-openshift"],
  },
  { q: "公有云托管 K8S 有哪些", intent: "category", lang: "zh", has: MANAGED_K8S, count: 6 },
  {
    q: "multi-cloud management software",
    intent: "category",
    lang: "en",
    has: ["rancher", "redhat-acm", "vmware-tanzu", "kubesphere", "huawei-mcp", "daocloud-dsp"],
    count: 6,
  },
  { q: "托管的多云容器管理平台", intent: "category", lang: "zh", has: MANAGED_MULTICLOUD, count: 4 },
  {
    q: "private editions of public cloud kubernetes",
    intent: "category",
    lang: "en",
    has: ["huawei-cce", "alibaba-apsara-agility", "tencent-tcs"],
    count: 3,
  },
  {
    q: "公有云 K8S 私有化输出有哪些",
    intent: "category",
    lang: "zh",
    has: ["huawei-cce", "alibaba-apsara-agility", "tencent-tcs"],
    count: 3,
  },
  {
    q: "software container platforms",
    intent: "category",
    lang: "en",
    has: SOFTWARE_CONTAINER_PLATFORMS,
    count: 9,
  },
  {
    q: "pros and cons of managed multi-cloud management",
    intent: "category",
    lang: "en",
    has: MANAGED_MULTICLOUD,
    says: ["pay as you go", "security"],
  },
  { q: "多云容器管理软件的优劣", intent: "category", lang: "zh", says: ["灵活", "硬件"] },
  {
    q: "what kinds of offering are there",
    intent: "categories",
    lang: "en",
    count: 0,
    says: ["managed", "multi-cloud"],
  },
  { q: "有哪几类产品？", intent: "categories", lang: "zh", count: 0, says: ["托管", "多云"] },
  // comparisons
  {
    q: "Rancher vs OpenShift",
    intent: "compare",
    lang: "en",
    has: ["rancher", "redhat-openshift"],
    count: 2,
  },
  {
    q: "对比 KubeSphere、DCE 和 ACP",
    intent: "compare",
    lang: "zh",
    has: ["kubesphere", "daocloud-dce", "alauda-acp"],
    count: 3,
  },
  {
    q: "EKS Anywhere 和 ACK Anywhere 有什么区别",
    intent: "compare",
    lang: "zh",
    has: ["amazon-eks-anywhere", "alibaba-ack-anywhere"],
    count: 2,
  },
  { q: "compare eks, aks, ack, tke and cce", intent: "compare", lang: "en", count: 4 },
  {
    q: "compare the Anywhere products",
    intent: "compare",
    lang: "en",
    has: ["amazon-eks-anywhere", "alibaba-ack-anywhere", "tencent-tke-everywhere"],
    count: 3,
  },
  // topic, distributions, other players
  {
    q: "What is the Anywhere idea?",
    intent: "topic",
    lang: "en",
    has: ["amazon-eks-anywhere", "alibaba-ack-anywhere"],
    says: ["elastic"],
  },
  { q: "Anywhere 的优势是什么", intent: "topic", lang: "zh", says: ["一致体验", "简化容灾"] },
  {
    q: "recommended distributions",
    intent: "distributions",
    lang: "en",
    has: ["huawei-cce", "tencent-tke-opensource", "amazon-eks-distro", "alibaba-ack-distro"],
    count: 4,
  },
  { q: "Anywhere 产品推荐哪些发行版", intent: "distributions", lang: "zh", count: 4 },
  { q: "Who else is in this market?", intent: "not-found", lang: "en", count: 0 },
  {
    q: "other players",
    intent: "other-players",
    lang: "en",
    count: 0,
    says: ["UCloud", "Baidu", "JD", "Kingsoft"],
  },
  {
    q: "其他玩家有哪些",
    intent: "other-players",
    lang: "zh",
    count: 0,
    says: ["京东", "百度", "金山", "UCloud"],
  },
  {
    q: "what do you recommend for a bank?",
    intent: "filter",
    lang: "en",
    has: ["redhat-openshift"],
    not: ["amazon-eks"],
  },
  { q: "金融行业适合哪些方案", intent: "filter", lang: "zh", has: ["kubesphere"], not: ["azure-aks"] },
  { q: "什么是混合云", intent: "categories", lang: "zh", count: 0 },
  { q: "where does your data come from?", intent: "about", lang: "en", count: 0, says: ["2022-12-23"] },
  { q: "数据来源是什么", intent: "about", lang: "zh", count: 0, says: ["2022-12-23"] },
  // help and out of scope
  { q: "", intent: "help", lang: "en", count: 0 },
  { q: "help", intent: "help", lang: "en", count: 0 },
  { q: "帮助", intent: "help", lang: "zh", count: 0 },
  { q: "what's the weather in Beijing?", intent: "not-found", lang: "en", count: 0 },
  { q: "今天天气怎么样", intent: "not-found", lang: "zh", count: 0 },
  { q: "Tell me about Nomad by HashiCorp", intent: "not-found", lang: "en", count: 0 },
  { q: "!!!???", intent: "help", lang: "en", count: 0 },
];

describe("question engine behaviour", () => {
  it.each(TABLE)("$q → $intent", (row) => {
    const a = answer(row.q, catalog);
    const ids = a.items.map((i) => i.id);
    expect(a.intent, a.title).toBe(row.intent);
    expect(a.lang).toBe(row.lang);
    if (row.first) expect(ids[0]).toBe(row.first);
    for (const id of row.has ?? []) expect(ids).toContain(id);
    for (const id of row.not ?? []) expect(ids).not.toContain(id);
    if (row.count !== undefined) expect(ids).toHaveLength(row.count);
    for (const s of row.says ?? []) expect(renderAllText(a).toLowerCase()).toContain(s.toLowerCase());
  });

  it("never makes up a product: every item is in the catalog", () => {
    for (const row of TABLE)
      for (const item of answer(row.q, catalog).items) expect(catalog.products.has(item.id)).toBe(true);
  });

  it("cites sources and offers two or three follow-ups on every catalog answer", () => {
    for (const row of TABLE.filter((r) => r.intent !== "not-found" && r.intent !== "help")) {
      const a = answer(row.q, catalog);
      expect(a.sources.length, row.q).toBeGreaterThan(0);
      expect(a.followUps.length, row.q).toBeGreaterThanOrEqual(2);
      expect(a.followUps.length, row.q).toBeLessThanOrEqual(3);
    }
  });

  it("answers every follow-up it offers", () => {
    for (const row of TABLE) {
      for (const f of answer(row.q, catalog).followUps) {
        const next = respond(f.request, catalog);
        expect(next.intent, `${row.q} → ${f.label}`).not.toBe("not-found");
      }
    }
  });

  it("keeps both the article's name and the later one where they differ", () => {
    const a = answer("AKS Anywhere", catalog);
    expect(renderAllText(a)).toMatch(/AKS Anywhere/);
    expect(renderAllText(a)).toMatch(/ACK/);
  });

  it("answers requests from buttons in the request's language", () => {
    expect(respond({ type: "product", id: "kubesphere", lang: "zh" }, catalog).lang).toBe("zh");
    expect(respond({ type: "compare", ids: ["rancher", "kubesphere"], lang: "en" }, catalog).intent).toBe(
      "compare",
    );
    expect(respond({ type: "product", id: "no-such-product", lang: "en" }, catalog).intent).toBe("not-found");
    expect(respond({ type: "categories", lang: "zh" }, catalog).intent).toBe("categories");
  });

  it("suggests close names when nothing matches", () => {
    const a = answer("rancherr lab stuff", catalog);
    expect(a.intent === "not-found" ? a.suggestions.length : a.items.length).toBeGreaterThan(0);
  });
});
