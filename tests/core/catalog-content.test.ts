import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/core/catalog/load.js";

const catalog = loadCatalog("knowledge");
const REQUIRED_IDS =
  "redhat-openshift rancher-rke kubesphere tenxcloud-tcs alauda-acp bocloud-beyondcontainer daocloud-dce tencent-tke-enterprise vmware-vsphere rancher huawei-mcp daocloud-dsp redhat-acm vmware-tanzu amazon-eks alibaba-ack tencent-tke azure-aks huawei-cce qingcloud-qke alibaba-apsara-agility tencent-tcs tencent-tke-everywhere amazon-eks-anywhere alibaba-ack-anywhere tencent-tke-opensource amazon-eks-distro alibaba-ack-distro".split(
    " ",
  );

describe("the shipped catalog", () => {
  it("has every product the article names, under its stable id", () => {
    for (const id of REQUIRED_IDS) expect(catalog.products.has(id), id).toBe(true);
  });

  it("has the five categories in the article's order", () => {
    expect([...catalog.categories.values()].sort((a, b) => a.order - b.order).map((c) => c.order)).toEqual([
      1, 2, 3, 4, 5,
    ]);
  });

  it("puts the products the article lists twice in both categories", () => {
    expect(catalog.products.get("kubesphere")?.categories).toHaveLength(2);
    expect(catalog.products.get("huawei-cce")?.categories).toHaveLength(2);
    expect(catalog.products.get("huawei-mcp")?.categories).toHaveLength(2);
  });

  it("names the four other players as vendors without products", () => {
    const others = [...catalog.vendors.values()].filter((v) => v.otherPlayer);
    expect(others.map((v) => v.id).sort()).toEqual(["baidu", "jdcloud", "kingsoft", "ucloud"]);
    for (const v of others) expect(catalog.productsByVendor.get(v.id)).toEqual([]);
  });

  it("grounds every product in the article", () => {
    for (const p of catalog.products.values()) {
      const cited = p.facts.flatMap((f) => f.sources);
      expect(cited, p.id).toContain("article");
    }
  });

  it("keeps the article's name and the later name where they differ", () => {
    const ack = catalog.products.get("alibaba-ack-anywhere");
    expect(ack?.aliases.join(" ")).toMatch(/AKS Anywhere/);
    expect(ack?.facts.some((f) => f.kind === "correction")).toBe(true);
    expect(catalog.products.get("huawei-mcp")?.facts.some((f) => /UCS/.test(f.text.en))).toBe(true);
  });

  it("records the Anywhere products' recommended distributions", () => {
    const recommends = (id: string) =>
      catalog.products
        .get(id)
        ?.relations.filter((r) => r.type === "recommends")
        .map((r) => r.target);
    expect(recommends("huawei-mcp")).toContain("huawei-cce");
    expect(recommends("tencent-tke-everywhere")).toContain("tencent-tke-opensource");
    expect(recommends("amazon-eks-anywhere")).toContain("amazon-eks-distro");
    expect(recommends("alibaba-ack-anywhere")).toContain("alibaba-ack-distro");
  });
});
