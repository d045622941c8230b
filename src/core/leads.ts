import type { Lang } from "./answer.js";
import type { Catalog } from "./catalog/catalog.js";
import { isAnywhereKind, isPrivateEditionKind } from "./facets.js";
import { productHas } from "./match.js";
import { profileOf } from "./profile.js";
import type { Query } from "./query.js";
import { findAll } from "./text-match.js";
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
    const hybrid = p.categories.some(isAnywhereKind);
    const key = hybrid ? "hybrid" : software && !managed ? "software" : "managed";
    return message(v, lang, `lead.servers.${key}`, { product, vendor });
  }
  if (q.focus === "billing" && !q.constraints.length) {
    const ways = p.billing.map((b) => message(v, lang, `billing.${b}`));
    return message(v, lang, ways.length ? "lead.billing" : "lead.billing.none", {
      product,
      billing: ways.join(lang === "zh" ? "、" : ", "),
    });
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
  // "Does ACK have a private edition?": the article's private editions of public-cloud Kubernetes.
  const onlySoftware = !q.delivery.size || (q.delivery.size === 1 && q.delivery.has("software"));
  if (q.yesNo && q.privateEdition && !asked.length && onlySoftware) {
    if (p.categories.some(isPrivateEditionKind)) return message(v, lang, "lead.private.yes", { product });
    const sibling = [...(catalog.productsByVendor.get(p.vendor.id) ?? [])]
      .map((id) => profileOf(catalog, id))
      .find((x) => x?.categories.some(isPrivateEditionKind));
    return sibling
      ? message(v, lang, "lead.private.sibling", { product, vendor, sibling: sibling.product.name[lang] })
      : message(v, lang, "lead.private.no", { product });
  }
  const delivery = [...q.delivery];
  // "Is it air-gapped and open source?": one line for each asked attribute, joined.
  if (q.yesNo && asked.length > 1) {
    const parts = asked.flatMap((c) => {
      const id = c.want ? c.attribute : (v.attributes.get(c.attribute)?.opposite ?? c.attribute);
      const a = v.attributes.get(id);
      if (!a) return [];
      const level = productHas(catalog, p, id);
      const holds =
        c.want || a.opposite ? level : level === "no" ? "yes" : level === "unconfirmed" ? level : "no";
      return [{ level: holds, claim: (level === "no" ? a.claimNot : a.claim)[lang] }];
    });
    if (parts.length > 1) {
      const all = parts.every((x) => x.level === "yes")
        ? "yes"
        : parts.every((x) => x.level === "no")
          ? "no"
          : "mixed";
      const claims = parts.map((x) => x.claim).join(message(v, lang, "lead.and"));
      return message(v, lang, `lead.${all}`, { product, claim: claims });
    }
  }
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
      // "Is it generally available?" asks for beta's absence: yes when it lacks it; an unconfirmed
      // value stays unconfirmed either way.
      const key =
        c && !c.want && !a.opposite && level !== "unconfirmed"
          ? level === "no"
            ? "lead.yes"
            : "lead.no"
          : `lead.${level}`;
      return message(v, lang, key, { product, claim: (level === "no" ? a.claimNot : a.claim)[lang] });
    }
    const wantsBoth = delivery.length === 2 || (q.delivery.has("software") && q.privateEdition);
    // A later source showing the product is software you run (EKS Anywhere) outranks the article's category.
    const deliveries = p.traits.has("self-managed") ? ["software"] : p.delivery;
    const has = wantsBoth
      ? deliveries.includes("managed") && deliveries.includes("software")
      : delivery.every((d) => deliveries.includes(d));
    const claim = deliveryClaim(catalog, lang, wantsBoth ? "both" : (delivery[0] ?? "managed"), has);
    return message(v, lang, has ? "lead.yes" : "lead.no", { product, claim });
  }
  // "Is EKS Anywhere Amazon's?" / "made by AWS?" — not "does it need AWS?".
  const asksMaker = v.question.maker.some((w) => findAll(q.folded, w).length > 0);
  if (q.yesNo && asksMaker && q.vendors.includes(p.vendor.id))
    return message(v, lang, "lead.vendorYes", { product, vendor });
  return undefined;
}

function deliveryClaim(
  catalog: Catalog,
  lang: Lang,
  d: "managed" | "software" | "both",
  has: boolean,
): string {
  return message(vocabularyOf(catalog), lang, `${has ? "claim" : "claimNot"}.delivery.${d}`);
}
