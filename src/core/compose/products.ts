import type { Answer, FollowUp, Section } from "../answer.js";
import { LEVEL_LABELS, unconfirmedLine } from "../facts.js";
import type { AttributeName } from "../lexicon.js";
import { phrases } from "../phrases.js";
import { type ProductProfile, productProfiles, profileOf } from "../profile.js";
import { productView } from "../views.js";
import { type Ctx, finish, joinList } from "./context.js";

const RELATION_WORDS = {
  en: {
    "based-on": "Based on",
    recommends: "Recommends",
    "renamed-to": "Renamed to",
    successor: "Succeeded by",
    "same-line-as": "Same product line as",
  },
  zh: {
    "based-on": "基于",
    recommends: "推荐",
    "renamed-to": "更名为",
    successor: "后继产品",
    "same-line-as": "同一产品线",
  },
} as const;

function entityName(ctx: Ctx, id: string): string {
  const p = ctx.catalog.products.get(id);
  if (p) return ctx.l(p.name);
  const v = ctx.catalog.vendors.get(id);
  return v ? ctx.l(v.name) : id;
}

/** One product in depth, or the products an ambiguous name could mean. */
/** What the question asked about the product, to answer first. */
export interface ProductFocus {
  attributes?: AttributeName[];
  /** "What is it based on?" */
  basedOn?: boolean;
  /** "Pros and cons of X": its categories' pros and cons. */
  prosCons?: boolean;
  /** A first line composed from the question ("Yes — …", who provides the servers), before the card. */
  lead?: string;
}

