import type { Comparison, FollowUp, Lang, ProductView, Section, SourceView } from "../../core/answer.js";
import { t } from "../strings.js";
import { actionSets, openUrl, submit } from "./actions.js";
import { TEAMS_LIMITS } from "./limits.js";
import { clamp, fill, md, mdLink } from "./text.js";
import type { CardElement, Column, ColumnSet, Container, TextBlock } from "./types.js";

/** How much text a card may carry; the renderer steps down these levels until a card fits. */
export interface Detail {
  summaryMax: number;
  itemSummaryMax: number;
  noteMax: number;
  maxNotes: number;
  bulletMax: number;
  maxBullets: number;
  cellMax: number;
  maxSources: number;
  maxRows: number;
  maxFollowUps: number;
  sections: boolean;
}

const L = TEAMS_LIMITS;
export const DETAIL_LEVELS: readonly Detail[] = [
  {
    summaryMax: L.summaryMaxChars,
    itemSummaryMax: L.itemSummaryMaxChars,
    noteMax: L.noteMaxChars,
    maxNotes: L.maxNotesPerItem,
    bulletMax: L.bulletMaxChars,
    maxBullets: L.maxBulletsPerSection,
    cellMax: L.cellMaxChars,
    maxSources: L.maxSourcesShown,
    maxRows: L.maxCompareRows,
    maxFollowUps: L.maxActionsPerSet,
    sections: true,
  },
  {
    summaryMax: 500,
    itemSummaryMax: 160,
    noteMax: 140,
    maxNotes: 3,
    bulletMax: 160,
    maxBullets: 6,
    cellMax: 120,
    maxSources: 12,
    maxRows: 16,
    maxFollowUps: L.maxActionsPerSet,
    sections: true,
  },
  {
    summaryMax: 200,
    itemSummaryMax: 80,
    noteMax: 80,
    maxNotes: 1,
    bulletMax: 80,
    maxBullets: 3,
    cellMax: 60,
    maxSources: 5,
    maxRows: 8,
    maxFollowUps: 2,
    sections: false,
  },
];

export const text = (value: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...extra,
});

/** A Markdown bullet list; Teams' card Markdown separates list items with "\r". */
export function bulletList(items: readonly string[], max: number, itemMax: number): string {
  const shown = items.slice(0, max).map((b) => `- ${md(clamp(b, itemMax))}`);
  if (items.length > max) shown.push("- …");
  return shown.join("\r");
}

export function heading(title: string): TextBlock {
  return text(md(clamp(title, L.titleMaxChars)), { size: "Large", weight: "Bolder", style: "heading" });
}

export interface ItemOptions {
  lang: Lang;
  detail: Detail;
  /** Buttons that post back to the bot; off for cards inserted by the message extension. */
  interactive: boolean;
  /**
   * The answer is about this one product: the card's title and summary already name and describe
   * it, so the block shows facts, notes and the site, and no "Details" button (it is the details).
   */
  full: boolean;
}

export function productFacts(p: ProductView, lang: Lang) {
  const facts = [
    { title: t(lang, "vendor"), value: md(p.vendor) },
    { title: t(lang, "category"), value: md(p.categories.map((c) => c.name).join(", ") || "—") },
    { title: t(lang, "delivery"), value: md(p.deliveryLabel) },
    { title: t(lang, "airGapped"), value: md(p.airGappedLabel) },
  ];
  return { type: "FactSet" as const, facts: facts.slice(0, L.maxFacts) };
}

export function productBlock(p: ProductView, o: ItemOptions): Container {
  const items: CardElement[] = [];
  if (!o.full) items.push(text(md(clamp(p.name, L.titleMaxChars)), { size: "Medium", weight: "Bolder" }));
  items.push(productFacts(p, o.lang));
  if (p.summary && !o.full) items.push(text(md(clamp(p.summary, o.detail.itemSummaryMax))));
  if (o.full && p.notes.length > 0) {
    const notes = p.notes.map((n) => n.text);
    items.push(text(bulletList(notes, o.detail.maxNotes, o.detail.noteMax)));
  }
  const details =
    o.interactive && !o.full
      ? submit(t(o.lang, "details"), { type: "product", id: p.id, lang: o.lang })
      : undefined;
  items.push(...actionSets([details, openUrl(t(o.lang, "officialSite"), p.url)]));
  return { type: "Container", ...(o.full ? {} : { separator: true }), spacing: "Medium", items };
}

export function sectionBlocks(sections: readonly Section[], detail: Detail): CardElement[] {
  if (!detail.sections) return [];
  return sections
    .filter((s) => s.bullets.length > 0 || s.title)
    .map((s) => ({
      type: "Container" as const,
      spacing: "Medium" as const,
      items: [
        text(md(clamp(s.title, L.titleMaxChars)), { weight: "Bolder" }),
        ...(s.bullets.length > 0 ? [text(bulletList(s.bullets, detail.maxBullets, detail.bulletMax))] : []),
      ],
    }));
}

/** One ColumnSet per row: the row label, then one column per product (column i is items[i]). */
export function comparisonBlock(
  names: readonly string[],
  comparison: Comparison,
  detail: Detail,
): CardElement[] {
  const n = Math.min(names.length, L.maxCompareProducts);
  const cell = (value: string | undefined, bold: boolean): TextBlock =>
    text(md(clamp(value?.trim() || "—", detail.cellMax)), bold ? { weight: "Bolder" } : {});
  const row = (label: string | undefined, values: readonly string[], header: boolean): ColumnSet => ({
    type: "ColumnSet",
    separator: true,
    columns: [
      // The header row's label column stays empty so product names line up with their values.
      label === undefined
        ? { type: "Column", width: 2 }
        : { type: "Column", width: 2, items: [cell(label, true)] },
      ...Array.from(
        { length: n },
        (_, i): Column => ({ type: "Column", width: 3, items: [cell(values[i], header)] }),
      ),
    ],
  });
  const rows = comparison.rows.slice(0, detail.maxRows).map((r) => row(r.label, r.values, false));
  return [row(undefined, names, true), ...rows];
}

/**
 * Numbered like the answer text's [n] citations (sources are in citation order), as a Markdown
 * ordered list so each source gets its own line in Teams.
 */
export function sourcesBlock(
  sources: readonly SourceView[],
  lang: Lang,
  detail: Detail,
): Container | undefined {
  if (sources.length === 0) return undefined;
  const lines = sources.slice(0, detail.maxSources).map((s, i) => {
    const label = s.url
      ? mdLink(clamp(s.title, 120), s.url)
      : md(clamp(s.locator ? `${s.title} (${s.locator})` : s.title, 160));
    return `${i + 1}. ${label} (${md(fill(t(lang, "teamsAsOf"), { date: s.asOf }))})`;
  });
  const rest = sources.length - lines.length;
  if (rest > 0) lines.push(`${lines.length + 1}. ${md(fill(t(lang, "teamsMoreSources"), { n: rest }))}`);
  return {
    type: "Container",
    separator: true,
    spacing: "Medium",
    items: [
      text(md(t(lang, "sources")), { size: "Small", weight: "Bolder", isSubtle: true }),
      text(lines.join("\r"), { size: "Small", isSubtle: true, spacing: "Small" }),
    ],
  };
}

export function followUpActions(followUps: readonly FollowUp[]) {
  return followUps.map((f) => submit(f.label, f.request));
}
