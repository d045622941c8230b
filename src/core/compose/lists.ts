import type { Answer, FollowUp, Section } from "../answer.js";
import type { Category } from "../catalog/schema.js";
import type { AttributeName } from "../lexicon.js";
import { phrases } from "../phrases.js";
import { type ProductProfile, productProfiles } from "../profile.js";
import { productView } from "../views.js";
import { ATTRIBUTE_TITLES, evidenceFor } from "./attributes.js";
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
  const zh = ctx.lang === "zh";
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
            zh
              ? `${ctx.l(other.name)} 基于${ctx.l(v.name)}${ctx.ref(r.sources)}`
              : `${ctx.l(other.name)} is based on ${ctx.l(v.name)}${ctx.ref(r.sources)}`,
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
      title: zh ? "其他玩家（未列出产品）" : "Other players (no products listed)",
      bullets: others.map((v) => ctx.l(v.name)),
    });
  }
  const otherOnly = vendors.every((v) => v.otherPlayer);
  // A few products are named in the summary; a long list is only counted there.
  const named = items.length <= 8 ? items.map((i) => i.name) : [];
  const listed = (sep: string, lead: string) => (named.length ? `${lead}${named.join(sep)}` : "");
  const summary = items.length
    ? zh
      ? `目录中${overview ? ` ${vendors.length} 家厂商` : joinList("zh", names)}共有 ${ids.length} 个产品${listed("、", "：")}。`
      : `${overview ? `The ${vendors.length} vendors` : joinList("en", names)} ${ids.length === 1 ? "has one offering" : `${overview || names.length > 1 ? "have" : "has"} ${ids.length} offerings`} in the catalog${listed(", ", ": ")}.`
    : otherOnly
      ? zh
        ? `文章把${joinList("zh", names)}列为「其他玩家」，没有列出具体产品。`
        : `The article names ${joinList("en", names)} among the "other players", without listing products.`
      : zh
        ? "目录中没有该厂商的产品。"
        : "The catalog lists no products for this vendor.";
  const cats = [...new Map(items.flatMap((i) => i.categories).map((c) => [c.id, c])).values()];
  const followUps: FollowUp[] = [];
  if (items.length >= 2)
    followUps.push({
      label: zh
        ? `对比 ${items[0]?.name} 和 ${items[1]?.name}`
        : `Compare ${items[0]?.name} vs ${items[1]?.name}`,
      request: { type: "compare", ids: ids.slice(0, 2), lang: ctx.lang },
    });
  for (const c of cats.slice(0, 2))
    followUps.push({ label: c.name, request: { type: "category", id: c.id, lang: ctx.lang } });
  if (!followUps.length) followUps.push(ctx.ask("Who are the other players?", "其他玩家有哪些？"));
  return finish(
    {
      intent: "vendor",
      vendorIds: vendors.map((v) => v.id),
      ...totalOf(ids),
      title: overview
        ? zh
          ? `目录中的 ${vendors.length} 家厂商`
          : `The ${vendors.length} vendors in the catalog`
        : zh
          ? `${names.join("、")}的产品`
          : `What ${joinList("en", names)} offer${names.length === 1 ? "s" : ""}`,
      summary,
      items,
      sections,
      followUps,
    },
    ctx,
  );
}

export interface FilterSpec {
  attributes: AttributeName[];
  categories: Category[];
  vendorIds: string[];
  /** Products a relation names ("based on Alauda"). */
  basedOn?: string[];
  /** Restricts the candidates (e.g. to the distributions), when set. */
  onlyIds?: string[];
}

const STATUS_RANK = { yes: 0, partial: 1, unknown: 2, no: 3 } as const;

