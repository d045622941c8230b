import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/core/catalog/load.js";
import type { Query } from "../../src/core/query.js";
import { understand } from "../../src/core/understand.js";

const catalog = loadCatalog("knowledge");

interface Row {
  q: string;
  expect: Partial<{
    lang: "en" | "zh";
    products: string[];
    vendors: string[];
    excludedProducts: string[];
    excludedVendors: string[];
    /** "+attr" wanted, "-attr" not wanted, "~attr" assumed from context. */
    constraints: string[];
    delivery: string[];
    scopes: string[];
    privateEdition: boolean;
    unknownNames: string[];
    yesNo: boolean;
    focus: Query["focus"];
    unsupportedLang: string;
  }>;
}

const constraintsOf = (q: Query) =>
  q.constraints.map((c) => `${c.from === "context" ? "~" : c.want ? "+" : "-"}${c.attribute}`).sort();

// Negation and exclusion scope, in both languages: what the typed query says, not the answer.
const ROWS: Row[] = [
  { q: "哪些不是托管服务？", expect: { delivery: ["software"], constraints: [] } },
  {
    q: "which options DON'T need us to bring our own hardware?",
    expect: { constraints: ["+vendor-compute"] },
  },
  {
    q: "除了 OpenShift 以外，还有哪些容器平台软件",
    expect: {
      excludedProducts: ["redhat-openshift"],
      products: [],
      scopes: ["container-platform"],
      delivery: ["software"],
    },
  },
  {
    q: "Tencent hybrid options besides plain TKE",
    expect: { vendors: ["tencent"], excludedProducts: ["tencent-tke"] },
  },
  {
    q: "managed k8s that is NOT from a Chinese cloud",
    expect: { constraints: ["+foreign"], delivery: ["managed"] },
  },
  {
    q: "OpenShift、KubeSphere、DCE 三个怎么选？我们是银行",
    expect: { products: ["redhat-openshift", "kubesphere", "daocloud-dce"], constraints: [], lang: "zh" },
  },
  { q: "我们是银行，用什么好", expect: { constraints: ["~air-gapped"] } },
  {
    q: "要私有化部署、能统一管多个集群的",
    expect: { delivery: ["software"], constraints: ["+multi-cluster"], privateEdition: false },
  },
  {
    q: "Mirantis Kubernetes Engine vs Rancher",
    expect: { unknownNames: ["Mirantis Kubernetes Engine"], products: ["rancher"], scopes: [] },
  },
  {
    q: "Does Nutanix Karbon work air-gapped?",
    expect: { unknownNames: ["Nutanix Kubernetes Platform (Karbon)"], products: [], yesNo: true },
  },
  {
    q: "MCP server 怎么接到 Claude Desktop",
    expect: {
      products: [],
      unknownNames: ["Model Context Protocol (MCP servers, an AI tool protocol — not Huawei MCP)"],
    },
  },
  { q: "浪潮的容器云能离线部署吗", expect: { unknownNames: ["Inspur (浪潮) container cloud"], yesNo: true } },
  {
    q: "if we buy Alauda ACP, who provides the servers?",
    expect: { products: ["alauda-acp"], focus: "servers" },
  },
  { q: "KubeSphere 是哪家公司的", expect: { products: ["kubesphere"], focus: "vendor" } },
  {
    q: "Is ACK a managed service?",
    expect: { products: ["alibaba-ack"], delivery: ["managed"], yesNo: true },
  },
  { q: "Is EKS a managed service?", expect: { products: ["amazon-eks"] } },
  {
    q: "Which of them can't run without an internet connection?",
    expect: { constraints: ["+needs-internet"] },
  },
  { q: "which offerings are NOT air-gapped?", expect: { constraints: ["+needs-internet"] } },
  { q: "哪些产品不需要联网", expect: { constraints: ["+air-gapped"] } },
  { q: "Show me everything except the managed cloud services", expect: { delivery: ["software"] } },
  {
    q: "除了阿里和腾讯，还有哪些公有云托管 K8s",
    expect: { excludedVendors: ["alibaba", "tencent"], vendors: [], delivery: ["managed"] },
  },
  { q: "国产的容器平台软件，外资的不要", expect: { constraints: ["+domestic"] } },
  {
    q: "国产的多云管理软件有哪些（不要外企）",
    expect: { constraints: ["+domestic"], scopes: ["multi-cloud-management"] },
  },
  { q: "which hosted Kubernetes is not run by a cloud from China?", expect: { constraints: ["+foreign"] } },
  { q: "which platforms are not open source?", expect: { constraints: ["-open-source"] } },
  {
    q: "Which self-hosted platforms besides Rancher manage multiple clusters?",
    expect: { excludedProducts: ["rancher"], constraints: ["+multi-cluster"] },
  },
  {
    q: "Tencent options except TKE that work offline",
    expect: { excludedProducts: ["tencent-tke"], constraints: ["+air-gapped"] },
  },
  { q: "不要公有云的方案", expect: { delivery: ["software"], privateEdition: false } },
  { q: "私有化版本有哪些", expect: { privateEdition: true } },
  { q: "我们没有自己的机房，适合用哪类方案", expect: { constraints: ["+vendor-compute"] } },
  { q: "KubeSphere は何ですか", expect: { lang: "en", unsupportedLang: "ja", products: ["kubesphere"] } },
  { q: "Rancher 和 RKE 什么关系", expect: { lang: "zh", products: ["rancher", "rancher-rke"] } },
  { q: "which options work in a non air-gapped network", expect: { constraints: ["+needs-internet"] } },
  {
    q: "open source options other than Rancher and KubeSphere",
    expect: { excludedProducts: ["rancher", "kubesphere"], constraints: ["+open-source"] },
  },
];

describe("understand: the typed query", () => {
  it.each(ROWS)("$q", ({ q, expect: want }) => {
    const got = understand(q, catalog);
    if (want.lang) expect(got.lang).toBe(want.lang);
    if (want.products) expect(got.products).toEqual(want.products);
    if (want.vendors) expect(got.vendors).toEqual(want.vendors);
    if (want.excludedProducts) expect(got.excludedProducts.sort()).toEqual([...want.excludedProducts].sort());
    if (want.excludedVendors) expect(got.excludedVendors.sort()).toEqual([...want.excludedVendors].sort());
    if (want.constraints) expect(constraintsOf(got)).toEqual([...want.constraints].sort());
    if (want.delivery) expect([...got.delivery].sort()).toEqual([...want.delivery].sort());
    if (want.scopes) expect([...got.scopes].sort()).toEqual([...want.scopes].sort());
    if (want.privateEdition !== undefined) expect(got.privateEdition).toBe(want.privateEdition);
    if (want.unknownNames) expect(got.unknownNames).toEqual(want.unknownNames);
    if (want.yesNo !== undefined) expect(got.yesNo).toBe(want.yesNo);
    if (want.focus) expect(got.focus).toBe(want.focus);
    if (want.unsupportedLang) expect(got.unsupportedLang).toBe(want.unsupportedLang);
  });

  it("never throws and always gives a language", () => {
    for (const q of [
      "",
      "   ",
      "不",
      "not",
      "除了",
      "except except except",
      "？？？",
      "t",
      "n't",
      "的不要",
      "(((",
      "a".repeat(5000),
    ])
      expect(["en", "zh"]).toContain(understand(q, catalog).lang);
  });
});
