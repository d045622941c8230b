import type { Answer, FollowUp, Section } from "../answer.js";
import type { Category } from "../catalog/schema.js";
import { categoriesByFacets } from "../facets.js";
import { type Match, matchProduct, type Wanted } from "../match.js";
import { type ProductProfile, productProfiles } from "../profile.js";
import { productView } from "../views.js";
import { vocabularyOf } from "../vocabulary/load.js";
import { message } from "../vocabulary/vocabulary.js";
import { type Ctx, finish, joinList } from "./context.js";

/** A list answer shows at most this many products (best first); the summary still counts them all. */
export const MAX_LIST_ITEMS = 100;

const views = (ctx: Ctx, ids: string[]) =>
  ids.slice(0, MAX_LIST_ITEMS).map((id) => productView(ctx.catalog, id, ctx.lang, ctx.cite, 1));

const totalOf = (ids: readonly string[]) => (ids.length > MAX_LIST_ITEMS ? { totalItems: ids.length } : {});

const categoryFollowUps = (ctx: Ctx, cats: Category[]): FollowUp[] =>
  cats.map((c) => ({ label: ctx.l(c.name), request: { type: "category", id: c.id, lang: ctx.lang } }));

/** A vendor's products; a vendor the article names without products gets its own facts instead. */
export function vendorAnswer(ctx: Ctx, vendorIds: string[], overview = false): Answer {
  const vendors = vendorIds.map((id) => ctx.catalog.vendors.get(id)).filter((v) => v !== undefined);
  const ids = vendors.flatMap((v) => [...(ctx.catalog.productsByVendor.get(v.id) ?? [])]);
  const items = views(ctx, ids);
  const names = vendors.map((v) => ctx.l(v.name));
  const sections: Section[] = [];
  // An overview of every vendor lists products; each vendor's own facts are one click away.
  for (const v of overview ? [] : vendors) {
    const bullets = v.facts.map((f) => `${ctx.l(f.text)}${ctx.ref(f.sources)}`);
    for (const other of ctx.catalog.products.values()) {
      for (const r of other.relations) {
        if (r.target === v.id && r.type === "based-on")
          bullets.push(
            `${ctx.m("vendor.basedOn", { product: ctx.l(other.name), vendor: ctx.l(v.name) })}${ctx.ref(r.sources)}`,
          );
      }
    }
    ctx.cite.cite(v.sources);
    if (bullets.length) sections.push({ title: ctx.l(v.name), bullets });
  }
  if (overview) {
    const others = [...ctx.catalog.vendors.values()].filter((v) => v.otherPlayer);
    for (const v of others) ctx.cite.cite(v.sources);
    sections.push({
      title: ctx.m("vendor.otherPlayers"),
      bullets: others.map((v) => ctx.l(v.name)),
    });
  }
  const otherOnly = vendors.every((v) => v.otherPlayer);
  // A few products are named in the summary; a long list is only counted there.
  const named = items.length <= 8 ? items.map((i) => i.name) : [];
  const who = overview ? ctx.m("vendor.theVendors", { count: vendors.length }) : joinList(ctx.lang, names);
  const plural = overview || names.length > 1;
  const summary = items.length
    ? ctx.m(
        ids.length === 1
          ? "vendor.summary.one"
          : plural
            ? "vendor.summary.many.plural"
            : "vendor.summary.many",
        { who, count: ids.length },
      ) +
      (named.length
        ? ctx.m("vendor.summary.named", { names: named.join(ctx.lang === "zh" ? "、" : ", ") })
        : ctx.m("list.end"))
    : otherOnly
      ? ctx.m("vendor.otherOnly", { names: joinList(ctx.lang, names) })
      : ctx.m("vendor.none");
  const cats = [...new Map(items.flatMap((i) => i.categories).map((c) => [c.id, c])).values()];
  const followUps: FollowUp[] = [];
  if (items.length >= 2)
    followUps.push({
      label: ctx.m("followUp.compareTwo", { a: items[0]?.name ?? "", b: items[1]?.name ?? "" }),
      request: { type: "compare", ids: ids.slice(0, 2), lang: ctx.lang },
    });
  for (const c of cats.slice(0, 2))
    followUps.push({ label: c.name, request: { type: "category", id: c.id, lang: ctx.lang } });
  if (!followUps.length) followUps.push(ctx.ask("followUp.otherPlayers"));
  return finish(
    {
      intent: "vendor",
      vendorIds: vendors.map((v) => v.id),
      ...totalOf(ids),
      title: overview
        ? ctx.m("vendor.title.all", { count: vendors.length })
        : ctx.m(names.length === 1 ? "vendor.title.one" : "vendor.title.many", {
            names: joinList(ctx.lang, names),
          }),
      summary,
      items,
      sections,
      followUps,
    },
    ctx,
  );
}

