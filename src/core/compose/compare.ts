import type { Answer, Comparison, FollowUp } from "../answer.js";
import { type ProductProfile, profileOf } from "../profile.js";
import { factsInOrder, productView } from "../views.js";
import { vocabularyOf } from "../vocabulary/load.js";
import { type Ctx, finish, joinList } from "./context.js";
import { compareLabel } from "./products.js";

/** Two to four products side by side on the same rows. */
/**
 * Products side by side. `asked` are attribute ids the question is about ("better for
 * multi-cluster"): their rows come first and the lead gives their values.
 */
export function compareAnswer(ctx: Ctx, ids: string[], asked: string[] = [], notices: string[] = []): Answer {
  const chosen = ids.slice(0, 4);
  const profiles = chosen.map((id) => profileOf(ctx.catalog, id) as ProductProfile);
  const items = chosen.map((id) => productView(ctx.catalog, id, ctx.lang, ctx.cite, 0));
  const L = ctx.phrases.labels;
  const row = (label: string, f: (x: ProductProfile, i: number) => string) => ({
    label,
    values: profiles.map(f),
  });
  // Attribute rows show each product's own evidence level ("Yes", "Partly", "No", "Unconfirmed"),
  // with the reason one click away in the product's card.
  const level = (x: ProductProfile, attr: string) => {
    const v = x.value(attr);
    return ctx.level(v ? v.level : "unknown");
  };
  const registry = vocabularyOf(ctx.catalog).attributes;
  const askedRows = [...new Set(asked)]
    .filter((a) => registry.get(a)?.appliesTo !== "vendor" && registry.has(a))
    .map((a) => row(ctx.l(registry.get(a)?.name ?? { en: a, zh: a }), (x) => level(x, a)));
  const shownFirst = new Set(askedRows.map((r) => r.label));
  const rows: Comparison["rows"] = [
    ...askedRows,
    row(L.vendor, (x) => ctx.l(x.vendor.name)),
    row(L.categories, (x) => x.categories.map((c) => ctx.l(c.name)).join(" / ") || L.none),
    row(L.delivery, (_x, i) => (items[i] as { deliveryLabel: string }).deliveryLabel),
    row(L.compute, (x) => level(x, "vendor-compute")),
    row(L.billing, (x) => x.billing.map((b) => ctx.m(`billing.${b}`)).join(" / ") || L.none),
    row(L.airGapped, (x) => level(x, "air-gapped")),
    row(L.outOfTheBox, (x) => level(x, "out-of-the-box")),
    row(L.multiCluster, (x) => level(x, "multi-cluster")),
    row(L.traits, (x) => [...x.traits].map((t) => ctx.mOr(`trait.${t}`, t)).join(", ") || L.none),
    row(L.notes, (x) => {
      const f = factsInOrder(x.product.facts)[0];
      return f ? `${ctx.l(f.text)}${ctx.ref(f.sources)}` : L.none;
    }),
  ];
  const names = items.map((i) => i.name);
  // The asked attributes lead; the standard rows do not repeat them.
  const body = rows.filter((r, i) => i < askedRows.length || !shownFirst.has(r.label));
  const askedLead = askedRows.map((r) =>
    ctx.m("compare.asked", {
      attribute: r.label,
      values: r.values.map((value, i) => `${names[i]} ${value}`).join(ctx.lang === "zh" ? "，" : ", "),
    }),
  );
  // Each product's details are a button on the product itself; follow-ups widen the view instead.
  const followUps: FollowUp[] = [];
  const categories = [...new Map(profiles.flatMap((p) => p.categories).map((c) => [c.id, c])).values()];
  for (const c of categories.slice(0, 2)) followUps.push(ctx.moreInCategory(c));
  const vendor = profiles[0]?.vendor;
  if (vendor && profiles.every((p) => p.vendor.id === vendor.id)) followUps.push(ctx.moreFromVendor(vendor));
  const relations = relationsBetween(ctx, chosen);
  const sections = relations.length ? [{ title: ctx.m("compare.relations"), bullets: relations }] : [];
  return finish(
    {
      intent: "compare",
      title: compareLabel(ctx, names),
      summary: [...askedLead, contrast(ctx, profiles, names)].join(" "),
      ...(notices.length ? { notices } : {}),
      items,
      comparison: { rows: body },
      sections,
      followUps,
    },
    ctx,
  );
}

/** One sentence on what sets them apart: delivery model, then air-gap capability. */
function contrast(ctx: Ctx, profiles: ProductProfile[], names: string[]): string {
  const p = ctx.phrases;
  const deliveries = profiles.map((x) => x.delivery.map((d) => p.delivery[d]).join(" + "));
  const sentence = (parts: string[]) =>
    ctx.m("compare.parts", { parts: parts.join(ctx.m("compare.parts.join")) });
  const out: string[] = [];
  if (new Set(deliveries).size === 1)
    out.push(
      ctx.m("compare.sameDelivery", { names: joinList(ctx.lang, names), delivery: deliveries[0] ?? "" }),
    );
  else
    out.push(sentence(names.map((name, i) => ctx.m("compare.part", { name, value: deliveries[i] ?? "" }))));
  const gaps = profiles.map((x) => ctx.level(x.value("air-gapped")?.level ?? "unknown"));
  if (new Set(gaps).size > 1)
    out.push(
      sentence(
        names.map((name, i) =>
          ctx.m("compare.gap", { name, label: p.labels.airGapped, value: gaps[i] ?? "" }),
        ),
      ),
    );
  return out.join(" ");
}

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
        `${ctx.l(product?.name ?? { en: id, zh: id })} ${ctx.m(`relation.verb.${r.type}`)} ${targetName}${note}${ctx.ref(r.sources)}`,
      );
    }
  }
  return out;
}
