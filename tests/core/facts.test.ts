// Product attribute values with their evidence (src/core/facts.ts), on the shipped catalog: the
// points issue 10 found wrong stay fixed.
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { evidenceFor, hasAttribute } from "../../src/core/compose/attributes.js";
import { attributeValue } from "../../src/core/facts.js";
import { profileOf } from "../../src/core/profile.js";

const catalog = loadCatalog("knowledge");
const level = (id: string, attr: string) => attributeValue(catalog, id, attr)?.level;
const profile = (id: string) => {
  const p = profileOf(catalog, id);
  if (!p) throw new Error(id);
  return p;
};

describe("attributeValue", () => {
  it("is memoised per catalog", () => {
    expect(attributeValue(catalog, "huawei-cce", "air-gapped")).toBe(
      attributeValue(catalog, "huawei-cce", "air-gapped"),
    );
    expect(attributeValue(catalog, "no-such-product", "air-gapped")).toBeUndefined();
  });

  it("falls back to the categories' defaults, from the article", () => {
    const v = attributeValue(catalog, "amazon-eks", "pay-as-you-go");
    expect(v?.level).toBe("yes");
    expect(v?.fromArticle).toBe(true);
    expect(v?.sources).toContain("article");
    expect(level("amazon-eks", "air-gapped")).toBe("no");
    expect(level("amazon-eks", "needs-internet")).toBe("yes");
    expect(level("redhat-openshift", "needs-internet")).toBe("no");
  });

  it("keeps the article's air-gap claim for private editions, but as unconfirmed with a date", () => {
    for (const id of ["tencent-tke-enterprise", "tencent-tcs", "alibaba-apsara-agility", "huawei-cce"]) {
      const v = attributeValue(catalog, id, "air-gapped");
      expect(v?.level, id).toBe("unconfirmed");
      expect(v?.fromArticle, id).toBe(true);
      expect(v?.asOf, id).toBe("2026-11");
      // Still listed among the article's air-gapped offerings.
      expect(hasAttribute(profile(id), "air-gapped"), id).toBe(true);
      expect(evidenceFor(profile(id), "air-gapped"), id).toBe("article");
      expect(profile(id).airGapped.status, id).not.toBe("yes");
    }
  });

  it("gives products sold as a cloud service and as software one value per edition", () => {
    for (const id of ["huawei-cce", "huawei-mcp"]) {
      const v = attributeValue(catalog, id, "air-gapped");
      expect(
        v?.editions?.map((e) => [e.edition, e.level]),
        id,
      ).toEqual([
        ["private", "unconfirmed"],
        ["cloud", "no"],
      ]);
      expect(v?.reason?.en, id).toMatch(/Private edition: .*Cloud service: /);
    }
  });

  it("fixes the comparison of TKE Everywhere and EKS Anywhere", () => {
    expect(level("tencent-tke-everywhere", "multi-cluster")).toBe("no");
    expect(level("tencent-tke-everywhere", "vendor-compute")).toBe("partial");
    expect(level("amazon-eks-anywhere", "pay-as-you-go")).toBe("no");
    expect(level("amazon-eks-anywhere", "vendor-compute")).toBe("no");
    expect(level("amazon-eks-anywhere", "out-of-the-box")).toBe("no");
    expect(level("amazon-eks-anywhere", "air-gapped")).toBe("yes");
    expect(profile("amazon-eks-anywhere").billing).toEqual(["subscription"]);
    expect(profile("amazon-eks-anywhere").vendorProvidesCompute).toBe(false);
  });

  it("says what Rancher and OpenShift do through other products", () => {
    expect(level("rancher", "edge")).toBe("partial");
    expect(attributeValue(catalog, "rancher", "edge")?.reason?.en).toMatch(/K3s/);
    expect(level("redhat-openshift", "multi-cluster")).toBe("partial");
    expect(attributeValue(catalog, "redhat-openshift", "multi-cluster")?.reason?.en).toMatch(
      /Advanced Cluster Management/,
    );
    expect(level("alauda-acp", "air-gapped")).toBe("partial");
  });

  it("answers 国产 / domestic from the vendor's sourced origin, and says nothing without one", () => {
    expect(level("kubesphere", "domestic")).toBe("yes");
    expect(level("redhat-openshift", "domestic")).toBe("no");
    expect(level("rancher", "domestic")).toBe("no");
    expect(level("vmware-vsphere", "domestic")).toBe("no");
    expect(catalog.vendors.get("suse")?.origin?.country).toBe("LU");
    // Alauda's headquarters have no citable source: unknown, not guessed.
    expect(catalog.vendors.get("alauda")?.origin).toBeUndefined();
    expect(attributeValue(catalog, "alauda-acp", "domestic")).toBeUndefined();
    for (const id of ["baidu", "jdcloud", "kingsoft", "ucloud"])
      expect(catalog.vendors.get(id)?.origin?.country, id).toBe("CN");
  });

  it("has 信创 values only where a public source says so", () => {
    expect(level("alauda-acp", "xinchuang")).toBe("yes");
    expect(level("daocloud-dce", "xinchuang")).toBe("yes");
    expect(level("huawei-cce", "xinchuang")).toBe("partial");
    expect(level("kubesphere", "xinchuang")).toBe("partial");
    for (const id of [
      "tencent-tcs",
      "tenxcloud-tcs",
      "bocloud-beyondcontainer",
      "redhat-openshift",
      "rancher",
    ])
      expect(attributeValue(catalog, id, "xinchuang"), id).toBeUndefined();
  });

  it("keeps 2026 facts current: VMware subscription-only, vSphere without '7+'", () => {
    expect(level("vmware-vsphere", "licence")).toBe("yes");
    expect(attributeValue(catalog, "vmware-vsphere", "licence")?.reason?.en).toMatch(/Subscription only/);
    expect(catalog.products.get("vmware-vsphere")?.name.en).not.toMatch(/7\+/);
  });
});