export interface FilterSpec {
  wanted: Wanted;
  /** Products a relation names ("based on Alauda"). */
  basedOn?: string[];
  /** Restricts the candidates (e.g. to the distributions), when set. */
  onlyIds?: string[];
  /** Lines under the lead: assumptions made, names not covered. */
  notices?: string[];
  /** Names for a scope the facets do not say ("the Anywhere products"). */
  scopeNames?: string[];
}

const LEVEL_ORDER = { yes: 0, partial: 1, unconfirmed: 2, no: 3 } as const;

/** The conditions of a list in words: plural for lists ("can run fully air-gapped"), singular for one. */
function conditionWords(
  ctx: Ctx,
  spec: FilterSpec,
): { conditions: string[]; singular: string[]; scope: string[] } {
  const v = vocabularyOf(ctx.catalog);
  const conditions: string[] = [];
  const singular: string[] = [];
  for (const c of spec.wanted.constraints) {
    const a = v.attributes.get(c.attribute);
    if (!a) continue;
    const without = message(v, ctx.lang, "want.not", { name: ctx.l(a.name) });
    conditions.push(c.want ? ctx.l(a.title) : without);
    singular.push(c.want ? ctx.l(a.claim) : without);
  }
  if (spec.basedOn?.length) {
    const names = spec.basedOn.map((id) => nameOf(ctx, id)).join(ctx.lang === "zh" ? "、" : " or ");
    conditions.push(message(v, ctx.lang, "list.basedOn", { names }));
    singular.push(message(v, ctx.lang, "list.basedOn.one", { names }));
  }
  const { scopes, delivery } = spec.wanted;
  // Facets name the article's categories they select ("container platform software").
  const byFacets = scopes.size ? categoriesByFacets(ctx.catalog, scopes, delivery, false) : [];
  const cats = [
    ...[...spec.wanted.categories].map((id) => ctx.catalog.categories.get(id)).filter((c) => c !== undefined),
    ...byFacets,
  ];
  const scope = [
    ...[...spec.wanted.vendors].map((id) => nameOf(ctx, id)),
    ...cats.map((c) => ctx.l(c.name)),
    ...(scopes.size ? [] : [...delivery].map((d) => ctx.phrases.delivery[d])),
    ...(spec.scopeNames ?? []),
  ];
  return { conditions, singular, scope };
}

const nameOf = (ctx: Ctx, id: string): string =>
  ctx.l(ctx.catalog.products.get(id)?.name ?? ctx.catalog.vendors.get(id)?.name ?? { en: id, zh: id });

