import { describe, expect, it } from "vitest";
import type { Intent } from "../../src/core/answer.js";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answer } from "../../src/core/engine.js";

const catalog = loadCatalog("knowledge");

/**
 * Our own question bank: how people ask, in both languages, written for this table and never
 * special-cased in the engine. Each row says what a right answer must (and must not) contain.
 */
interface Row {
  q: string;
  intent: Intent;
  /** The first item. */
  first?: string;
  /** Exactly these items (in any order; `first` pins the order where it matters). */
  items?: string[];
  /** Items that must be listed. */
  has?: string[];
  /** Items that must not be listed. */
  not?: string[];
  count?: number;
  /** A pattern the first line (the lead) must match. */
  lead?: string;
  /** A note under the lead must mention this (an assumption, a name not covered). */
  notice?: string;
}

const BANK: Row[] = [
  {
    q: "哪些不是托管服务？",
    intent: "category",
    has: ["kubesphere", "redhat-openshift"],
    not: ["amazon-eks", "alibaba-ack"],
  },
  {
    q: "which options DON'T need us to bring our own hardware?",
    intent: "filter",
    has: ["amazon-eks", "alibaba-ack", "tencent-tke", "azure-aks", "huawei-cce", "qingcloud-qke"],
    not: ["redhat-openshift", "kubesphere"],
  },
  {
    q: "除了 OpenShift 以外，还有哪些容器平台软件",
    intent: "filter",
    has: ["kubesphere", "daocloud-dce", "alauda-acp"],
    not: ["redhat-openshift", "rancher"],
  },
  {
    q: "Tencent hybrid options besides plain TKE",
    intent: "filter",
    has: ["tencent-tcs", "tencent-tke-everywhere"],
    not: ["tencent-tke", "amazon-eks"],
  },
  {
    q: "managed k8s that is NOT from a Chinese cloud",
    intent: "filter",
    has: ["amazon-eks", "azure-aks"],
    not: ["alibaba-ack", "tencent-tke", "huawei-cce"],
  },
  {
    q: "which options can run without internet?",
    intent: "filter",
    has: ["redhat-openshift", "kubesphere"],
    not: ["amazon-eks", "alibaba-ack"],
    lead: "^17 offerings can run fully air-gapped",
  },
  {
    q: "哪些产品不需要联网",
    intent: "filter",
    has: ["redhat-openshift"],
    not: ["amazon-eks"],
    lead: "^有 17 个产品支持全内网",
  },
  {
    q: "which offerings are NOT air-gapped?",
    intent: "filter",
    has: ["amazon-eks", "azure-aks"],
    not: ["redhat-openshift"],
  },
  { q: "哪些方案必须联网", intent: "filter", has: ["amazon-eks", "alibaba-ack"], not: ["kubesphere"] },
  {
    q: "list the managed kubernetes services except Azure",
    intent: "filter",
    has: ["amazon-eks", "alibaba-ack"],
    not: ["azure-aks", "kubesphere"],
  },
  {
    q: "除了华为，还有哪些托管 K8s",
    intent: "filter",
    has: ["amazon-eks", "alibaba-ack"],
    not: ["huawei-cce", "huawei-mcp"],
  },
  {
    q: "除了 AWS 和 Azure 之外的托管 Kubernetes",
    intent: "filter",
    has: ["alibaba-ack", "huawei-cce"],
    not: ["amazon-eks", "azure-aks"],
  },
  {
    q: "Which self-hosted platforms besides Rancher manage multiple clusters?",
    intent: "filter",
    has: ["kubesphere", "redhat-acm"],
    not: ["rancher", "amazon-eks"],
  },
  {
    q: "除了 KubeSphere 以外，还有哪些开源的",
    intent: "filter",
    has: ["rancher"],
    not: ["kubesphere", "redhat-openshift"],
  },
  {
    q: "open source options other than Rancher",
    intent: "filter",
    has: ["kubesphere"],
    not: ["rancher", "redhat-openshift"],
  },
  {
    q: "open source options other than Rancher and KubeSphere",
    intent: "filter",
    has: ["redhat-acm"],
    not: ["rancher", "kubesphere"],
  },
  {
    q: "which platforms are not open source?",
    intent: "filter",
    has: ["redhat-openshift", "amazon-eks"],
    not: ["kubesphere", "rancher"],
  },
  { q: "哪些产品不开源", intent: "filter", has: ["redhat-openshift"], not: ["kubesphere"] },
  {
    q: "which multi-cloud managers are not managed services?",
    intent: "category",
    has: ["rancher", "redhat-acm"],
    not: ["alibaba-ack-anywhere"],
  },
  { q: "非托管的多云管理平台有哪些", intent: "category", has: ["rancher"], not: ["alibaba-ack-anywhere"] },
  { q: "哪些不是软件", intent: "category", has: ["amazon-eks"], not: ["redhat-openshift"] },
  {
    q: "everything except the managed services",
    intent: "filter",
    has: ["redhat-openshift", "huawei-cce"],
    not: ["amazon-eks", "alibaba-ack-anywhere"],
  },
  { q: "除了托管服务以外的全部产品", intent: "filter", has: ["redhat-openshift"], not: ["amazon-eks"] },
  {
    q: "Tencent options except TKE that work offline",
    intent: "filter",
    has: ["tencent-tcs"],
    not: ["tencent-tke", "tencent-tke-everywhere"],
  },
  { q: "不要公有云的方案", intent: "category", has: ["redhat-openshift"], not: ["amazon-eks"] },
  {
    q: "options that don't need a public cloud connection",
    intent: "filter",
    has: ["redhat-openshift"],
    not: ["amazon-eks"],
  },
  {
    q: "we want to run everything on-prem",
    intent: "filter",
    has: ["redhat-openshift"],
    not: ["amazon-eks"],
  },
  { q: "我们要本地部署", intent: "category", has: ["redhat-openshift"], not: ["amazon-eks"] },
  { q: "我们没有机房", intent: "filter", has: ["amazon-eks"], not: ["redhat-openshift"] },
  {
    q: "we have no data center, what should we use?",
    intent: "filter",
    has: ["amazon-eks", "alibaba-ack"],
    not: ["kubesphere"],
  },
  {
    q: "which managed services can run on our own servers?",
    intent: "filter",
    has: ["huawei-mcp", "tencent-tke-everywhere", "amazon-eks-anywhere", "alibaba-ack-anywhere"],
    not: ["amazon-eks", "huawei-cce"],
  },
  {
    q: "哪些托管服务可以跑在自己的机房",
    intent: "filter",
    has: ["huawei-mcp", "tencent-tke-everywhere", "amazon-eks-anywhere", "alibaba-ack-anywhere"],
    not: ["amazon-eks"],
  },
  {
    q: "which options are not from Chinese vendors?",
    intent: "filter",
    has: ["redhat-openshift", "amazon-eks"],
    not: ["kubesphere", "alibaba-ack"],
  },
  {
    q: "国外厂商的容器平台有哪些",
    intent: "filter",
    has: ["redhat-openshift", "vmware-vsphere"],
    not: ["kubesphere", "amazon-eks"],
  },
  {
    q: "国产的托管 K8s 有哪些",
    intent: "filter",
    has: ["alibaba-ack", "tencent-tke"],
    not: ["amazon-eks", "azure-aks"],
  },
  {
    q: "Chinese vendors offering multi-cloud management",
    intent: "filter",
    has: ["huawei-mcp", "daocloud-dsp"],
    not: ["rancher", "redhat-acm"],
  },
  {
    q: "which domestic vendors sell container platform software?",
    intent: "filter",
    has: ["kubesphere", "daocloud-dce"],
    not: ["redhat-openshift"],
  },
  {
    q: "US vendors' Kubernetes services",
    intent: "filter",
    has: ["amazon-eks", "azure-aks"],
    not: ["alibaba-ack"],
  },
  { q: "哪些是外资的产品", intent: "filter", has: ["redhat-openshift"], not: ["kubesphere"] },
  {
    q: "哪些是国产的？",
    intent: "filter",
    has: ["kubesphere", "alibaba-ack"],
    not: ["redhat-openshift", "amazon-eks"],
  },
  {
    q: "which options are open source but not from Chinese vendors?",
    intent: "filter",
    has: ["rancher"],
    not: ["kubesphere", "redhat-openshift"],
  },
  {
    q: "which hosted kubernetes runs in China but isn't Chinese?",
    intent: "filter",
    has: ["amazon-eks", "azure-aks"],
    not: ["alibaba-ack"],
  },
  { q: "Is Rancher from China?", intent: "product", first: "rancher", lead: "^No — " },
  {
    q: "which are pay as you go?",
    intent: "filter",
    has: ["amazon-eks", "alibaba-ack"],
    not: ["redhat-openshift"],
  },
  { q: "哪些按量付费", intent: "filter", has: ["amazon-eks"], not: ["redhat-openshift"] },
  {
    q: "which can we buy outright with a licence?",
    intent: "filter",
    has: ["redhat-openshift"],
    not: ["amazon-eks"],
  },
  { q: "哪些可以买断", intent: "filter", has: ["redhat-openshift"], not: ["amazon-eks"] },
  { q: "which work out of the box?", intent: "filter", has: ["amazon-eks"], not: ["redhat-openshift"] },
  { q: "哪些开箱即用", intent: "filter", has: ["amazon-eks"], not: ["redhat-openshift"] },
  { q: "which ones support edge?", intent: "filter", has: ["tencent-tke-everywhere"] },
  { q: "哪些支持边缘计算", intent: "filter", has: ["tencent-tke-everywhere"] },
  { q: "which are based on Kubernetes federation?", intent: "filter", has: ["huawei-mcp"], not: ["rancher"] },
  { q: "哪些基于联邦", intent: "filter", has: ["huawei-mcp"] },
  { q: "what is still in beta?", intent: "filter", has: ["tencent-tke-everywhere"], count: 1 },
  { q: "哪些还在内测", intent: "filter", has: ["tencent-tke-everywhere"], count: 1 },
  {
    q: "which platforms support 信创?",
    intent: "filter",
    has: ["alauda-acp", "daocloud-dce"],
    not: ["amazon-eks", "redhat-openshift"],
  },
  { q: "哪些支持信创", intent: "filter", has: ["alauda-acp"], not: ["amazon-eks"] },
  { q: "which options support ARM?", intent: "filter", count: 0, lead: "^The catalog has no sourced facts" },
  {
    q: "we are a bank. which should we pick?",
    intent: "filter",
    has: ["redhat-openshift"],
    not: ["amazon-eks"],
    notice: "bank",
  },
  {
    q: "我们是银行，用什么好",
    intent: "filter",
    has: ["redhat-openshift"],
    not: ["amazon-eks"],
    notice: "银行",
  },
  { q: "券商适合哪些方案", intent: "filter", has: ["kubesphere"], not: ["amazon-eks"], notice: "券商" },
  { q: "我们是政府单位，有什么推荐", intent: "filter", has: ["kubesphere"], not: ["amazon-eks"] },
  { q: "Huawei's software products", intent: "filter", has: ["huawei-cce"], not: ["amazon-eks"] },
  { q: "阿里云的私有化产品", intent: "filter", has: ["alibaba-apsara-agility"], not: ["alibaba-ack"] },
  { q: "AWS managed and self-hosted", intent: "filter", has: ["amazon-eks"], not: ["alibaba-ack"] },
  {
    q: "哪些厂商既有公有云托管 K8s 又有私有化版本",
    intent: "filter",
    has: ["huawei-cce", "alibaba-ack", "tencent-tcs"],
    not: ["amazon-eks", "redhat-openshift"],
  },
  {
    q: "which vendors offer both managed kubernetes and a private edition?",
    intent: "filter",
    has: ["alibaba-apsara-agility", "tencent-tke"],
    not: ["azure-aks", "qingcloud-qke"],
  },
  { q: "all products", intent: "filter", has: ["redhat-openshift", "amazon-eks"], count: 28 },
  { q: "列出所有产品", intent: "filter", count: 28 },
  {
    q: "OpenShift、KubeSphere、DCE 三个怎么选？我们是银行",
    intent: "compare",
    items: ["redhat-openshift", "kubesphere", "daocloud-dce"],
  },
  { q: "Rancher or OpenShift for a bank?", intent: "compare", items: ["rancher", "redhat-openshift"] },
  { q: "KubeSphere 还是 Rancher？", intent: "compare", items: ["kubesphere", "rancher"] },
  { q: "在 DCE 和 ACP 之间选一个", intent: "compare", items: ["daocloud-dce", "alauda-acp"] },
  { q: "ACK vs TKE vs CCE", intent: "compare", items: ["alibaba-ack", "tencent-tke", "huawei-cce"] },
  {
    q: "compare EKS Anywhere and ACK Anywhere",
    intent: "compare",
    items: ["amazon-eks-anywhere", "alibaba-ack-anywhere"],
  },
  { q: "Tanzu vs Rancher for multi-cluster", intent: "compare", items: ["vmware-tanzu", "rancher"] },
  { q: "OpenShift 和 KubeSphere 有什么区别", intent: "compare", items: ["redhat-openshift", "kubesphere"] },
  { q: "Rancher 和 RKE 什么关系", intent: "compare", items: ["rancher", "rancher-rke"] },
  {
    q: "我们是券商，想在 KubeSphere 和 Rancher 之间选一个",
    intent: "compare",
    items: ["kubesphere", "rancher"],
  },
  {
    q: "OpenShift or DaoCloud DCE for a fully offline data center?",
    intent: "compare",
    items: ["redhat-openshift", "daocloud-dce"],
  },
  {
    q: "Which is better for multi-cluster: ACM or KubeSphere?",
    intent: "compare",
    items: ["redhat-acm", "kubesphere"],
  },
  { q: "ACK vs. ACK Distro?", intent: "compare", items: ["alibaba-ack", "alibaba-ack-distro"] },
  {
    q: "compare the Anywhere products",
    intent: "compare",
    has: ["amazon-eks-anywhere", "alibaba-ack-anywhere"],
  },
  { q: "Mirantis Kubernetes Engine vs Rancher", intent: "product", first: "rancher", notice: "Mirantis" },
  { q: "Is Google Anthos better than Rancher?", intent: "product", first: "rancher", notice: "Google" },
  { q: "Is Rancher open source?", intent: "product", first: "rancher", lead: "^Yes — " },
  { q: "KubeSphere 开源吗", intent: "product", first: "kubesphere", lead: "^是 — " },
  {
    q: "Is KubeSphere open source?",
    intent: "product",
    first: "kubesphere",
    lead: "^Yes — KubeSphere.* is open source",
  },
  { q: "Is OpenShift a managed service?", intent: "product", first: "redhat-openshift", lead: "^No — " },
  { q: "Is ACK a managed service?", intent: "product", first: "alibaba-ack", lead: "^Yes — " },
  { q: "Is EKS a managed service?", intent: "product", first: "amazon-eks", lead: "^Yes — " },
  { q: "Is TKE managed?", intent: "product", first: "tencent-tke", lead: "^Yes — " },
  { q: "TKE 是托管服务吗", intent: "product", first: "tencent-tke", lead: "^是 — " },
  { q: "Can ACK run air-gapped?", intent: "product", first: "alibaba-ack", lead: "^No — " },
  { q: "ACK 能离线部署吗", intent: "product", first: "alibaba-ack", lead: "^否 — " },
  { q: "Is Azure AKS pay as you go?", intent: "product", first: "azure-aks", lead: "^Yes — " },
  { q: "Is DaoCloud DCE multi-cluster?", intent: "product", first: "daocloud-dce", lead: "^Yes — " },
  { q: "DCE 支持多集群吗", intent: "product", first: "daocloud-dce", lead: "^是 — " },
  { q: "Does Tanzu work offline?", intent: "product", first: "vmware-tanzu", lead: "^Partly — " },
  {
    q: "Is TKE Everywhere in beta?",
    intent: "product",
    first: "tencent-tke-everywhere",
    lead: "^Unconfirmed — ",
  },
  { q: "Is TKE Everywhere generally available yet?", intent: "product", first: "tencent-tke-everywhere" },
  { q: "Can Huawei MCP run fully offline?", intent: "product", first: "huawei-mcp", lead: "^Unconfirmed — " },
  { q: "Is OpenShift air-gapped?", intent: "product", first: "redhat-openshift", lead: "^Yes — " },
  {
    q: "Does Huawei CCE come both as a cloud service and as a private deployment?",
    intent: "product",
    first: "huawei-cce",
    lead: "^Yes — ",
  },
  { q: "Who makes KubeSphere?", intent: "product", first: "kubesphere", lead: "made by QingCloud" },
  { q: "KubeSphere 是哪家公司的", intent: "product", first: "kubesphere", lead: "青云" },
  { q: "Rancher 是哪家公司的", intent: "product", first: "rancher", lead: "SUSE" },
  { q: "Who is behind OpenShift?", intent: "product", first: "redhat-openshift", lead: "made by Red Hat" },
  { q: "Which company sells DCE?", intent: "product", first: "daocloud-dce", lead: "made by DaoCloud" },
  {
    q: "whose product is Apsara Stack Agility?",
    intent: "product",
    first: "alibaba-apsara-agility",
    lead: "made by Alibaba",
  },
  { q: "is EKS Anywhere Amazon's?", intent: "product", first: "amazon-eks-anywhere", lead: "^Yes — " },
  {
    q: "is AKS Anywhere Microsoft's?",
    intent: "product",
    first: "alibaba-ack-anywhere",
    lead: "^No — .*not Microsoft",
  },
  { q: "Is Tanzu made by Red Hat?", intent: "product", first: "vmware-tanzu", lead: "^No — " },
  {
    q: "who provides the servers for TKE?",
    intent: "product",
    first: "tencent-tke",
    lead: "^Tencent Cloud does — ",
  },
  { q: "if we use EKS, who provides the servers?", intent: "product", first: "amazon-eks", lead: "does — " },
  {
    q: "if we buy Alauda ACP, who provides the servers?",
    intent: "product",
    first: "alauda-acp",
    lead: "^You do — ",
  },
  {
    q: "用 ACK Anywhere 的话服务器谁提供",
    intent: "product",
    first: "alibaba-ack-anywhere",
    lead: "^两者皆可",
  },
  {
    q: "if we buy OpenShift who provides hardware",
    intent: "product",
    first: "redhat-openshift",
    lead: "^You do — ",
  },
  {
    q: "which distribution does EKS Anywhere recommend?",
    intent: "product",
    first: "amazon-eks-distro",
    lead: "^Amazon EKS Distro",
  },
  { q: "ACK Anywhere 推荐什么发行版", intent: "product", first: "alibaba-ack-distro" },
  {
    q: "which distribution should we run on-prem to join ACK One?",
    intent: "product",
    first: "alibaba-ack-distro",
  },
  {
    q: "what is TKE Enterprise based on?",
    intent: "product",
    first: "tencent-tke-enterprise",
    lead: "based on Alauda",
  },
  { q: "what's based on Alauda?", intent: "filter", items: ["tencent-tke-enterprise"] },
  { q: "谁家的产品是基于灵雀云做的", intent: "filter", has: ["tencent-tke-enterprise"] },
  { q: "openshfit", intent: "product", first: "redhat-openshift" },
  { q: "kubspere", intent: "product", first: "kubesphere" },
  { q: "ranchr", intent: "product", first: "rancher" },
  { q: "EKS-A", intent: "product", first: "amazon-eks-anywhere" },
  { q: "TCS", intent: "product", has: ["tencent-tcs", "tenxcloud-tcs"] },
  { q: "DSP", intent: "product", first: "daocloud-dsp" },
  { q: "MCP", intent: "product", first: "huawei-mcp" },
  { q: "华为 UCS", intent: "product", first: "huawei-mcp" },
  { q: "ACK One", intent: "product", first: "alibaba-ack-anywhere" },
  { q: "TKEStack", intent: "product", first: "tencent-tke-opensource" },
  { q: "RKE2", intent: "product", first: "rancher-rke" },
  { q: "vSphere with Tanzu", intent: "product", first: "vmware-vsphere" },
  { q: "Tanzu Mission Control", intent: "product", first: "vmware-tanzu" },
  { q: "ACM", intent: "product", first: "redhat-acm" },
  { q: "Red Hat Advanced Cluster Management", intent: "product", first: "redhat-acm" },
  { q: "QKE", intent: "product", first: "qingcloud-qke" },
  { q: "灵鹊云", intent: "vendor", has: ["alauda-acp"] },
  { q: "what is EKS Anywhere?", intent: "product", first: "amazon-eks-anywhere" },
  { q: "tell me about kubesphere", intent: "product", first: "kubesphere" },
  {
    q: "Which software container platform is built into a hypervisor?",
    intent: "filter",
    first: "vmware-vsphere",
    count: 1,
  },
  { q: "tell me about Huawei", intent: "vendor", has: ["huawei-cce", "huawei-mcp"] },
  { q: "腾讯有哪些产品", intent: "vendor", has: ["tencent-tke", "tencent-tcs"] },
  { q: "What does Alibaba offer?", intent: "vendor", has: ["alibaba-ack"] },
  { q: "what does VMware sell?", intent: "vendor", has: ["vmware-vsphere", "vmware-tanzu"] },
  { q: "Red Hat products", intent: "vendor", has: ["redhat-openshift", "redhat-acm"] },
  { q: "SUSE", intent: "vendor", has: ["rancher"] },
  { q: "Baidu", intent: "vendor", count: 0 },
  { q: "list all vendors", intent: "vendor" },
  { q: "哪些厂商", intent: "vendor" },
  { q: "what are the kinds of offering?", intent: "categories" },
  { q: "有哪几类产品", intent: "categories" },
  {
    q: "pros and cons of managed kubernetes",
    intent: "category",
    has: ["amazon-eks", "alibaba-ack", "tencent-tke", "azure-aks", "huawei-cce", "qingcloud-qke"],
  },
  {
    q: "托管 K8s 的优缺点",
    intent: "category",
    has: ["amazon-eks", "alibaba-ack", "tencent-tke", "azure-aks", "huawei-cce", "qingcloud-qke"],
  },
  {
    q: "what are the downsides of software container platforms?",
    intent: "category",
    has: [
      "redhat-openshift",
      "rancher-rke",
      "kubesphere",
      "tenxcloud-tcs",
      "alauda-acp",
      "bocloud-beyondcontainer",
      "daocloud-dce",
      "tencent-tke-enterprise",
      "vmware-vsphere",
    ],
  },
  {
    q: "私有化版本有哪些",
    intent: "category",
    items: ["huawei-cce", "alibaba-apsara-agility", "tencent-tcs"],
  },
  {
    q: "private editions of public cloud kubernetes",
    intent: "category",
    items: ["huawei-cce", "alibaba-apsara-agility", "tencent-tcs"],
  },
  {
    q: "which public cloud kubernetes can be self-hosted?",
    intent: "category",
    items: ["huawei-cce", "alibaba-apsara-agility", "tencent-tcs"],
  },
  { q: "专有云", intent: "category", items: ["huawei-cce", "alibaba-apsara-agility", "tencent-tcs"] },
  {
    q: "multi-cloud management software",
    intent: "category",
    items: ["rancher", "huawei-mcp", "daocloud-dsp", "redhat-acm", "kubesphere", "vmware-tanzu"],
  },
  {
    q: "多云管理软件有哪些",
    intent: "category",
    items: ["rancher", "huawei-mcp", "daocloud-dsp", "redhat-acm", "kubesphere", "vmware-tanzu"],
  },
  {
    q: "容器平台软件",
    intent: "category",
    items: [
      "redhat-openshift",
      "rancher-rke",
      "kubesphere",
      "tenxcloud-tcs",
      "alauda-acp",
      "bocloud-beyondcontainer",
      "daocloud-dce",
      "tencent-tke-enterprise",
      "vmware-vsphere",
    ],
  },
  {
    q: "托管的多云容器管理平台",
    intent: "category",
    items: ["huawei-mcp", "tencent-tke-everywhere", "amazon-eks-anywhere", "alibaba-ack-anywhere"],
  },
  { q: "what is the Anywhere idea?", intent: "topic" },
  { q: "Anywhere 类产品的优势", intent: "topic" },
  { q: "Kubernetes distributions", intent: "distributions" },
  { q: "有哪些发行版", intent: "distributions" },
  {
    q: "which distributions are open source?",
    intent: "filter",
    has: ["amazon-eks-distro", "tencent-tke-opensource"],
    not: ["redhat-openshift"],
  },
  { q: "who are the other players?", intent: "other-players" },
  { q: "其他玩家", intent: "other-players" },
  { q: "where does your data come from?", intent: "about" },
  { q: "how current is this?", intent: "about" },
  { q: "help", intent: "help" },
  { q: "你能做什么", intent: "help" },
  { q: "hi", intent: "help" },
  { q: "which is best?", intent: "clarify", count: 0 },
  { q: "which one?", intent: "clarify", count: 0 },
  { q: "recommend something", intent: "clarify", count: 0 },
  { q: "推荐一个", intent: "clarify", count: 0 },
  { q: "k8s", intent: "clarify", count: 0 },
  { q: "容器", intent: "clarify", count: 0 },
  { q: "what's the weather today?", intent: "not-found", count: 0 },
  { q: "asdf qwerty zxcv", intent: "not-found", count: 0 },
  { q: "Does Kubermatic support edge?", intent: "not-found", count: 0, lead: "Kubermatic" },
  { q: "Is Kubermatic in your catalog?", intent: "not-found", count: 0 },
  { q: "Platform9 离线吗", intent: "not-found", count: 0 },
  { q: "D2iQ DKP", intent: "not-found", count: 0 },
  { q: "浪潮云", intent: "not-found", count: 0 },
  { q: "浪潮的容器云能离线部署吗", intent: "not-found", count: 0 },
  { q: "ZStack 容器平台", intent: "not-found", count: 0 },
  { q: "火山引擎 VKE 怎么样", intent: "not-found", count: 0 },
  { q: "Volcano Engine VKE 支持离线吗", intent: "not-found", count: 0 },
  { q: "Oracle OKE pricing", intent: "not-found", count: 0 },
  { q: "Does Nutanix Karbon work air-gapped?", intent: "not-found", count: 0 },
  { q: "Does Google Anthos work in an air-gapped bank?", intent: "not-found", count: 0 },
  { q: "SmartX 的 K8s 产品支持哪些部署方式", intent: "not-found", count: 0 },
  { q: "MCP server 怎么接到 Claude Desktop", intent: "not-found", count: 0 },
  { q: "KubeSphere は何ですか", intent: "product", first: "kubesphere", notice: "English and Chinese" },
];

describe("question bank: answers to questions in people's own words", () => {
  it("has at least 150 questions in both languages", () => {
    expect(BANK.length).toBeGreaterThanOrEqual(150);
    expect(BANK.filter((r) => /[\u4e00-\u9fff]/.test(r.q)).length).toBeGreaterThanOrEqual(50);
  });

  it.each(BANK)("$q", (row) => {
    const a = answer(row.q, catalog);
    const ids = a.items.map((i) => i.id);
    expect(a.intent).toBe(row.intent);
    if (row.first) expect(ids[0]).toBe(row.first);
    if (row.items) expect([...ids].sort()).toEqual([...row.items].sort());
    for (const id of row.has ?? []) expect(ids).toContain(id);
    for (const id of row.not ?? []) expect(ids).not.toContain(id);
    if (row.count !== undefined) expect(a.totalItems ?? ids.length).toBe(row.count);
    // The lead is the heading for a direct answer ("Yes — …"), else the first line under it.
    if (row.lead) expect([a.title, a.summary].join("\n")).toMatch(new RegExp(row.lead, "m"));
    if (row.notice) expect((a.notices ?? []).join(" ")).toContain(row.notice);
  });
});