/** Products meeting every condition, best matches first. */
export function filterAnswer(ctx: Ctx, spec: FilterSpec): Answer {
  const zh = ctx.lang === "zh";
  const catIds = new Set(spec.categories.map((c) => c.id));
  const basedOn = spec.basedOn ? new Set(spec.basedOn) : undefined;
  const all = [...productProfiles(ctx.catalog).values()];
  const evidence = (p: ProductProfile) => {
    const found = spec.attributes.map((a) => evidenceFor(p, a));
    if (found.some((e) => e === undefined)) return undefined;
    return found.every((e) => e === "article") ? "article" : "later";
  };
  const candidates = all.filter(
    (p) =>
      evidence(p) !== undefined &&
      (!catIds.size || p.categories.some((c) => catIds.has(c.id))) &&
      (!spec.vendorIds.length || spec.vendorIds.includes(p.vendor.id)) &&
      (!basedOn || p.product.relations.some((r) => r.type === "based-on" && basedOn.has(r.target))) &&
      (!spec.onlyIds || spec.onlyIds.includes(p.product.id)),
  );
  const primary = candidates.filter((p) => evidence(p) === "article");
  const matches = primary.length ? primary : candidates;
  const alsoLater = primary.length ? candidates.filter((p) => evidence(p) === "later") : [];
  const order = (p: ProductProfile) => p.categories[0]?.order ?? 99;
  matches.sort(
    (a, b) => STATUS_RANK[a.airGapped.status] - STATUS_RANK[b.airGapped.status] || order(a) - order(b),
  );
  const ids = matches.map((p) => p.product.id);
  const items = views(ctx, ids);
  const conditions = [
    ...spec.attributes.map((a) => ATTRIBUTE_TITLES[a][ctx.lang]),
    ...(spec.basedOn
      ? [
          zh
            ? `基于 ${spec.basedOn.map((id) => ctx.l(ctx.catalog.products.get(id)?.name ?? ctx.catalog.vendors.get(id)?.name ?? { en: id, zh: id })).join("、")}`
            : `are based on ${spec.basedOn.map((id) => ctx.l(ctx.catalog.products.get(id)?.name ?? ctx.catalog.vendors.get(id)?.name ?? { en: id, zh: id })).join(" or ")}`,
        ]
      : []),
  ];
  const scope = [
    ...spec.vendorIds.map((id) => ctx.l(ctx.catalog.vendors.get(id)?.name ?? { en: id, zh: id })),
    ...spec.categories.map((c) => ctx.l(c.name)),
  ];
  const title =
    !conditions.length && !scope.length
      ? zh
        ? "目录中的全部产品"
        : "Every offering in the catalog"
      : zh
        ? `${scope.join("、")}${scope.length && conditions.length ? "中" : ""}${conditions.join("且")}的产品`
        : `Offerings${conditions.length ? ` that ${joinList("en", conditions)}` : ""}${scope.length ? ` (${scope.join(", ")})` : ""}`;
  const sections: Section[] = [];
  if (spec.attributes.includes("air-gapped")) sections.push(airGapSection(ctx, matches));
  if (alsoLater.length) sections.push(laterSection(ctx, alsoLater, spec.attributes));
  const summary = items.length
    ? zh
      ? `共 ${ids.length} 个产品符合条件。`
      : `${ids.length} ${ids.length === 1 ? "offering matches" : "offerings match"}.`
    : zh
      ? "目录中没有同时满足这些条件的产品。可以放宽条件再问。"
      : "Nothing in the catalog meets all of these conditions. Try asking with fewer.";
  const reasons = spec.attributes.includes("air-gapped")
    ? zh
      ? " 判断依据：以软件形式交付、部署在自有硬件上的产品可运行于全内网；托管云服务需要互联网或专线。"
      : " Rule of thumb from the article: software you install on your own hardware can run fully intranet; managed cloud services need the internet or a leased line."
    : "";
  const cats = [...new Map(matches.flatMap((p) => p.categories).map((c) => [c.id, c])).values()].slice(0, 2);
  const followUps: FollowUp[] = [...categoryFollowUps(ctx, cats)];
  if (items.length >= 2)
    followUps.push({
      label: zh
        ? `对比 ${items[0]?.name} 和 ${items[1]?.name}`
        : `Compare ${items[0]?.name} vs ${items[1]?.name}`,
      request: { type: "compare", ids: [items[0]?.id as string, items[1]?.id as string], lang: ctx.lang },
    });
  return finish(
    {
      intent: "filter",
      ...totalOf(ids),
      filters: [
        ...spec.attributes,
        ...spec.categories.map((c) => `category:${c.id}`),
        ...spec.vendorIds.map((v) => `vendor:${v}`),
        ...(spec.basedOn ?? []).map((b) => `based-on:${b}`),
      ],
      title,
      summary: summary + reasons,
      items,
      sections,
      followUps: followUps.slice(0, 3),
    },
    ctx,
  );
}

