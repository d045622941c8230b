import type { Answer, FollowUp, Section } from "../answer.js";
import { unconfirmedClaim } from "../facts.js";
import { type ProductProfile, productProfiles, profileOf } from "../profile.js";
import { productView } from "../views.js";
import { type Ctx, finish, joinList } from "./context.js";

function entityName(ctx: Ctx, id: string): string {
  const p = ctx.catalog.products.get(id);
  if (p) return ctx.l(p.name);
  const v = ctx.catalog.vendors.get(id);
  return v ? ctx.l(v.name) : id;
}

/** What the question asked about the product, to answer first. */
export interface ProductFocus {
  /** Attribute ids from the registry (knowledge/attributes.yaml). */
  attributes?: string[];
  /** "What is it based on?" */
  basedOn?: boolean;
  /** "Pros and cons of X": its categories' pros and cons. */
  prosCons?: boolean;
  /** A first line composed from the question ("Yes — …", who provides the servers), before the card. */
  lead?: string;
}

/** One product in depth, or the products an ambiguous name could mean. */
export function productAnswer(ctx: Ctx, ids: string[], ambiguous: boolean, focus: ProductFocus = {}): Answer {
  const asked = focus.attributes ?? [];
  if (ambiguous) return ambiguousAnswer(ctx, ids);
  const id = ids[0] as string;
  const profile = profileOf(ctx.catalog, id) as ProductProfile;
  const { product, vendor } = profile;
  const p = ctx.phrases;
  const item = productView(ctx.catalog, id, ctx.lang, ctx.cite, 0);
  const article: string[] = [];
  const later: string[] = [];
  for (const f of product.facts)
    (f.kind === "later" ? later : article).push(`${ctx.l(f.text)}${ctx.ref(f.sources)}`);
  const sections: Section[] = [];
  if (article.length) sections.push({ title: p.sectionArticle, bullets: article });
  if (later.length) sections.push({ title: p.sectionLater, bullets: later });
  const related = relationBullets(ctx, id);
  if (related.length) sections.push({ title: ctx.m("product.related"), bullets: related });
  // The vendor's own story (acquisitions, renames) is often what a product question is really about.
  const vendorFacts = vendor.facts.map((f) => `${ctx.l(f.text)}${ctx.ref(f.sources)}`);
  if (vendorFacts.length)
    sections.push({
      title: ctx.m("product.aboutVendor", { vendor: ctx.l(vendor.name) }),
      bullets: vendorFacts,
    });
  const check = asked.map((a) => attributeVerdict(ctx, profile, a)).filter((s) => s !== "");
  if (focus.prosCons) sections.unshift(...prosConsSections(ctx, profile));
  if (focus.basedOn) {
    for (const r of product.relations.filter((x) => x.type === "based-on")) {
      const target = entityName(ctx, r.target);
      check.push(ctx.m("product.basedOn", { product: ctx.l(product.name), target }));
    }
  }
  const summary = [...(focus.lead ? [focus.lead] : check), ctx.l(product.summary)].join(" ");
  const followUps: FollowUp[] = [];
  const sibling = siblingOf(ctx, profile);
  if (sibling)
    followUps.push({
      label: compareLabel(ctx, [item.name, entityName(ctx, sibling)]),
      request: { type: "compare", ids: [id, sibling], lang: ctx.lang },
    });
  const others = ctx.catalog.productsByVendor.get(vendor.id) ?? [];
  if (others.length > 1) followUps.push(ctx.moreFromVendor(vendor));
  const category = profile.categories[0];
  if (category) followUps.push(ctx.moreInCategory(category));
  return finish(
    {
      intent: "product",
      ambiguous: false,
      title: `${item.name} — ${item.vendor}`,
      summary,
      items: [item],
      sections,
      followUps: followUps.slice(0, 3),
    },
    ctx,
  );
}

function ambiguousAnswer(ctx: Ctx, ids: string[]): Answer {
  const items = ids.map((id) => productView(ctx.catalog, id, ctx.lang, ctx.cite, 1));
  const names = items.map((i) => `${i.name} (${i.vendor})`);
  return finish(
    {
      intent: "product",
      ambiguous: true,
      title: ctx.m("product.ambiguous.title", { count: items.length }),
      summary: ctx.m("product.ambiguous.summary", { names: joinList(ctx.lang, names) }),
      items,
      sections: [],
      followUps: [
        ...items
          .slice(0, 2)
          .map((i) => ({ label: i.name, request: { type: "product" as const, id: i.id, lang: ctx.lang } })),
        ...(items.length >= 2
          ? [
              {
                label: compareLabel(
                  ctx,
                  items.slice(0, 2).map((i) => i.name),
                ),
                request: {
                  type: "compare" as const,
                  ids: items.slice(0, 4).map((i) => i.id),
                  lang: ctx.lang,
                },
              },
            ]
          : []),
      ],
    },
    ctx,
  );
}

