import type { Answer } from "./answer.js";
import { phrases } from "./phrases.js";

/** An answer before its text is written; distributive so each intent keeps its own fields. */
export type Draft = DistributiveOmit<Answer, "text">;
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** More products than this in one text are a wall, not an answer: the rest are counted. */
export const MAX_TEXT_ITEMS = 40;

/**
 * The plain-text form of an answer: what the CLI prints and what chat platforms show as the
 * notification fallback. Source ids are cited as [n], numbered in the answer's source order.
 */
export function plainText(answer: Draft): string {
  const p = phrases(answer.lang);
  const numbers = new Map(answer.sources.map((s, i) => [s.id, i + 1]));
  const ref = (ids: readonly string[]) => {
    const ns = ids.map((id) => numbers.get(id) ?? 0).filter((n) => n > 0);
    return ns.length ? ` [${[...new Set(ns)].join("][")}]` : "";
  };
  const lines: string[] = [answer.title, "", answer.summary];
  if (answer.intent === "categories") {
    lines.push("");
    answer.categories.forEach((c, i) => lines.push(`${i + 1}. ${c.name} (${c.productCount}): ${c.summary}`));
  }
  if (answer.intent === "other-players") {
    lines.push("");
    for (const v of answer.vendors) lines.push(`• ${v.name}: ${v.note}`);
  }
  if (answer.intent === "compare") {
    lines.push("");
    const names = answer.items.map((i) => i.name);
    for (const row of answer.comparison.rows) {
      lines.push(`${row.label}:`);
      row.values.forEach((v, i) => lines.push(`  - ${names[i]}: ${v}`));
    }
  } else if (answer.items.length) {
    lines.push("");
    // One product gets every detail; a list gets one compact entry a product.
    const single = answer.items.length === 1;
    answer.items.slice(0, MAX_TEXT_ITEMS).forEach((item, i) => {
      lines.push(`${i + 1}. ${item.name} — ${item.vendor}`);
      const cats = item.categories.map((c) => c.name).join(", ") || p.labels.none;
      lines.push(`   ${p.labels.categories}: ${cats}`);
      lines.push(`   ${p.labels.delivery}: ${item.deliveryLabel}`);
      lines.push(`   ${p.labels.airGapped}: ${single ? item.airGappedLabel : p.airGapped[item.airGapped]}`);
      if (!(single && answer.summary.includes(item.summary))) lines.push(`   ${item.summary}`);
      for (const n of item.notes) lines.push(`   • ${n.text}${ref(n.sources)}`);
      if (item.url) lines.push(`   ${p.labels.site}: ${item.url}`);
    });
  }
  const total = answer.totalItems ?? answer.items.length;
  if (total > Math.min(answer.items.length, MAX_TEXT_ITEMS) && answer.intent !== "compare") {
    const more = total - Math.min(answer.items.length, MAX_TEXT_ITEMS);
    lines.push(answer.lang === "zh" ? `… 另有 ${more} 个产品` : `… and ${more} more`);
  }
  if (answer.intent === "help") {
    lines.push("");
    for (const e of answer.examples) lines.push(`• ${e}`);
  }
  for (const section of answer.sections) {
    lines.push("", `${section.title}:`);
    for (const b of section.bullets) lines.push(`• ${b}`);
  }
  if (answer.sources.length) {
    lines.push("", `${p.sources}:`);
    answer.sources.forEach((s, i) => {
      const where = s.url ?? s.locator;
      lines.push(`[${i + 1}] ${s.title}${where ? ` — ${where}` : ""} (${p.asOf} ${s.asOf})`);
    });
  }
  if (answer.followUps.length) {
    lines.push("", `${p.tryAlso}: ${answer.followUps.map((f) => f.label).join(" | ")}`);
  }
  return lines.join("\n");
}
