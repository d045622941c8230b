import type { Answer, Comparison, FollowUp } from "../answer.js";
import { LEVEL_LABELS } from "../facts.js";
import { phrases } from "../phrases.js";
import { type ProductProfile, profileOf } from "../profile.js";
import { factsInOrder, productView } from "../views.js";
import { type Ctx, finish, joinList } from "./context.js";
import { compareLabel } from "./products.js";

const BILLING = {
  en: {
    licence: "licence",
    subscription: "subscription",
    "pay-as-you-go": "pay-as-you-go",
    "monthly-yearly": "monthly/yearly",
  },
  zh: { licence: "买断", subscription: "订阅", "pay-as-you-go": "按量计费", "monthly-yearly": "包年包月" },
} as const;

const TRAITS: Record<"en" | "zh", Record<string, string>> = {
  en: {
    "multi-cluster": "multi-cluster",
    federation: "federation",
    edge: "edge",
    beta: "beta",
    distribution: "distribution",
    "open-source": "open source",
    "self-managed": "self-managed",
    archived: "archived",
    "end-of-life": "end of life",
    hypervisor: "in the hypervisor",
    xinchuang: "信创",
  },
  zh: {
    "multi-cluster": "多集群",
    federation: "联邦",
    edge: "边缘",
    beta: "内测",
    distribution: "发行版",
    "open-source": "开源",
    "self-managed": "自行管理",
    archived: "已归档",
    "end-of-life": "已停止支持",
    hypervisor: "内置于虚拟化平台",
    xinchuang: "信创",
  },
};

/** Two to four products side by side on the same rows. */
export function compareAnswer(ctx: Ctx, ids: string[]): Answer {
  const chosen = ids.slice(0, 4);
  const profiles = chosen.map((id) => profileOf(ctx.catalog, id) as ProductProfile);
  const items = chosen.map((id) => productView(ctx.catalog, id, ctx.lang, ctx.cite, 0));
  const p = phrases(ctx.lang);
  const L = p.labels;
  const row = (label: string, f: (x: ProductProfile, i: number) => string) => ({
    label,
    values: profiles.map(f),
  });
  // Attribute rows show each product's own evidence level ("Yes", "Partly", "No", "Unconfirmed"),
  // with the reason one click away in the product's card.
  const level = (x: ProductProfile, attr: string) => {
    const v = x.value(attr);
    return v ? LEVEL_LABELS[ctx.lang][v.level] : LEVEL_LABELS[ctx.lang].unknown;
  };
  const rows: Comparison["rows"] = [
    row(L.vendor, (x) => ctx.l(x.vendor.name)),
    row(L.categories, (x) => x.categories.map((c) => ctx.l(c.name)).join(" / ") || L.none),
    row(L.delivery, (_x, i) => (items[i] as { deliveryLabel: string }).deliveryLabel),
    row(L.compute, (x) => level(x, "vendor-compute")),
    row(L.billing, (x) => x.billing.map((b) => BILLING[ctx.lang][b]).join(" / ") || L.none),
    row(L.airGapped, (x) => level(x, "air-gapped")),
    row(L.outOfTheBox, (x) => level(x, "out-of-the-box")),
    row(L.multiCluster, (x) => level(x, "multi-cluster")),
    row(
      ctx.lang === "zh" ? "特点" : "Traits",
      (x) => [...x.traits].map((t) => TRAITS[ctx.lang][t] ?? t).join(", ") || L.none,
    ),
    row(L.notes, (x) => {
      const f = factsInOrder(x.product.facts)[0];
      return f ? `${ctx.l(f.text)}${ctx.ref(f.sources)}` : L.none;
    }),
  ];
  const names = items.map((i) => i.name);
  // Each product's details are a button on the product itself; follow-ups widen the view instead.
  const followUps: FollowUp[] = [];
  const categories = [...new Map(profiles.flatMap((p) => p.categories).map((c) => [c.id, c])).values()];
  for (const c of categories.slice(0, 2)) followUps.push(ctx.moreInCategory(c));
  const vendor = profiles[0]?.vendor;
  if (vendor && profiles.every((p) => p.vendor.id === vendor.id)) followUps.push(ctx.moreFromVendor(vendor));
  const relations = relationsBetween(ctx, chosen);
  const sections = relations.length
    ? [{ title: ctx.lang === "zh" ? "它们之间的关系" : "How they relate", bullets: relations }]
    : [];
  return finish(
    {
      intent: "compare",
      title: compareLabel(ctx, names),
      summary: contrast(ctx, profiles, names),
      items,
      comparison: { rows },
      sections,
      followUps,
    },
    ctx,
  );
}

/** One sentence on what sets them apart: delivery model, then air-gap capability. */
function contrast(ctx: Ctx, profiles: ProductProfile[], names: string[]): string {
  const p = phrases(ctx.lang);
  const deliveries = profiles.map((x) => x.delivery.map((d) => p.delivery[d]).join(" + "));
  const sameDelivery = new Set(deliveries).size === 1;
  const zh = ctx.lang === "zh";
  const parts: string[] = [];
  if (sameDelivery)
    parts.push(
      zh
        ? `${joinList("zh", names)}的交付方式相同：${deliveries[0]}。`
        : `${joinList("en", names)} are delivered the same way: ${deliveries[0]}.`,
    );
  else
    parts.push(
      names.map((n, i) => (zh ? `${n}：${deliveries[i]}` : `${n}: ${deliveries[i]}`)).join(zh ? "；" : "; ") +
        (zh ? "。" : "."),
    );
  const gaps = profiles.map((x) => {
    const v = x.value("air-gapped");
    return v ? LEVEL_LABELS[ctx.lang][v.level] : LEVEL_LABELS[ctx.lang].unknown;
  });
  if (new Set(gaps).size > 1)
    parts.push(
      names.map((n, i) => `${n} ${p.labels.airGapped}: ${gaps[i]}`).join(zh ? "；" : "; ") +
        (zh ? "。" : "."),
    );
  return parts.join(" ");
}

const RELATION = {
  en: {
    "based-on": "is based on",
    recommends: "recommends",
    "renamed-to": "was renamed to",
    successor: "is succeeded by",
    "same-line-as": "is in the same product line as",
  },
  zh: {
    "based-on": "基于",
    recommends: "推荐",
    "renamed-to": "更名为",
    successor: "的后继是",
    "same-line-as": "与之同一产品线：",
  },
} as const;

/** Relations among the compared products (or to their vendors): "ACM recommends OpenShift". */
function relationsBetween(ctx: Ctx, ids: string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const product = ctx.catalog.products.get(id);
    for (const r of product?.relations ?? []) {
      const target = ctx.catalog.products.get(r.target);
      const targetVendorOfOther = ids.some(
        (o) => o !== id && ctx.catalog.products.get(o)?.vendor === r.target,
      );
      if (!(target && ids.includes(r.target)) && !targetVendorOfOther) continue;
      const targetName = target
        ? ctx.l(target.name)
        : ctx.l(ctx.catalog.vendors.get(r.target)?.name ?? { en: r.target, zh: r.target });
      const note = r.note ? ` — ${ctx.l(r.note)}` : "";
      out.push(
        `${ctx.l(product?.name ?? { en: id, zh: id })} ${RELATION[ctx.lang][r.type]} ${targetName}${note}${ctx.ref(r.sources)}`,
      );
    }
  }
  return out;
}