/** Products meeting every condition, best matches first, each with how well it matches. */
export function filterAnswer(ctx: Ctx, spec: FilterSpec): Answer {
  const zh = ctx.lang === "zh";
  const v = vocabularyOf(ctx.catalog);
  const basedOn = spec.basedOn ? new Set(spec.basedOn) : undefined;
  const scored: { p: ProductProfile; m: Match }[] = [];
  for (const p of productProfiles(ctx.catalog).values()) {
    if (spec.onlyIds && !spec.onlyIds.includes(p.product.id)) continue;
    if (basedOn && !p.product.relations.some((r) => r.type === "based-on" && basedOn.has(r.target))) continue;
    const m = matchProduct(ctx.catalog, p, spec.wanted);
    if (m) scored.push({ p, m });
  }
  const primary = scored.filter((x) => x.m.fromArticle);
  const matches = primary.length ? primary : scored;
  const alsoLater = primary.length ? scored.filter((x) => !x.m.fromArticle) : [];
  const order = (x: { p: ProductProfile; m: Match }) => x.m.edition?.order ?? x.p.categories[0]?.order ?? 99;
  matches.sort((a, b) => LEVEL_ORDER[a.m.level] - LEVEL_ORDER[b.m.level] || order(a) - order(b));
  const ids = matches.map((x) => x.p.product.id);
  const items = views(ctx, ids).map((item, i) => {
    const x = matches[i] as { p: ProductProfile; m: Match };
    const sources = matchSources(ctx, x.p, x.m, spec);
    ctx.cite.cite(sources);
    item.match = { level: x.m.level, reason: reasonFor(ctx, x.p, x.m, spec), sources };
    return item;
  });
  const { conditions, singular, scope } = conditionWords(ctx, spec);
  const excluded = [
    ...[...spec.wanted.excludedProducts, ...spec.wanted.excludedVendors].map((id) => nameOf(ctx, id)),
    ...[...(spec.wanted.excludedCategories ?? [])].map((id) =>
      ctx.l(ctx.catalog.categories.get(id)?.name ?? { en: id, zh: id }),
    ),
  ];
  const and = (xs: string[]) => (zh ? xs.join(ctx.m("list.and")) : joinList("en", xs));
  const scopeText = scope.join(zh ? "、" : ", ");
  const excludedText = joinList(ctx.lang, excluded);
  const condText = [
    conditions.length ? (zh ? and(conditions) : `that ${and(conditions)}`) : "",
    scope.length ? message(v, ctx.lang, "list.scope", { scope: scopeText }) : "",
    excluded.length ? message(v, ctx.lang, "list.excluding", { names: excludedText }) : "",
  ]
    .filter(Boolean)
    .join(zh ? "" : " ")
    // A title that starts with what it excludes reads without the joining comma.
    .replace(/^[，,]\s*/u, "");
  const title = !condText
    ? message(v, ctx.lang, "list.title.all")
    : message(v, ctx.lang, "list.title", { conditions: condText });
  const sections: Section[] = [];
  if (spec.wanted.constraints.some((c) => c.attribute === "air-gapped" && c.want))
    sections.push(
      airGapSection(
        ctx,
        matches.map((x) => x.p),
      ),
    );
  if (alsoLater.length)
    sections.push(
      laterSection(
        ctx,
        alsoLater.map((x) => x.p),
        spec.wanted,
      ),
    );
  const counts = (["yes", "partial", "unconfirmed"] as const)
    .map((level) => ({ level, count: matches.filter((x) => x.m.level === level).length }))
    .filter((g) => g.count > 0);
  const verbs = ids.length === 1 ? singular : conditions;
  const lead = items.length
    ? message(v, ctx.lang, "list.lead", {
        subject: message(v, ctx.lang, ids.length === 1 ? "list.subject.one" : "list.subject.many", {
          count: ids.length,
        }),
        scope: scope.length ? message(v, ctx.lang, "list.lead.scope", { scope: scopeText }) : "",
        verbs: verbs.length ? message(v, ctx.lang, "list.lead.verbs", { verbs: and(verbs) }) : "",
        excluding: excluded.length
          ? message(v, ctx.lang, "list.lead.excluding", { names: excludedText })
          : "",
      })
    : noFactsAt(ctx, spec)
      ? message(v, ctx.lang, "list.noFacts", { conditions: and(conditions) })
      : message(v, ctx.lang, "list.none", { conditions: condText });
  const graded = counts.length > 1 || (counts[0] !== undefined && counts[0].level !== "yes");
  const groups = graded
    ? message(v, ctx.lang, "list.groups", {
        groups: counts
          .map((g) =>
            message(v, ctx.lang, "list.group", {
              count: g.count,
              level: message(v, ctx.lang, `level.${g.level}`),
            }),
          )
          .join(zh ? "，" : ", "),
      })
    : message(v, ctx.lang, "list.end");
  const summary = items.length ? `${lead}${groups}` : lead;
  const cats = [...new Map(matches.flatMap((x) => x.p.categories).map((c) => [c.id, c])).values()].slice(
    0,
    2,
  );
  const followUps: FollowUp[] = [...categoryFollowUps(ctx, cats)];
  if (items.length >= 2)
    followUps.push({
      label: ctx.m("followUp.compareTwo", { a: items[0]?.name ?? "", b: items[1]?.name ?? "" }),
      request: { type: "compare", ids: [items[0]?.id as string, items[1]?.id as string], lang: ctx.lang },
    });
  return finish(
    {
      intent: "filter",
      ...totalOf(ids),
      filters: [
        ...spec.wanted.constraints.map((c) => (c.want ? c.attribute : `not:${c.attribute}`)),
        ...[...spec.wanted.categories].map((c) => `category:${c}`),
        ...[...spec.wanted.scopes].map((c) => `scope:${c}`),
        ...[...spec.wanted.delivery].map((c) => `delivery:${c}`),
        ...[...spec.wanted.vendors].map((x) => `vendor:${x}`),
        ...[...spec.wanted.excludedVendors, ...spec.wanted.excludedProducts].map((x) => `except:${x}`),
        ...(spec.basedOn ?? []).map((b) => `based-on:${b}`),
      ],
      title,
      summary,
      ...(spec.notices?.length ? { notices: spec.notices } : {}),
      items,
      sections,
      followUps: followUps.slice(0, 3),
    },
    ctx,
  );
}