export function productAnswer(ctx: Ctx, ids: string[], ambiguous: boolean, focus: ProductFocus = {}): Answer {
  const asked = focus.attributes ?? [];
  if (ambiguous) return ambiguousAnswer(ctx, ids);
  const id = ids[0] as string;
  const profile = profileOf(ctx.catalog, id) as ProductProfile;
  const { product, vendor } = profile;
  const p = phrases(ctx.lang);
  const item = productView(ctx.catalog, id, ctx.lang, ctx.cite, 0);
  const article: string[] = [];
  const later: string[] = [];
  for (const f of product.facts)
    (f.kind === "later" ? later : article).push(`${ctx.l(f.text)}${ctx.ref(f.sources)}`);
  const sections: Section[] = [];
  if (article.length) sections.push({ title: p.sectionArticle, bullets: article });
  if (later.length) sections.push({ title: p.sectionLater, bullets: later });
  const related = relationBullets(ctx, id);
  if (related.length) sections.push({ title: ctx.lang === "zh" ? "相关产品" : "Related", bullets: related });
  // The vendor's own story (acquisitions, renames) is often what a product question is really about.
  const vendorFacts = vendor.facts.map((f) => `${ctx.l(f.text)}${ctx.ref(f.sources)}`);
  if (vendorFacts.length)
    sections.push({
      title: ctx.lang === "zh" ? `关于${ctx.l(vendor.name)}` : `About ${ctx.l(vendor.name)}`,
      bullets: vendorFacts,
    });
  const check = asked.map((a) => attributeVerdict(ctx, profile, a)).filter((s) => s !== "");
  if (focus.prosCons) sections.unshift(...prosConsSections(ctx, profile));
  if (focus.basedOn) {
    for (const r of product.relations.filter((x) => x.type === "based-on")) {
      const target = entityName(ctx, r.target);
      check.push(
        ctx.lang === "zh"
          ? `${ctx.l(product.name)}基于${target}。`
          : `${ctx.l(product.name)} is based on ${target}.`,
      );
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
  const zh = ctx.lang === "zh";
  return finish(
    {
      intent: "product",
      ambiguous: true,
      title: zh
        ? `这个名字对应 ${items.length} 个不同的产品`
        : `That name means ${items.length} different products`,
      summary: zh
        ? `可能是：${joinList("zh", names)}。请选择你要问的那一个。`
        : `It could be ${joinList("en", names)}. Pick the one you mean.`,
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
  ctx.lang === "zh" ? `对比 ${names.join(" 和 ")}` : `Compare ${names.join(" vs ")}`;

function relationBullets(ctx: Ctx, id: string): string[] {
  const words = RELATION_WORDS[ctx.lang];
  const out: string[] = [];
  const product = ctx.catalog.products.get(id);
  for (const r of product?.relations ?? []) {
    const note = r.note ? ` — ${ctx.l(r.note)}` : "";
    out.push(`${words[r.type]}: ${entityName(ctx, r.target)}${note}${ctx.ref(r.sources)}`);
  }
  for (const other of ctx.catalog.products.values()) {
    for (const r of other.relations) {
      if (r.target !== id || r.type !== "recommends") continue;
      const by = ctx.lang === "zh" ? `被 ${ctx.l(other.name)} 推荐` : `Recommended by ${ctx.l(other.name)}`;
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

/** What a product does or does not do, as a sentence predicate: [yes, no] in each language. */
const PREDICATES: Record<string, { en: [string, string]; zh: [string, string] }> = {
  "air-gapped": {
    en: ["can run fully air-gapped", "cannot run fully air-gapped"],
    zh: ["支持全内网（离线）部署", "不支持全内网（离线）部署"],
  },
  "needs-internet": {
    en: ["needs the internet or a leased line", "does not need the internet"],
    zh: ["需要连接互联网或专线", "不需要连接互联网"],
  },
  "pay-as-you-go": {
    en: ["can be paid for as you go", "is not paid for as you go"],
    zh: ["支持按量付费", "不按量付费"],
  },
  licence: {
    en: ["is bought as a licence or subscription", "is not sold as a licence"],
    zh: ["以买断或订阅方式购买", "不以买断或订阅方式销售"],
  },
  "own-hardware": {
    en: ["runs on your own hardware", "does not run on your own hardware"],
    zh: ["部署在自有硬件上", "不部署在自有硬件上"],
  },
  "vendor-compute": {
    en: ["comes with the vendor's compute", "needs your own hardware"],
    zh: ["由供应商提供算力", "需要自备硬件"],
  },
  "out-of-the-box": {
    en: ["works out of the box", "must be installed first"],
    zh: ["开箱即用", "需要安装搭建，无法开箱即用"],
  },
  "multi-cluster": {
    en: ["manages multiple clusters", "does not manage multiple clusters"],
    zh: ["支持多集群管理", "不支持多集群管理"],
  },
  federation: {
    en: ["is based on Kubernetes federation", "is not based on Kubernetes federation"],
    zh: ["基于 Kubernetes 联邦", "不基于 Kubernetes 联邦"],
  },
  edge: {
    en: ["is meant for edge scenarios", "is not an edge product"],
    zh: ["面向边缘场景", "不是边缘方案"],
  },
  beta: { en: ["was in beta", "is not described as beta"], zh: ["处于内测阶段", "未见内测说明"] },
  "open-source": { en: ["is open source", "is not open source"], zh: ["是开源的", "不是开源的"] },
  domestic: {
    en: ["comes from a vendor headquartered in China", "does not come from a vendor headquartered in China"],
    zh: ["来自总部在中国的厂商（国产）", "不是来自总部在中国的厂商"],
  },
  xinchuang: {
    en: ["supports 信创 (domestic CPUs and operating systems)", "has no documented 信创 support"],
    zh: ["支持信创（国产 CPU 与操作系统）", "未见信创支持的文档"],
  },
};

/**
 * A direct answer first, when the question asks about one attribute of one product. Its first word
 * is the evidence level, so the line never says "Yes" where the catalog only has the article's
 * unconfirmed claim, and the reason follows from the same value.
 */
function attributeVerdict(ctx: Ctx, profile: ProductProfile, attr: AttributeName): string {
  const name = ctx.l(profile.product.name);
  const zh = ctx.lang === "zh";
  const words = PREDICATES[attr] ?? {
    en: [`has ${attr}`, `does not have ${attr}`],
    zh: [`具备${attr}`, `不具备${attr}`],
  };
  const [yes, no] = words[ctx.lang];
  const v = profile.value(attr);
  if (!v)
    return zh
      ? `未知：目录中没有关于${name}是否${yes}的来源事实。`
      : `Unknown: the catalog has no sourced fact on whether ${name} ${yes}.`;
  const reason = v.reason ? ` ${ctx.l(v.reason)}` : "";
  const cite = ctx.ref(v.sources);
  const label = LEVEL_LABELS[ctx.lang][v.level];
  if (v.level === "unconfirmed") {
    const claim = zh ? `（${name}${yes}）` : ` (${name} ${yes})`;
    return `${unconfirmedLine(ctx.lang, v.asOf).replace(/[。.]$/, "")}${claim}${zh ? "。" : "."}${reason}${cite}`;
  }
  if (attr === "air-gapped" && !zh)
    return `Can ${name} ${yes.replace(/^can /, "")}? ${label}.${reason}${cite}`;
  const predicate = v.level === "no" ? no : yes;
  if (zh) return `${label}：${name}${v.level === "partial" ? "部分" : ""}${predicate}。${reason}${cite}`;
  return `${label} — ${name} ${v.level === "partial" ? "partly " : ""}${predicate}.${reason}${cite}`;
}

/**
 * The article judges kinds of offering, not single products: a product's pros and cons are its
 * categories'. Categories with the same lists (the article's two software categories) share one.
 */
function prosConsSections(ctx: Ctx, profile: ProductProfile): Section[] {
  const p = phrases(ctx.lang);
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
    const on = ctx.lang === "zh" ? `（作为${names.join("、")}）` : ` (as ${names.join(" / ")})`;
    return [
      ...(pros.length ? [{ title: `${p.pros}${on}`, bullets: pros }] : []),
      ...(cons.length ? [{ title: `${p.cons}${on}`, bullets: cons }] : []),
    ];
  });
}
