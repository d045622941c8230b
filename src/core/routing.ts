import type { Answer, FollowUp } from "./answer.js";
import type { Delivery } from "./catalog/schema.js";
import { clarifyAnswer, notCoveredAnswer } from "./compose/ask-back.js";
import { compareAnswer } from "./compose/compare.js";
import type { Ctx } from "./compose/context.js";
import { categoriesAnswer, categoryAnswer, filterAnswer, vendorAnswer } from "./compose/lists.js";
import { aboutAnswer, helpAnswer, notFoundAnswer } from "./compose/meta.js";
import { productAnswer } from "./compose/products.js";
import { distributionsAnswer, otherPlayersAnswer, topicAnswer } from "./compose/topics.js";
import { distributionIds, suggestionsFor } from "./engine.js";
import { categoriesByFacets, isAnywhereKind } from "./facets.js";
import { productLead } from "./leads.js";
import { vendorHas, type Wanted } from "./match.js";
import type { Query } from "./query.js";
import { vocabularyOf } from "./vocabulary/load.js";
import { message, type ScopeName } from "./vocabulary/vocabulary.js";

/** One routing rule: the first whose `when` holds answers. Order is precedence. */
export interface Rule {
  name: string;
  when(ctx: Ctx, q: Query): boolean;
  answer(ctx: Ctx, q: Query): Answer;
}

/** Named products that are clear (one id each), in order, without repeats. */
export const clearProducts = (q: Query): string[] => [
  ...new Set(q.mentions.filter((m) => m.length === 1).map((m) => m[0] as string)),
];

const hasFacets = (q: Query) => q.scopes.size > 0 || q.delivery.size > 0 || q.privateEdition;
const askedConstraints = (q: Query) => q.constraints.filter((c) => c.from === "asked");
const excludes = (q: Query) =>
  q.excludedProducts.length > 0 || q.excludedVendors.length > 0 || q.withoutPrivateEdition === true;

/** What a list asks of each product, from the query. */
export function wantedOf(ctx: Ctx, q: Query): Wanted {
  const privateCats = q.privateEdition
    ? categoriesByFacets(ctx.catalog, new Set(), new Set(), true).map((c) => c.id)
    : [];
  return {
    constraints: q.constraints,
    scopes: q.privateEdition ? new Set<ScopeName>() : q.scopes,
    delivery: q.privateEdition ? new Set<Delivery>() : q.delivery,
    // Asked for private editions in a catalog without that kind: nothing matches, not everything.
    categories: new Set(q.privateEdition && !privateCats.length ? ["-none-"] : privateCats),
    vendors: new Set(q.vendors),
    excludedProducts: new Set(q.excludedProducts),
    excludedVendors: new Set(q.excludedVendors),
    ...(q.withoutPrivateEdition
      ? {
          excludedCategories: new Set(
            categoriesByFacets(ctx.catalog, new Set(), new Set(), true).map((c) => c.id),
          ),
        }
      : {}),
  };
}

/** Notes that belong under any answer's lead: assumptions, names not covered, unsupported language. */
export function withNotices(ctx: Ctx, q: Query, answer: Answer): Answer {
  const v = vocabularyOf(ctx.catalog);
  const notices = [...(answer.notices ?? [])];
  if (q.unsupportedLang) notices.unshift(message(v, ctx.lang, `unsupported.${q.unsupportedLang}`));
  if (q.unknownNames.length && answer.intent !== "not-found")
    notices.push(message(v, ctx.lang, "notCovered.also", { names: q.unknownNames.join(", ") }));
  for (const c of q.constraints.filter((x) => x.from === "context" && x.context))
    if (answer.intent === "filter")
      notices.push(
        message(v, ctx.lang, `assumed.${c.context}`, { cue: contextWord(ctx, q, c.context as string) }),
      );
  const unique = [...new Set(notices)];
  return unique.length ? { ...answer, notices: unique } : answer;
}

function contextWord(ctx: Ctx, q: Query, id: string): string {
  const context = vocabularyOf(ctx.catalog).contexts.find((c) => c.id === id);
  return context?.folded.find((cue) => q.folded.includes(cue)) ?? id;
}

function closestFor(ctx: Ctx, q: Query): FollowUp[] {
  const v = vocabularyOf(ctx.catalog);
  const out: FollowUp[] = [];
  if (q.constraints.some((c) => c.attribute === "air-gapped" && c.want)) {
    const label = message(v, ctx.lang, "clarify.airGapped");
    out.push({ label, request: { type: "ask", q: label } });
  }
  out.push({
    label: message(v, ctx.lang, "clarify.kinds"),
    request: { type: "categories", lang: ctx.lang },
  });
  return out;
}

