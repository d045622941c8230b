/** Plain-text helpers for the layout: lengths, cuts and placeholders, the same for every platform. */

const CJK = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** Characters, with each CJK (wide) character counted twice: about how much room a text takes. */
export const weight = (text: string): number => text.length + (text.match(CJK)?.length ?? 0);

/** At most `max` wide-counted characters (a CJK character counts two), ending in "…" when cut. */
export function clip(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max / 2 || weight(clean) <= max) return clean;
  let used = 1; // the ellipsis
  let out = "";
  for (const ch of clean) {
    const w = weight(ch);
    if (used + w > max) break;
    out += ch;
    used += w;
  }
  return `${out.trimEnd() || Array.from(clean)[0]}…`;
}

const TRAILING_MARKERS = /((?:\s*\[\d+\])+)\s*$/;

/** Like `clip`, but the citation markers at the end survive the cut. */
export function clipCited(text: string, max: number): string {
  const m = TRAILING_MARKERS.exec(text);
  if (!m) return clip(text, max);
  const body = text.slice(0, m.index);
  const cites = m[1]?.trim() ?? "";
  return `${clip(body, Math.max(1, max - cites.length - 1))} ${cites}`;
}

/** The first sentence (up to ". " or "。"), else the whole text. */
export function firstSentence(text: string): string {
  const m = /^(.+?(?:[.!?](?=\s|$)|[。！？]))/u.exec(text.trim());
  return (m?.[1] ?? text).trim();
}

/** Fills `{name}` placeholders of a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? String(values[k]) : whole));
}

/** Citation markers: "[12]". */
export const CITATION = /\[(\d+)\]/g;
