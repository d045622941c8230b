import type { Lang, ProductView, SourceView } from "./answer.js";
import type { Catalog } from "./catalog/catalog.js";
import type { Fact } from "./catalog/schema.js";
import { levelLabel, unconfirmedLine } from "./facts.js";
import { phrases } from "./phrases.js";
import { type ProductProfile, profileOf } from "./profile.js";
import type { Vocabulary } from "./vocabulary/vocabulary.js";

/** Gathers the sources an answer cites, in the order it first cites them. */
export class SourceCollector {
  /** Source id → its 1-based number, in the order first cited. */
  private readonly numbers = new Map<string, number>();
  constructor(private readonly catalog: Catalog) {}

  cite(ids: readonly string[]): void {
    for (const id of ids) {
      if (!this.numbers.has(id) && this.catalog.sources.has(id)) this.numbers.set(id, this.numbers.size + 1);
    }
  }

  /** The 1-based number the source is cited as, or 0 if it is not cited. */
  number(id: string): number {
    return this.numbers.get(id) ?? 0;
  }

  views(): SourceView[] {
    return [...this.numbers.keys()].map((id) => {
      const s = this.catalog.sources.get(id);
      if (!s) throw new Error(`unreachable: source ${id} vanished`);
      // Show when a source was published, not only when it was read (unless its title says so).
      const title = s.published && !s.title.includes(s.published) ? `${s.title} (${s.published})` : s.title;
      const view: SourceView = { id, title, asOf: s.asOf };
      if (s.url) view.url = s.url;
      if (s.locator) view.locator = s.locator;
      return view;
    });
  }
}

const FACT_ORDER: Record<Fact["kind"], number> = { correction: 0, article: 1, later: 2 };

export const factsInOrder = (facts: readonly Fact[]): Fact[] =>
  [...facts].sort((a, b) => FACT_ORDER[a.kind] - FACT_ORDER[b.kind]);

interface CachedView {
  view: ProductView;
  /** The sources the view cites, in order: replayed into each answer's collector. */
  cites: string[];
}

const viewCache = new WeakMap<Catalog, Map<string, CachedView>>();

/**
 * A product as answers show it, in one language. Views are built once per catalog and reused
 * (a list answer shows many, and the catalog only changes by being replaced); the sources each
 * cites are replayed into the answer's collector so numbering stays in citation order.
 */
export function productView(
  catalog: Catalog,
  id: string,
  lang: Lang,
  cite: SourceCollector,
  noteCount = 2,
): ProductView {
  let cache = viewCache.get(catalog);
  if (!cache) {
    cache = new Map();
    viewCache.set(catalog, cache);
  }
  const key = `${id}\u0000${lang}\u0000${noteCount}`;
  let cached = cache.get(key);
  if (!cached) {
    cached = buildView(catalog, id, lang, noteCount);
    cache.set(key, cached);
  }
  cite.cite(cached.cites);
  // Answers are data that nothing mutates; a shallow copy keeps one answer from aliasing another.
  return { ...cached.view };
}

function buildView(catalog: Catalog, id: string, lang: Lang, noteCount: number): CachedView {
  const profile = profileOf(catalog, id);
  if (!profile) throw new Error(`unknown product ${id}`);
  const { product, vendor } = profile;
  const p = phrases(lang, catalog);
  const notes = factsInOrder(product.facts)
    .slice(0, noteCount)
    .map((f) => ({ text: f.text[lang], sources: f.sources }));
  const cites = [
    ...notes.flatMap((n) => n.sources),
    ...profile.categories.flatMap((c) => c.sources),
    ...profile.airGapped.sources,
  ];
  const view: ProductView = {
    id,
    name: product.name[lang],
    vendor: vendor.name[lang],
    vendorId: vendor.id,
    categories: profile.categories.map((c) => ({ id: c.id, name: c.name[lang] })),
    delivery: profile.delivery,
    deliveryLabel:
      profile.delivery.map((d) => p.delivery[d]).join(lang === "zh" ? "；" : "; ") || p.labels.none,
    airGapped: profile.airGapped.status,
    airGappedLabel: airGappedLabel(profile, lang, catalog),
    summary: product.summary[lang],
    notes,
  };
  const link = product.links[0];
  if (link) {
    view.url = link.url;
    cites.push(...link.sources);
  }
  return { view, cites };
}

/** The air-gap line of a product card: the evidence level first, then why. */
export function airGappedLabel(
  profile: ProductProfile,
  lang: Lang,
  catalog: { vocabulary?: Vocabulary } = {},
): string {
  const v = profile.value("air-gapped");
  if (!v) return phrases(lang, catalog).airGapped.unknown;
  const reason = v.reason?.[lang];
  if (v.level === "unconfirmed") {
    const line = unconfirmedLine(catalog, lang, v.asOf);
    return reason ? `${line} ${reason}` : line;
  }
  const label = levelLabel(catalog, lang, v.level);
  return reason ? `${label} — ${reason}` : label;
}