/** True when a wanted product attribute has no sourced value on any product: say so, not "none match". */
function noFactsAt(ctx: Ctx, spec: FilterSpec): boolean {
  const v = vocabularyOf(ctx.catalog);
  return spec.wanted.constraints.some((c) => {
    const a = v.attributes.get(c.attribute);
    if (!c.want || a?.appliesTo !== "product") return false;
    const none = {
      ...spec.wanted,
      constraints: [c],
      scopes: new Set(),
      delivery: new Set(),
      categories: new Set(),
      vendors: new Set(),
      excludedProducts: new Set(),
      excludedVendors: new Set(),
    } as Wanted;
    return ![...productProfiles(ctx.catalog).values()].some((p) => matchProduct(ctx.catalog, p, none));
  });
}

/** The sources behind a list line: each asked attribute's own evidence, the vendor's origin, else its kind. */
function matchSources(ctx: Ctx, p: ProductProfile, m: Match, spec: FilterSpec): string[] {
  const v = vocabularyOf(ctx.catalog);
  const ids: string[] = [];
  for (const c of spec.wanted.constraints) {
    if (v.attributes.get(c.attribute)?.appliesTo === "vendor") ids.push(...(p.vendor.origin?.sources ?? []));
    else ids.push(...(p.value(c.attribute)?.sources ?? []));
  }
  if (!ids.length) ids.push(...((m.edition ?? p.categories[0])?.sources ?? []));
  // One source a line keeps an overview readable; the product's details carry all of them.
  return [...new Set(ids)].filter((id) => ctx.catalog.sources.has(id)).slice(0, 1);
}

/** One line on why a product is in a list: its origin for origin questions, else its edition. */
function reasonFor(ctx: Ctx, p: ProductProfile, m: Match, spec: FilterSpec): string {
  const v = vocabularyOf(ctx.catalog);
  const origin = spec.wanted.constraints.some((c) => v.attributes.get(c.attribute)?.appliesTo === "vendor");
  if (origin) {
    const o = p.vendor.origin;
    return o
      ? message(v, ctx.lang, "match.reason.origin", {
          vendor: ctx.l(p.vendor.name),
          country: ctx.l(o.headquarters),
        })
      : message(v, ctx.lang, "match.reason.unknownOrigin", { vendor: ctx.l(p.vendor.name) });
  }
  const edition = m.edition ?? p.categories[0];
  return edition ? ctx.l(edition.name) : ctx.l(p.vendor.name);
}

/** Products only later sources (not the article) put in the list: named apart, with why. */
/** Sections stay readable: a long tail of products is counted, not listed. */
const MAX_SECTION_BULLETS = 12;

function laterSection(ctx: Ctx, later: ProductProfile[], wanted: Wanted): Section {
  const attributes = wanted.constraints.filter((c) => c.want).map((c) => c.attribute);
  const bullets = later.slice(0, MAX_SECTION_BULLETS).map((p) => {
    const traitNotes = attributes.flatMap((a) => p.product.traits.filter((t) => t.trait === a));
    const note = traitNotes[0]?.note ?? (attributes.includes("air-gapped") ? p.airGapped.reason : undefined);
    const sources = [
      ...traitNotes.flatMap((t) => t.sources),
      ...(attributes.includes("air-gapped") ? p.airGapped.sources : []),
    ];
    return `${ctx.l(p.product.name)}${note ? ` — ${ctx.l(note)}` : ""}${ctx.ref(sources)}`;
  });
  const more = later.length - bullets.length;
  if (more > 0) bullets.push(ctx.m("list.andMore", { count: more }));
  return {
    title: ctx.m("list.laterSources"),
    bullets,
  };
}

function airGapSection(ctx: Ctx, matches: ProductProfile[]): Section {
  const bullets: string[] = [];
  for (const c of ctx.catalog.categories.values())
    bullets.push(
      `${ctx.l(c.name)}: ${ctx.phrases.airGapped[c.airGapped.status]} — ${ctx.l(c.airGapped.reason)}${ctx.ref(c.sources)}`,
    );
  for (const p of matches.filter((m) => m.airGapped.status === "partial").slice(0, MAX_SECTION_BULLETS))
    bullets.push(
      `${ctx.l(p.product.name)}: ${ctx.phrases.airGapped.partial}${p.airGapped.reason ? ` — ${ctx.l(p.airGapped.reason)}` : ""}${ctx.ref(p.airGapped.sources)}`,
    );
  return { title: ctx.m("list.why"), bullets };
}

