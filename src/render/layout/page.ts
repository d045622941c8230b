import type { Answer } from "../../core/answer.js";
import { buildLayout } from "./build.js";
import { LAYOUT_LIMITS } from "./limits.js";
import type { Action, Element, Layout, NumberedSource } from "./model.js";

/** One page of a layout, with what its pager and sources line need. */
export interface PageView {
  layout: Layout;
  /** 1-based, clamped to the pages there are. */
  page: number;
  /** Pages including the all-sources page. */
  total: number;
  /** Pages of content ("Page 2 of 3" counts these). */
  contentPages: number;
  /** This is the page that lists every source. */
  allSources: boolean;
  elements: Element[];
  /** The sources listed under this page. */
  sources: NumberedSource[];
  /** Sources of the answer not listed here, and the page that lists them all. */
  moreSources: number;
  sourcesPage?: number;
  previous?: number;
  next?: number;
  followUps: Action[];
}

/** The page `page` of an answer (or of a layout already built); out-of-range pages show the nearest. */
export function pageOf(from: Answer | Layout, page = 1): PageView {
  const layout = "pages" in from ? from : layoutOf(from);
  const total = layout.pages.length;
  const n = Math.min(Math.max(1, Math.trunc(page) || 1), total);
  const current = layout.pages[n - 1] ?? { elements: [], cites: [] };
  const allSources = current.allSources === true;
  const contentPages = layout.pages.filter((p) => !p.allSources).length;
  const byNumber = new Map(layout.sources.map((s) => [s.n, s]));
  const cited = current.cites.flatMap((c) => byNumber.get(c) ?? []);
  const sources = allSources ? layout.sources : cited.slice(0, LAYOUT_LIMITS.sourcesShown);
  const moreSources = layout.sources.length - sources.length;
  const view: PageView = {
    layout,
    page: n,
    total,
    contentPages,
    allSources,
    elements: current.elements,
    sources,
    moreSources,
    followUps: layout.followUps.slice(0, LAYOUT_LIMITS.followUps),
  };
  if (moreSources > 0 && !allSources) view.sourcesPage = total;
  if (allSources) view.previous = 1;
  else {
    if (n > 1) view.previous = n - 1;
    if (n < contentPages) view.next = n + 1;
  }
  return view;
}

// Answers are immutable: each is laid out once however many pages and platforms render it.
const layouts = new WeakMap<Answer, Layout>();

function layoutOf(answer: Answer): Layout {
  let layout = layouts.get(answer);
  if (!layout) {
    layout = buildLayout(answer);
    layouts.set(answer, layout);
  }
  return layout;
}
