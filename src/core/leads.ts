import type { Catalog } from "./catalog/catalog.js";
import type { Lang } from "./answer.js";
import { productHas } from "./match.js";
import { profileOf } from "./profile.js";
import type { Query } from "./query.js";
import { vocabularyOf } from "./vocabulary/load.js";
import { message } from "./vocabulary/vocabulary.js";

/**
 * The first line of a direct question about one product: "Yes — …", "No — …", who makes it,
 * who provides the servers. Undefined when the question asks nothing direct.
 */
export function productLead(catalog: Catalog, lang: Lang, id: string, q: Query): string | undefined {
  const p = profileOf(catalog, id);
  if (!p) return undefined;
  const v = vocabularyOf(catalog);
  const product = p.product.name[lang];
  const vendor = p.vendor.name[lang];
  if (q.focus === "servers") {
    const software = p.delivery.includes("software");
    const managed = p.delivery.includes("managed");
    const hybrid = p.categories.some((c) => c.delivery === "managed" && c.scope === "multi-cloud-management");
    const key = hybrid ? "hybrid" : software && !managed ? "software" : "managed";
    return message(v, lang, `lead.servers.${key}`, { product, vendor });
  }
  // "Is AKS Anywhere Microsoft's?": a vendor named next to a product that is not theirs.
  const otherVendor = q.vendors.find((x) => x !== p.vendor.id);
  if (otherVendor && (q.yesNo || q.focus === "vendor")) {
    const asked = catalog.vendors.get(otherVendor)?.name[lang] ?? otherVendor;
    return message(v, lang, "lead.vendorNo", { product, vendor, asked });
  }
  if (q.focus === "vendor") return message(v, lang, q.yesNo ? "lead.vendorYes" : "lead.vendor", { product, vendor });
  const asked = q.constraints.filter((c) => c.from === "asked");
  const delivery = [...q.delivery];
  if (q.yesNo && (asked.length || delivery.length)) {
    const c = asked[0];
    const attributeId = c ? (c.want ? c.attribute : (v.attributes.get(c.attribute)?.opposite ?? c.attribute)) : undefined;
    if (attributeId) {
      const a = v.attributes.get(attributeId);
      if (!a) return undefined;
      const level = productHas(catalog, p, attributeId);
      const title = a.title[lang];
      const key = c && !c.want && !a.opposite ? (level === "no" ? "lead.yes" : "lead.no") : `lead.${level}`;
      return message(v, lang, key, { product, title, titleNeg: stripAre(title, lang) });
    }
    const wantsBoth = delivery.length === 2 || (q.delivery.has("software") && q.privateEdition);
    const has = wantsBoth
      ? p.delivery.includes("managed") && p.delivery.includes("software")
      : delivery.every((d) => p.delivery.includes(d));
    const title = deliveryTitle(lang, wantsBoth ? "both" : (delivery[0] ?? "managed"));
    return message(v, lang, has ? "lead.yes" : "lead.no", { product, title, titleNeg: stripAre(title, lang) });
  }
  return undefined;
}

/** "are open source" → "be open source" after "does not". */
function stripAre(title: string, lang: Lang): string {
  if (lang === "zh") return title;
  return title.replace(/^are /, "be ").replace(/^can /, "");
}

function deliveryTitle(lang: Lang, d: "managed" | "software" | "both"): string {
  const en = {
    managed: "is offered as a managed cloud service",
    software: "is offered as software you run yourself",
    both: "is offered both as a managed cloud service and as software you run yourself",
  };
  const zh = { managed: "提供公有云托管服务", software: "提供可自行部署的软件版本", both: "既有公有云托管服务，也有私有化部署版本" };
  return (lang === "zh" ? zh : en)[d];
}