function listAnswer(ctx: Ctx, q: Query, extra: Partial<Wanted> = {}): Answer {
  // "Anywhere products except Tencent's": the topic's products are the list's scope.
  const topic = q.intents.has("anywhereTopic") && !hasFacets(q) ? anywhereIds(ctx) : undefined;
  const title = ctx.catalog.topics.get("anywhere")?.title;
  return filterAnswer(ctx, {
    wanted: { ...wantedOf(ctx, q), ...extra },
    ...(topic ? { onlyIds: topic, scopeNames: title ? [ctx.l(title)] : [] } : {}),
  });
}

/** Vendors that have products on both sides of "both … and", and those products. */
function bothAnswer(ctx: Ctx, q: Query): Answer {
  const groups = (q.both ?? []).map((g) =>
    categoriesByFacets(ctx.catalog, g.scopes, g.delivery, g.privateEdition).map((c) => c.id),
  );
  const vendorsIn = (cats: string[]) =>
    new Set(
      [...ctx.catalog.products.values()]
        .filter((p) => p.categories.some((c) => cats.includes(c)))
        .map((p) => p.vendor),
    );
  const sets = groups.map(vendorsIn);
  const vendors = [...(sets[0] ?? [])].filter((id) => sets.every((s) => s.has(id)));
  return filterAnswer(ctx, {
    wanted: {
      ...wantedOf(ctx, q),
      scopes: new Set(),
      delivery: new Set(),
      categories: new Set(groups.flat()),
      vendors: new Set(vendors.length ? vendors : ["-none-"]),
    },
  });
}

/** What the product recommends as its distribution ("which distribution to join ACK One?"). */
function recommendedDistribution(ctx: Ctx, id: string): string | undefined {
  return ctx.catalog.products
    .get(id)
    ?.relations.find((r) => r.type === "recommends" && ctx.catalog.products.has(r.target))?.target;
}

function productRoute(ctx: Ctx, q: Query): Answer {
  const first = q.mentions[0] ?? [];
  if (first.length > 1 && !q.mentions.some((m) => m.length === 1)) return productAnswer(ctx, first, true);
  const id = (clearProducts(q)[0] ?? first[0]) as string;
  const lead = productLead(ctx.catalog, ctx.lang, id, q);
  const answer = productAnswer(ctx, [id], false, {
    attributes: askedConstraints(q)
      .filter((c) => c.want)
      .map((c) => c.attribute) as never,
    prosCons: q.intents.has("prosCons"),
    ...(lead ? { lead } : {}),
  });
  return lead ? directFirst(answer, lead) : answer;
}

/**
 * A direct question's answer ("Yes — …", "You do — …") is the first line every platform shows:
 * it becomes the heading, and the product's own summary the lead under it.
 */
export function directFirst(answer: Answer, lead: string): Answer {
  const rest = answer.summary.startsWith(lead) ? answer.summary.slice(lead.length).trim() : answer.summary;
  return { ...answer, title: lead, summary: rest || lead };
}

/** "What is X based on?" / "Is X based on Y?": the product stands before "based on". */
const asksWhatItIsBasedOn = (q: Query) =>
  q.intents.has("basedOn") && q.basedOnSubject === "before" && q.products.length > 0;

const nameOfAny = (ctx: Ctx, id: string) =>
  ctx.l(ctx.catalog.products.get(id)?.name ?? ctx.catalog.vendors.get(id)?.name ?? { en: id, zh: id });

const anywhereIds = (ctx: Ctx) => ctx.catalog.topics.get("anywhere")?.products ?? [];

