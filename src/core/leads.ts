import type { Lang } from "./answer.js";
import type { Catalog } from "./catalog/catalog.js";
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
  if (q.focus === "vendor")
    return message(v, lang, q.yesNo ? "lead.vendorYes" : "lead.vendor", { product, vendor });
  const asked = q.constraints.filter((c) => c.from === "asked");
  const delivery = [...q.delivery];
  if (q.yesNo && (asked.length || delivery.length)) {
    const c = asked[0];
    const attributeId = c
      ? c.want
        ? c.attribute
        : (v.attributes.get(c.attribute)?.opposite ?? c.attribute)
      : undefined;
    if (attributeId) {
      const a = v.attributes.get(attributeId);
      if (!a) return undefined;
      const level = productHas(catalog, p, attributeId);
      // "Is X not open source?" asks for the absence: yes when it lacks it.
      const key = c && !c.want && !a.opposite ? (level === "no" ? "lead.yes" : "lead.no") : `lead.${level}`;
      return message(v, lang, key, { product, claim: (level === "no" ? a.claimNot : a.claim)[lang] });
    }
    const wantsBoth = delivery.length === 2 || (q.delivery.has("software") && q.privateEdition);
    const has = wantsBoth
      ? p.delivery.includes("managed") && p.delivery.includes("software")
      : delivery.every((d) => p.delivery.includes(d));
    const claim = deliveryClaim(lang, wantsBoth ? "both" : (delivery[0] ?? "managed"), has);
    return message(v, lang, has ? "lead.yes" : "lead.no", { product, claim });
  }
  // "Is EKS Anywhere Amazon's?" / "made by AWS?" / 「是阿里的吗」 — not "does it need AWS?".
  const asksMaker = / s\b|\bby\b|\bfrom\b|\bmade\b|的/u.test(q.folded);
  if (q.yesNo && asksMaker && q.vendors.includes(p.vendor.id))
    return message(v, lang, "lead.vendorYes", { product, vendor });
  return undefined;
}

function deliveryClaim(lang: Lang, d: "managed" | "software" | "both", has: boolean): string {
  const v = vocabularyOfLang(lang);
  return has ? v.yes[d] : v.no[d];
}

const DELIVERY_CLAIMS = {
  en: {
    yes: {
      managed: "is offered as a managed cloud service",
      software: "is offered as software you run yourself",
      both: "is offered both as a managed cloud service and as software you run yourself",
    },
    no: {
      managed: "is not offered as a managed cloud service",
      software: "is not offered as software you run yourself",
      both: "is not offered both ways",
    },
  },
  zh: {
    yes: {
      managed: "提供公有云托管服务",
      software: "提供可自行部署的软件版本",
      both: "既有公有云托管服务，也有私有化部署版本",
    },
    no: {
      managed: "不提供公有云托管服务",
      software: "没有可自行部署的软件版本",
      both: "并非两种交付方式都有",
    },
  },
} as const;
const vocabularyOfLang = (lang: Lang) => DELIVERY_CLAIMS[lang];
