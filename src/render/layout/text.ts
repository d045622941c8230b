/** Plain-text helpers for the layout: lengths, cuts and placeholders, the same for every platform. */

/** Whether a UTF-16 unit is a wide (CJK) character: Hangul Jamo, CJK, Hangul, compatibility and full-width forms. */
const isWideUnit = (c: number): boolean =>
  (c >= 0x1100 && c <= 0x115f) ||
  (c >= 0x2e80 && c <= 0xa4cf) ||
  (c >= 0xac00 && c <= 0xd7a3) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xff60) ||
  (c >= 0xffe0 && c <= 0xffe6);

/** Characters, with each CJK (wide) character counted twice: about how much room a text takes. */
export function weight(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) >= 0x1100 && isWideUnit(text.charCodeAt(i))) n++;
  return n;
}

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