export const RULES: readonly Rule[] = [
  { name: "empty", when: (_c, q) => !q.folded, answer: (ctx) => helpAnswer(ctx) },
  {
    name: "not-covered",
    when: (_c, q) => q.unknownNames.length > 0 && !q.products.length && !q.vendors.length,
    answer: (ctx, q) => notCoveredAnswer(ctx, q.unknownNames, closestFor(ctx, q)),
  },
  {
    name: "help",
    when: (_c, q) =>
      q.intents.has("help") &&
      !q.products.length &&
      !q.vendors.length &&
      !q.constraints.length &&
      !hasFacets(q),
    answer: (ctx) => helpAnswer(ctx),
  },
  {
    name: "other-players",
    when: (_c, q) => q.intents.has("otherPlayers") && !q.products.length,
    answer: (ctx) => otherPlayersAnswer(ctx),
  },
  {
    name: "about",
    when: (_c, q) =>
      q.intents.has("about") &&
      !q.products.length &&
      !q.vendors.length &&
      !askedConstraints(q).length &&
      !hasFacets(q),
    answer: (ctx) => aboutAnswer(ctx),
  },
  {
    // "Private cloud versions of ACK, TKE and CCE": their vendors' private editions, not a comparison.
    name: "private-editions-of",
    when: (_c, q) => q.privateEdition && !q.yesNo && q.products.length > 0 && !q.intents.has("compare"),
    answer: (ctx, q) => {
      const vendors = new Set([
        ...q.vendors,
        ...q.products.map((id) => ctx.catalog.products.get(id)?.vendor).filter((v): v is string => !!v),
      ]);
      return filterAnswer(ctx, { wanted: { ...wantedOf(ctx, q), vendors } });
    },
  },
  {
    // Two or more named products: a choice, even with constraints or context ("…for a bank?").
    name: "compare-named",
    when: (_c, q) => clearProducts(q).length >= 2 && !asksWhatItIsBasedOn(q),
    answer: (ctx, q) => {
      const hints = q.contextHints ?? [];
      const asked = [
        ...q.constraints.filter((c) => c.want).map((c) => c.attribute),
        ...hints.map((h) => h.attribute),
      ];
      const notices = hints.map((h) => ctx.m(`assumed.compare.${h.context}`, { cue: h.cue }));
      return compareAnswer(ctx, clearProducts(q).slice(0, 4), asked, notices);
    },
  },
  {
    name: "compare-vendors",
    when: (ctx, q) =>
      q.intents.has("compare") &&
      q.vendors.length >= 2 &&
      vendorProducts(ctx, q).length >= 2 &&
      vendorProducts(ctx, q).length <= 4,
    answer: (ctx, q) => compareAnswer(ctx, vendorProducts(ctx, q)),
  },
  {
    name: "vendors-with-both",
    when: (_c, q) => q.both !== undefined && !q.products.length,
    answer: (ctx, q) => bothAnswer(ctx, q),
  },
  {
    name: "distribution-for-product",
    when: (ctx, q) =>
      q.intents.has("distributions") &&
      q.products.length === 1 &&
      !!recommendedDistribution(ctx, q.products[0] as string),
    answer: (ctx, q) => {
      const from = q.products[0] as string;
      const target = recommendedDistribution(ctx, from) as string;
      const v = vocabularyOf(ctx.catalog);
      const lead = message(v, ctx.lang, "lead.recommends", {
        distribution: ctx.l(ctx.catalog.products.get(target)?.name ?? { en: target, zh: target }),
        product: ctx.l(ctx.catalog.products.get(from)?.name ?? { en: from, zh: from }),
      });
      return directFirst(productAnswer(ctx, [target], false, { lead }), lead);
    },
  },
  {
    name: "distributions-filtered",
    when: (_c, q) => q.intents.has("distributions") && !q.products.length && q.constraints.length > 0,
    answer: (ctx, q) => filterAnswer(ctx, { wanted: wantedOf(ctx, q), onlyIds: distributionIds(ctx) }),
  },
  {
    name: "distributions",
    when: (_c, q) => q.intents.has("distributions") && !q.products.length,
    answer: (ctx, q) => {
      const asked = categoriesByFacets(ctx.catalog, q.scopes, q.delivery, q.privateEdition);
      const anywhere = [...ctx.catalog.categories.values()].filter(isAnywhereKind);
      return distributionsAnswer(ctx, asked.length ? asked : anywhere);
    },
  },
  {
    // "What is X based on?" is about X.
    name: "based-on-of-product",
    when: (_c, q) => asksWhatItIsBasedOn(q),
    answer: (ctx, q) => {
      const id = q.products[0] as string;
      const base = [...q.products.slice(1), ...q.vendors][0];
      const answer = productAnswer(ctx, [id], false, { basedOn: true });
      if (!base) return answer;
      // "Is QKE based on KubeSphere?": yes or no from the catalog's relations.
      const relation = ctx.catalog.products
        .get(id)
        ?.relations.find((r) => r.type === "based-on" && r.target === base);
      const names = { product: nameOfAny(ctx, id), base: nameOfAny(ctx, base) };
      // Only the 2022 article says so (TKE Enterprise on Alauda): say that, not a plain yes.
      const articleOnly =
        relation?.sources.every((s) => ctx.catalog.sources.get(s)?.kind === "article") ?? false;
      const key = !relation ? "lead.basedOn.no" : articleOnly ? "lead.basedOn.article" : "lead.basedOn.yes";
      return directFirst(answer, ctx.m(key, names));
    },
  },
  {
    // "What is based on X?" lists the products built on X.
    name: "built-on",
    when: (_c, q) =>
      q.intents.has("basedOn") &&
      q.basedOnSubject !== "before" &&
      (q.products.length > 0 || q.vendors.length > 0) &&
      !q.constraints.length,
    answer: (ctx, q) => {
      const targets = q.basedOnTargets ?? [...q.products, ...q.vendors];
      // Vendors named before the cue narrow the list ("which Tencent product is based on Alauda?").
      const scope = q.vendors.filter((v) => !targets.includes(v));
      return filterAnswer(ctx, {
        wanted: { ...wantedOf(ctx, q), vendors: new Set(scope), constraints: [] },
        basedOn: targets,
      });
    },
  },
  {
    name: "product",
    when: (_c, q) => q.mentions.length > 0 && !(q.constraints.length && q.products.length > 4),
    answer: productRoute,
  },
  {
    name: "anywhere-compare",
    when: (ctx, q) =>
      q.intents.has("anywhereTopic") &&
      q.intents.has("compare") &&
      !q.constraints.length &&
      anywhereIds(ctx).length >= 2,
    answer: (ctx) => compareAnswer(ctx, anywhereIds(ctx)),
  },
  {
    name: "anywhere-topic",
    when: (_c, q) => q.intents.has("anywhereTopic") && !q.constraints.length && !hasFacets(q) && !excludes(q),
    answer: (ctx) => topicAnswer(ctx, "anywhere") ?? categoriesAnswer(ctx),
  },
  {
    name: "categories",
    when: (_c, q) =>
      (q.intents.has("categories") || q.intents.has("prosCons")) &&
      !hasFacets(q) &&
      !q.constraints.length &&
      !q.vendors.length &&
      !excludes(q),
    answer: (ctx, q) => categoriesAnswer(ctx, q.intents.has("prosCons")),
  },
  {
    // "Is Alauda a Chinese company?": a vendor, a vendor-level attribute, a yes/no.
    name: "vendor-yes-no",
    when: (ctx, q) =>
      q.yesNo &&
      q.vendors.length === 1 &&
      !q.products.length &&
      q.constraints.length === 1 &&
      vocabularyOf(ctx.catalog).attributes.get(q.constraints[0]?.attribute ?? "")?.appliesTo === "vendor",
    answer: (ctx, q) => {
      const vendor = ctx.catalog.vendors.get(q.vendors[0] as string);
      const c = q.constraints[0] as Query["constraints"][number];
      if (vendor?.origin) ctx.cite.cite(vendor.origin.sources);
      const answer = vendorAnswer(ctx, q.vendors);
      if (!vendor) return answer;
      const level = vendorHas(ctx.catalog, vendor.id, c.attribute);
      const origin = vendor.origin;
      const has = c.want ? level === "yes" : level === "no";
      const key = !origin ? "lead.origin.unknown" : has ? "lead.origin.yes" : "lead.origin.no";
      return directFirst(
        answer,
        ctx.m(key, { vendor: ctx.l(vendor.name), hq: origin ? ctx.l(origin.headquarters) : "" }),
      );
    },
  },
  {
    name: "filter",
    when: (_c, q) =>
      q.constraints.length > 0 ||
      excludes(q) ||
      (q.vendors.length > 0 && hasFacets(q)) ||
      (q.intents.has("allProducts") && !q.vendors.length),
    answer: (ctx, q) => listAnswer(ctx, q),
  },
  {
    name: "category",
    when: (ctx, q) => categoriesByFacets(ctx.catalog, q.scopes, q.delivery, q.privateEdition).length > 0,
    answer: (ctx, q) =>
      categoryAnswer(
        ctx,
        categoriesByFacets(ctx.catalog, q.scopes, q.delivery, q.privateEdition),
        q.intents.has("prosCons"),
      ),
  },
  { name: "vendor", when: (_c, q) => q.vendors.length > 0, answer: (ctx, q) => vendorAnswer(ctx, q.vendors) },
  {
    name: "all-vendors",
    when: (_c, q) => q.intents.has("vendors"),
    answer: (ctx) =>
      vendorAnswer(
        ctx,
        [...ctx.catalog.vendors.values()].filter((v) => !v.otherPlayer).map((v) => v.id),
        true,
      ),
  },
  {
    // "Which one should we pick?" with nothing to go on: ask what matters instead of listing everything.
    name: "clarify",
    when: (_c, q) =>
      q.intents.has("recommend") ||
      q.intents.has("choice") ||
      q.intents.has("focusBilling") ||
      (q.intents.has("domain") && q.unknownNames.length === 0),
    answer: (ctx) => clarifyAnswer(ctx),
  },
  {
    name: "not-found",
    when: () => true,
    answer: (ctx, q) => notCoveredOrUnknown(ctx, q),
  },
];

function notCoveredOrUnknown(ctx: Ctx, q: Query): Answer {
  return notFoundAnswer(ctx, suggestionsFor(ctx, q.folded));
}

function vendorProducts(ctx: Ctx, q: Query): string[] {
  return q.vendors.flatMap((v) => [...(ctx.catalog.productsByVendor.get(v) ?? [])]);
}
