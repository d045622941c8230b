import type { Answer } from "../../core/answer.js";
import type { Element, Line } from "../layout/model.js";
import { type PageView, pageOf } from "../layout/page.js";
import { fill } from "../layout/text.js";
import { t } from "../strings.js";
import { displayWidth, type Style, styles, wrap } from "./wrap.js";

export interface TextOptions {
  /** 1-based page; the last page lists every source. */
  page?: number;
  /** Wrap to this many terminal columns, with hanging indents; no wrapping when absent. */
  width?: number;
  /** ANSI colour and bold (for a terminal); off by default. */
  color?: boolean;
}

/**
 * The answer as plain text: what the CLI prints and what chat platforms show when a card cannot
 * be drawn. One converter per layout element; the layout decides what is on the page.
 */
export function renderText(answer: Answer, options: TextOptions = {}): string {
  return renderPageText(pageOf(answer, options.page ?? 1), options);
}

export function renderPageText(view: PageView, options: TextOptions = {}): string {
  const s = styles(options.color === true);
  const w = options.width;
  const { layout } = view;
  const { lang } = layout;
  const blocks: string[][] = [];
  const head = wrap(layout.title, w).map(s.bold);
  // The all-sources page is titled by its list; other later pages say where they are.
  if (view.page > 1) {
    if (!view.allSources)
      head.push(s.dim(fill(t(lang, "slackPageOfTotal"), { page: view.page, total: view.contentPages })));
  } else {
    if (layout.lead) head.push(...wrap(layout.lead, w));
    for (const n of layout.notices) head.push(...wrap(`${t(lang, "notice")}: ${n}`, w, "", "  ").map(s.dim));
  }
  blocks.push(head);
  for (const e of view.elements) {
    const lines = element(e, s, w);
    if (lines.length) blocks.push(lines);
  }
  const foot: string[] = [];
  if (view.sources.length) blocks.push(sources(view, s, w));
  else if (view.moreSources) foot.push(...sources(view, s, w));
  if (view.next)
    foot.push(
      s.dim(fill(t(lang, "pageHint"), { page: view.page, total: view.contentPages, next: view.next })),
    );
  if (view.followUps.length)
    foot.push(
      ...wrap(`${t(lang, "tryAlso")}: ${view.followUps.map((f) => f.label).join(" | ")}`, w, "", "  ").map(
        s.dim,
      ),
    );
  if (foot.length) blocks.push(foot);
  return blocks.map((b) => b.join("\n")).join("\n\n");
}

function element(e: Element, s: Style, w: number | undefined): string[] {
  switch (e.kind) {
    case "paragraph":
      return wrap(e.text, w);
    case "bullets":
      return [
        ...(e.title ? wrap(e.bullets.length ? `${e.title}:` : e.title, w).map(s.bold) : []),
        ...e.bullets.flatMap((b) => wrap(b, w, "• ", "  ")),
      ];
    case "group":
      return [...(e.title ? wrap(e.title, w).map(s.bold) : []), ...e.lines.flatMap((l) => line(l, s, w))];
    case "facts": {
      const pad = Math.max(...e.rows.map((r) => displayWidth(r.label))) + 2;
      return [
        ...(e.title ? wrap(`${e.title}:`, w).map(s.bold) : []),
        ...e.rows.flatMap((r) => {
          const label = `${r.label}:`.padEnd(pad - (displayWidth(r.label) - r.label.length));
          const [first = "", ...rest] = wrap(r.value, w === undefined ? undefined : w - pad);
          return [`${s.dim(label)}${first}`, ...rest.map((x) => `${" ".repeat(pad)}${x}`)];
        }),
      ];
    }
    case "table":
      return e.rows.flatMap((r) => [
        ...wrap(`${r.label}:`, w).map(s.bold),
        ...r.values.flatMap((v, i) => wrap(`${e.columns[i] ?? ""}: ${v}`, w, "  - ", "    ")),
      ]);
    case "actions":
      return [
        ...(e.title ? wrap(`${e.title}:`, w).map(s.bold) : []),
        ...e.actions.flatMap((a) =>
          a.kind === "url"
            ? wrap(`${a.label}: ${a.url}`, w)
            : a.role === "compareWith"
              ? []
              : wrap(a.label, w, "• ", "  "),
        ),
      ];
    case "picker":
      return [];
  }
}

function line(l: Line, s: Style, w: number | undefined): string[] {
  const plain = `${l.label}${l.meta ? ` · ${l.meta}` : ""}${l.text ? ` — ${l.text}` : ""}`;
  const wrapped = wrap(plain, w, "• ", "  ");
  if (!s.on || wrapped.length === 0) return wrapped;
  // Colour the name on the first line only; wrapping is measured on the plain text.
  const first = wrapped[0] as string;
  const at = first.indexOf(l.label);
  wrapped[0] = at >= 0 ? `${first.slice(0, at)}${s.name(l.label)}${first.slice(at + l.label.length)}` : first;
  return wrapped;
}

function sources(view: PageView, s: Style, w: number | undefined): string[] {
  const { lang } = view.layout;
  const where = view.sourcesPage ? ` (--page ${view.sourcesPage})` : "";
  if (view.sources.length === 0)
    return [s.dim(`${fill(t(lang, "allSources"), { n: view.moreSources })}${where}`)];
  const out = [s.bold(view.allSources ? t(lang, "sourcesPageTitle") : `${t(lang, "sources")}:`)];
  for (const src of view.sources) {
    const at = src.url ?? src.locator;
    const asOf = fill(t(lang, "teamsAsOf"), { date: src.asOf });
    out.push(...wrap(`${src.title}${at ? ` — ${at}` : ""} (${asOf})`, w, `[${src.n}] `, "    ").map(s.dim));
  }
  if (view.moreSources > 0)
    out.push(s.dim(`${fill(t(lang, "sourcesMoreText"), { n: view.moreSources })}${where}`));
  return out;
}

/** Every page of the answer as plain text, one after the other: everything the answer says. */
export function renderAllText(answer: Answer): string {
  const first = pageOf(answer, 1);
  const rest = Array.from({ length: first.total - 1 }, (_, i) => renderPageText(pageOf(first.layout, i + 2)));
  return [renderPageText(first), ...rest].join("\n\n");
}
