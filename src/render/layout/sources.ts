import type { SourceView } from "../../core/answer.js";
import type { Element, Layout, NumberedSource, Page } from "./model.js";
import { CITATION } from "./text.js";

/**
 * Numbers the sources by where the layout first cites them (page by page, in reading order),
 * rewrites every "[n]" marker to that numbering, and records which sources each page cites.
 * Sources the text never cites come last, so the "all sources" page still lists every one.
 * Adds that page when some page cannot show all of its answer's sources.
 */
export function numberSources(layout: Layout, sources: readonly SourceView[], shown: number): Layout {
  const order: number[] = []; // old numbers (1-based indexes into sources), in citation order
  const renumber = new Map<number, number>();
  const visit = (text: string): string =>
    text.replace(CITATION, (whole, raw: string) => {
      const old = Number(raw);
      if (old < 1 || old > sources.length) return whole;
      let n = renumber.get(old);
      if (n === undefined) {
        n = order.push(old);
        renumber.set(old, n);
      }
      return `[${n}]`;
    });
  const lead = visit(layout.lead);
  const notices = layout.notices.map(visit);
  const pages: Page[] = layout.pages.map((page, i) => {
    const cited = new Set<number>();
    const track = (text: string) => {
      const out = visit(text);
      for (const m of out.matchAll(CITATION)) cited.add(Number(m[1]));
      return out;
    };
    if (i === 0) {
      for (const m of `${lead} ${notices.join(" ")}`.matchAll(CITATION)) cited.add(Number(m[1]));
    }
    const elements = page.elements.map((e) => mapTexts(e, track));
    return { elements, cites: [...cited].filter((n) => n <= sources.length).sort((a, b) => a - b) };
  });
  for (let old = 1; old <= sources.length; old++) if (!renumber.has(old)) renumber.set(old, order.push(old));
  const numbered: NumberedSource[] = order.map((old, i) => ({
    ...(sources[old - 1] as SourceView),
    n: i + 1,
  }));
  const needsAll =
    numbered.length > 0 && pages.some((p) => p.cites.length < numbered.length || p.cites.length > shown);
  if (needsAll) pages.push({ elements: [], cites: numbered.map((s) => s.n), allSources: true });
  return { ...layout, lead, notices, pages, sources: numbered };
}

function mapTexts(e: Element, f: (text: string) => string): Element {
  switch (e.kind) {
    case "paragraph":
      return { ...e, text: f(e.text) };
    case "bullets":
      return { ...e, bullets: e.bullets.map(f) };
    case "group":
      return { ...e, lines: e.lines.map((l) => (l.text ? { ...l, text: f(l.text) } : l)) };
    case "facts":
      return { ...e, rows: e.rows.map((r) => ({ ...r, value: f(r.value) })) };
    case "table":
      return { ...e, rows: e.rows.map((r) => ({ ...r, values: r.values.map(f) })) };
    default:
      return e;
  }
}
