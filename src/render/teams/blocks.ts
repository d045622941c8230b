import type { Lang } from "../../core/answer.js";
import type { NumberedSource } from "../layout/model.js";
import { t } from "../strings.js";
import { TEAMS_LIMITS as L } from "./limits.js";
import { clamp, fill, md, mdLink } from "./text.js";
import type { CardElement, Column, ColumnSet, Container, TextBlock } from "./types.js";

export const text = (value: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...extra,
});

/** A Markdown bullet list of already-escaped items; Teams' card Markdown separates list items with "\r". */
export const bulletList = (escaped: readonly string[]): string => escaped.map((b) => `- ${b}`).join("\r");

export function heading(title: string): TextBlock {
  return text(md(clamp(title, L.titleMaxChars)), { size: "Large", weight: "Bolder", style: "heading" });
}

/** A bold title over a body, as one container. */
export function titled(title: string | undefined, items: CardElement[]): Container {
  return {
    type: "Container",
    spacing: "Medium",
    items: [...(title ? [text(md(clamp(title, L.titleMaxChars)), { weight: "Bolder" })] : []), ...items],
  };
}

/** One ColumnSet per row: the row label, then one column per product (column i is columns[i]). */
export function comparisonBlock(
  columns: readonly string[],
  rows: readonly { label: string; values: readonly string[] }[],
): CardElement[] {
  const n = Math.min(columns.length, L.maxCompareProducts);
  const cell = (value: string | undefined, bold: boolean): TextBlock =>
    text(md(clamp(value?.trim() || "—", L.cellMaxChars)), bold ? { weight: "Bolder" } : {});
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
  return [
    row(undefined, columns, true),
    ...rows.slice(0, L.maxCompareRows).map((r) => row(r.label, r.values, false)),
  ];
}

/**
 * The sources a page cites, one line each with its number ("[12]", never a Markdown ordered list,
 * which readers renumber), small and subtle under the answer.
 */
export function sourcesBlock(
  sources: readonly NumberedSource[],
  lang: Lang,
  title: string,
): Container | undefined {
  if (sources.length === 0) return undefined;
  const lines = sources.map((s) => {
    const label = s.url
      ? mdLink(clamp(s.title, 80), s.url)
      : md(clamp(s.locator ? `${s.title} (${s.locator})` : s.title, 160));
    return text(`\\[${s.n}\\] ${label} (${md(fill(t(lang, "teamsAsOf"), { date: s.asOf }))})`, {
      size: "Small",
      isSubtle: true,
      spacing: "None",
    });
  });
  return {
    type: "Container",
    separator: true,
    spacing: "Medium",
    items: [text(md(title), { size: "Small", weight: "Bolder", isSubtle: true }), ...lines],
  };
}