/** Products only later sources (not the article) put in the list: named apart, with why. */
/** Sections stay readable: a long tail of products is counted, not listed. */
const MAX_SECTION_BULLETS = 12;

function laterSection(ctx: Ctx, later: ProductProfile[], attributes: AttributeName[]): Section {
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
  if (more > 0) bullets.push(ctx.lang === "zh" ? `… 另有 ${more} 个` : `… and ${more} more`);
  return {
    title: ctx.lang === "zh" ? "文章之外，后续资料还显示" : "Beyond the article, later sources add",
    bullets,
  };
}

function airGapSection(ctx: Ctx, matches: ProductProfile[]): Section {
  const bullets: string[] = [];
  for (const c of ctx.catalog.categories.values())
    bullets.push(
      `${ctx.l(c.name)}: ${phrases(ctx.lang).airGapped[c.airGapped.status]} — ${ctx.l(c.airGapped.reason)}${ctx.ref(c.sources)}`,
    );
  for (const p of matches.filter((m) => m.airGapped.status === "partial").slice(0, MAX_SECTION_BULLETS))
    bullets.push(
      `${ctx.l(p.product.name)}: ${phrases(ctx.lang).airGapped.partial}${p.airGapped.reason ? ` — ${ctx.l(p.airGapped.reason)}` : ""}${ctx.ref(p.airGapped.sources)}`,
    );
  return { title: ctx.lang === "zh" ? "为什么" : "Why", bullets };
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
  const p = phrases(ctx.lang);
  const zh = ctx.lang === "zh";
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
      title: zh ? "要点" : "Key facts",
      bullets: [
        `${p.labels.billing}: ${ctx.l(c.billingNote)}`,
        `${p.labels.airGapped}: ${p.airGapped[c.airGapped.status]} — ${ctx.l(c.airGapped.reason)}`,
        `${p.labels.outOfTheBox}: ${c.outOfTheBox ? p.labels.yes : p.labels.no}`,
      ],
    });
  }
  const first = categories[0];
  const summary = several
    ? zh
      ? `${categories.length} 类产品符合：${categories.map((c) => ctx.l(c.name)).join("、")}，共 ${ids.length} 个产品。`
      : `${categories.length} kinds of offering match — ${categories.map((c) => ctx.l(c.name)).join("; ")} — with ${ids.length} products.`
    : first
      ? `${ctx.l(first.definition)}`
      : "";
  const others = [...ctx.catalog.categories.values()].filter((c) => !categories.includes(c)).slice(0, 2);
  const followUps: FollowUp[] = [...categoryFollowUps(ctx, others)];
  followUps.push(ctx.ask("Which options work fully air-gapped?", "哪些方案支持全内网部署？"));
  return finish(
    {
      intent: "category",
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
  const zh = ctx.lang === "zh";
  const p = phrases(ctx.lang);
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
      categories,
      title: zh ? `${cats.length} 类产品形式` : `The ${cats.length} kinds of offering`,
      summary: zh
        ? "文章按交付方式（自行部署的软件 / 托管云服务）和用途（容器平台、多云容器管理、Kubernetes 集群）把中国市场的容器 PaaS 混合云产品分为以下几类。"
        : "The article sorts container PaaS hybrid-cloud offerings in China by delivery (software you run vs managed cloud service) and purpose (container platform, multi-cloud management, Kubernetes clusters).",
      items: [],
      sections,
      followUps: categoryFollowUps(ctx, cats.slice(0, 3)),
    },
    ctx,
  );
}