export function membersOf(ctx: Ctx, categories: Category[]): string[] {
  const ids = new Set(categories.map((c) => c.id));
  return [...productProfiles(ctx.catalog).values()]
    .filter((p) => p.categories.some((c) => ids.has(c.id)))
    .sort(
      (a, b) =>
        (a.categories.find((c) => ids.has(c.id))?.order ?? 0) -
        (b.categories.find((c) => ids.has(c.id))?.order ?? 0),
    )
    .map((p) => p.product.id);
}

/** One or more of the article's categories: definition, members, pros and cons. */
export function categoryAnswer(ctx: Ctx, categories: Category[], prosConsFirst = false): Answer {
  const p = ctx.phrases;
  const ids = membersOf(ctx, categories);
  const items = views(ctx, ids);
  const several = categories.length > 1;
  const sections: Section[] = [];
  for (const c of categories) {
    ctx.cite.cite(c.sources);
    const suffix = several ? ` — ${ctx.l(c.name)}` : "";
    if (c.pros.length) sections.push({ title: `${p.pros}${suffix}`, bullets: c.pros.map((x) => ctx.l(x)) });
    if (c.cons.length) sections.push({ title: `${p.cons}${suffix}`, bullets: c.cons.map((x) => ctx.l(x)) });
    if (c.caveats.length)
      sections.push({ title: `${p.caveats}${suffix}`, bullets: c.caveats.map((x) => ctx.l(x)) });
    if (several)
      sections.unshift({
        title: ctx.l(c.name),
        bullets: [ctx.l(c.definition), `${p.labels.billing}: ${ctx.l(c.billingNote)}`],
      });
  }
  if (!prosConsFirst && !several && categories[0]) {
    const c = categories[0];
    sections.unshift({
      title: ctx.m("category.keyFacts"),
      bullets: [
        `${p.labels.billing}: ${ctx.l(c.billingNote)}`,
        `${p.labels.airGapped}: ${p.airGapped[c.airGapped.status]} — ${ctx.l(c.airGapped.reason)}`,
        `${p.labels.outOfTheBox}: ${c.outOfTheBox ? p.labels.yes : p.labels.no}`,
      ],
    });
  }
  const first = categories[0];
  const summary = several
    ? ctx.m("category.several", {
        count: categories.length,
        names: categories.map((c) => ctx.l(c.name)).join(ctx.lang === "zh" ? "、" : "; "),
        products: ids.length,
      })
    : first
      ? `${ctx.l(first.definition)}`
      : "";
  const others = [...ctx.catalog.categories.values()].filter((c) => !categories.includes(c)).slice(0, 2);
  const followUps: FollowUp[] = [...categoryFollowUps(ctx, others)];
  followUps.push(ctx.ask("followUp.airGapped"));
  return finish(
    {
      intent: "category",
      // These rest on the 2022 article alone: say so in one line.
      notices: [ctx.m("basis.article")],
      ...totalOf(ids),
      categoryIds: categories.map((c) => c.id),
      title: categories.map((c) => ctx.l(c.name)).join(" / "),
      summary,
      items,
      sections,
      followUps,
    },
    ctx,
  );
}

/** The five kinds of offering at a glance. */
export function categoriesAnswer(ctx: Ctx, withProsCons = false): Answer {
  const p = ctx.phrases;
  const cats = [...ctx.catalog.categories.values()].sort((a, b) => a.order - b.order);
  const sections: Section[] = [];
  for (const c of cats) {
    ctx.cite.cite(c.sources);
    if (withProsCons && (c.pros.length || c.cons.length)) {
      sections.push({
        title: ctx.l(c.name),
        bullets: [...c.pros.map((x) => `+ ${ctx.l(x)}`), ...c.cons.map((x) => `− ${ctx.l(x)}`)],
      });
    }
  }
  const categories = cats.map((c) => ({
    id: c.id,
    name: ctx.l(c.name),
    summary: `${p.delivery[c.delivery]}; ${p.labels.billing}: ${ctx.l(c.billingNote)}; ${p.labels.airGapped}: ${p.airGapped[c.airGapped.status]}`,
    productCount: membersOf(ctx, [c]).length,
  }));
  return finish(
    {
      intent: "categories",
      // These rest on the 2022 article alone: say so in one line.
      notices: [ctx.m("basis.article")],
      categories,
      title: ctx.m("categories.title", { count: cats.length }),
      summary: ctx.m("categories.summary"),
      items: [],
      sections,
      followUps: categoryFollowUps(ctx, cats.slice(0, 3)),
    },
    ctx,
  );
}
