import type { Answer, Lang, ProductView } from "../../core/answer.js";
import { t } from "../strings.js";
import { actionRows, fieldsSection, stateButton, urlButton } from "./elements.js";
import { LAYOUT, LIMITS } from "./limits.js";
import { escapeMrkdwn, truncateMrkdwn } from "./mrkdwn.js";
import type { KnownBlock } from "./types.js";

const field = (label: string, value: string): string => `*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}`;

export function productFields(item: ProductView, lang: Lang): string[] {
  return [
    field(t(lang, "vendor"), item.vendor),
    field(t(lang, "category"), item.categories.map((c) => c.name).join(lang === "zh" ? "、" : ", ")),
    field(t(lang, "delivery"), item.deliveryLabel),
    field(t(lang, "airGapped"), item.airGappedLabel),
  ];
}

/**
 * One product: its name and summary with the four facts as fields, then its buttons. A list shows a short
 * summary (the full one is behind "Details"); a single product shows everything, notes included.
 */
export function itemBlocks(answer: Answer, item: ProductView, index: number, full: boolean): KnownBlock[] {
  const { lang } = answer;
  const name = `*${escapeMrkdwn(item.name)}*`;
  const summary = escapeMrkdwn(item.summary);
  let text = `${name}\n${full ? summary : truncateMrkdwn(summary, LAYOUT.listSummary)}`;
  if (full && item.notes.length > 0) {
    text += `\n*${escapeMrkdwn(t(lang, "slackNotes"))}*\n${item.notes.map((n) => `• ${escapeMrkdwn(n.text)}`).join("\n")}`;
  }
  const section = fieldsSection(truncateMrkdwn(text, LIMITS.sectionText), productFields(item, lang));
  const buttons = [
    full && answer.items.length === 1
      ? undefined
      : stateButton("details", index, t(lang, "details"), {
          request: { type: "product", id: item.id, lang },
        }),
    stateButton("compareWith", index, t(lang, "compareWith"), {
      request: { type: "product", id: item.id, lang },
    }),
    item.url ? urlButton(index, t(lang, "officialSite"), item.url) : undefined,
  ];
  return [section, ...actionRows(buttons)];
}

/** Product names as column headings, then one section per attribute with one field per product. */
export function comparisonBlocks(answer: Answer & { intent: "compare" }): KnownBlock[][] {
  const { lang, items } = answer;
  const names = items.map((i) => i.name);
  const units: KnownBlock[][] = [];
  units.push([
    fieldsSection(
      undefined,
      names.map((n) => `*${escapeMrkdwn(n)}*`),
    ),
  ]);
  for (const row of answer.comparison.rows) {
    // Slack shows fields two per line on desktop and one per line on mobile, so each value names its product.
    const values = names.map((n, i) => `_${escapeMrkdwn(n)}_\n${escapeMrkdwn(row.values[i] ?? "—")}`);
    units.push([fieldsSection(`*${escapeMrkdwn(row.label)}*`, values)]);
  }
  const buttons = items.flatMap((item, i) => [
    stateButton("details", i, `${t(lang, "details")}: ${item.name}`, {
      request: { type: "product", id: item.id, lang },
    }),
    item.url ? urlButton(i, `${t(lang, "officialSite")}: ${item.name}`, item.url) : undefined,
  ]);
  units.push(actionRows(buttons, 4));
  return units;
}