export const compareLabel = (ctx: Ctx, names: string[]): string =>
  ctx.m("compare.label", { names: names.join(ctx.m("compare.label.join")) });

function relationBullets(ctx: Ctx, id: string): string[] {
  const out: string[] = [];
  const product = ctx.catalog.products.get(id);
  for (const r of product?.relations ?? []) {
    const note = r.note ? ` — ${ctx.l(r.note)}` : "";
    out.push(
      `${ctx.m(`relation.label.${r.type}`)}: ${entityName(ctx, r.target)}${note}${ctx.ref(r.sources)}`,
    );
  }
  for (const other of ctx.catalog.products.values()) {
    for (const r of other.relations) {
      if (r.target !== id || r.type !== "recommends") continue;
      const by = ctx.m("relation.recommendedBy", { name: ctx.l(other.name) });
      out.push(`${by}${ctx.ref(r.sources)}`);
    }
  }
  return out;
}

/** The closest other product to compare with: same category, then same vendor. */
function siblingOf(ctx: Ctx, profile: ProductProfile): string | undefined {
  const all = [...productProfiles(ctx.catalog).values()].filter((p) => p.product.id !== profile.product.id);
  const cats = new Set(profile.categories.map((c) => c.id));
  const sameCategory = all.find(
    (p) => p.vendor.id !== profile.vendor.id && p.categories.some((c) => cats.has(c.id)),
  );
  return (sameCategory ?? all.find((p) => p.vendor.id === profile.vendor.id))?.product.id;
}

/**
 * A direct answer first, when the question asks about one attribute of one product. Its first word
 * is the evidence level, so the line never says "Yes" where the catalog only has the article's
 * unconfirmed claim, and the reason follows from the same value.
 */
function attributeVerdict(ctx: Ctx, profile: ProductProfile, attr: string): string {
  const product = ctx.l(profile.product.name);
  // What a product does or does not do, as a sentence predicate: `predicate.<attribute>.yes|no`.
  const predicate = (polarity: "yes" | "no") => {
    const key = `predicate.${attr}.${polarity}`;
    return ctx.has(key) ? ctx.m(key) : ctx.m(`predicate.other.${polarity}`, { attribute: attr });
  };
  const v = profile.value(attr);
  if (!v) return ctx.m("verdict.unknownLine", { product, predicate: predicate("yes") });
  const reason = v.reason ? ` ${ctx.l(v.reason)}` : "";
  const cite = ctx.ref(v.sources);
  if (v.level === "unconfirmed") {
    const claim = unconfirmedClaim(ctx.catalog, ctx.lang, v.asOf);
    return `${ctx.m("verdict.unconfirmedLine", { claim, product, predicate: predicate("yes") })}${reason}${cite}`;
  }
  // An attribute may have its own shape of line ("Can X run fully air-gapped? Yes.").
  const line = ctx.m(ctx.has(`verdict.line.${attr}`) ? `verdict.line.${attr}` : "verdict.line", {
    label: ctx.level(v.level),
    product,
    partly: v.level === "partial" ? ctx.m("verdict.partly") : "",
    predicate: predicate(v.level === "no" ? "no" : "yes"),
  });
  return `${line}${reason}${cite}`;
}

/**
 * The article judges kinds of offering, not single products: a product's pros and cons are its
 * categories'. Categories with the same lists (the article's two software categories) share one.
 */
function prosConsSections(ctx: Ctx, profile: ProductProfile): Section[] {
  const p = ctx.phrases;
  const groups = new Map<string, { names: string[]; pros: string[]; cons: string[] }>();
  for (const c of profile.categories) {
    ctx.cite.cite(c.sources);
    const pros = c.pros.map((x) => ctx.l(x));
    const cons = c.cons.map((x) => ctx.l(x));
    if (!pros.length && !cons.length) continue;
    const key = JSON.stringify([pros, cons]);
    const group = groups.get(key) ?? { names: [], pros, cons };
    group.names.push(ctx.l(c.name));
    groups.set(key, group);
  }
  return [...groups.values()].flatMap(({ names, pros, cons }) => {
    const on = ctx.m("product.asCategory", { names: names.join(ctx.m("product.asCategory.join")) });
    return [
      ...(pros.length ? [{ title: `${p.pros}${on}`, bullets: pros }] : []),
      ...(cons.length ? [{ title: `${p.cons}${on}`, bullets: cons }] : []),
    ];
  });
}
