import type { Lang, ProductView, SourceView } from "./answer.js";
import type { Catalog } from "./catalog/catalog.js";
import type { Fact } from "./catalog/schema.js";
import { phrases } from "./phrases.js";
import { type ProductProfile, profileOf } from "./profile.js";

/** Gathers the sources an answer cites, in the order it first cites them. */
export class SourceCollector {
  private readonly ids: string[] = [];
  constructor(private readonly catalog: Catalog) {}

  cite(ids: readonly string[]): void {
    for (const id of ids) if (!this.ids.includes(id) && this.catalog.sources.has(id)) this.ids.push(id);
  }

  /** The 1-based number the source is cited as, or 0 if it is not cited. */
  number(id: string): number {
    return this.ids.indexOf(id) + 1;
  }

  views(): SourceView[] {
    return this.ids.map((id) => {
      const s = this.catalog.sources.get(id);
      if (!s) throw new Error(`unreachable: source ${id} vanished`);
      const view: SourceView = { id, title: s.title, asOf: s.asOf };
      if (s.url) view.url = s.url;
      if (s.locator) view.locator = s.locator;
      return view;
    });
  }
}

const FACT_ORDER: Record<Fact["kind"], number> = { correction: 0, article: 1, later: 2 };

export const factsInOrder = (facts: readonly Fact[]): Fact[] =>
  [...facts].sort((a, b) => FACT_ORDER[a.kind] - FACT_ORDER[b.kind]);

export function productView(
  catalog: Catalog,
  id: string,
  lang: Lang,
  cite: SourceCollector,
  noteCount = 2,
): ProductView {
  const profile = profileOf(catalog, id);
  if (!profile) throw new Error(`unknown product ${id}`);
  const { product, vendor } = profile;
  const p = phrases(lang);
  const notes = factsInOrder(product.facts)
    .slice(0, noteCount)
    .map((f) => ({ text: f.text[lang], sources: f.sources }));
  for (const n of notes) cite.cite(n.sources);
  cite.cite(profile.categories.flatMap((c) => c.sources));
  cite.cite(profile.airGapped.sources);
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
    airGappedLabel: airGappedLabel(profile, lang),
    summary: product.summary[lang],
    notes,
  };
  const link = product.links[0];
  if (link) {
    view.url = link.url;
    cite.cite(link.sources);
  }
  return view;
}

export function airGappedLabel(profile: ProductProfile, lang: Lang): string {
  const p = phrases(lang);
  const status = p.airGapped[profile.airGapped.status];
  const reason = profile.airGapped.reason?.[lang];
  return reason ? `${status} — ${reason}` : status;
}
