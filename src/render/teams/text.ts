/**
 * Text helpers for Adaptive Cards. Teams applies a Markdown subset to TextBlock and FactSet text,
 * and the card renderer expands {{DATE(...)}} / {{TIME(...)}}; catalog and user text must show
 * literally, so every such string goes through `md()` before it lands in a card.
 */

/**
 * CommonMark lets any ASCII punctuation be escaped with a backslash, and Teams' renderer honours
 * that. We escape only what can start markup: emphasis, code, links/images, autolinks and <at>
 * tags, entity references, headings and list or quote markers at a line start, and the braces of
 * the card's date functions.
 */
export function md(text: string): string {
  return text
    .replace(/[\\`*_[\]<>{}~|]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "\\&")
    .replace(/^(\s*)([#+-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)([.)])/gm, "$1\\$2");
}

/** What a Markdown reader shows for `md(text)`: used by tests to prove the escape is lossless. */
export function unescapeMd(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, "$1");
}

/** Shortens to at most `max` characters (code points, so no half surrogate pairs), marking the cut. */
export function clamp(text: string, max: number): string {
  const trimmed = text.trim();
  // A code point is one or two UTF-16 units: a string no longer than `max` units fits, and one
  // longer than 2·max units does not. Only a prefix is split into code points, however long the text.
  if (trimmed.length <= max) return trimmed;
  const prefixUnits = 2 * Math.max(1, max);
  const long = trimmed.length > prefixUnits;
  const chars = Array.from(long ? trimmed.slice(0, prefixUnits) : trimmed);
  if (!long && chars.length <= max) return trimmed;
  return `${chars
    .slice(0, Math.max(1, max - 1))
    .join("")
    .trimEnd()}…`;
}

/** Shortens to at most `maxBytes` UTF-8 bytes (whole code points), marking the cut. */
export function clampBytes(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  let bytes = 3; // the ellipsis
  let end = 0;
  while (end < text.length) {
    const cp = text.codePointAt(end) ?? 0;
    // UTF-8 length of the code point; a lone surrogate is written as U+FFFD, 3 bytes.
    const next = bytes + (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);
    if (next > maxBytes) break;
    bytes = next;
    end += cp > 0xffff ? 2 : 1;
  }
  return `${text.slice(0, end)}…`;
}

export const utf8Bytes = (text: string): number => Buffer.byteLength(text, "utf8");

/** A JavaScript string's length is its count of UTF-16 code units. */
export const utf16Bytes = (text: string): number => text.length * 2;

/** The serialized JSON's size both ways Teams' limits are stated. */
export function jsonSize(value: unknown): { utf8: number; utf16: number } {
  const json = JSON.stringify(value);
  return { utf8: utf8Bytes(json), utf16: utf16Bytes(json) };
}

/** Fills `{name}` placeholders in a UI string. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

/**
 * An http(s) URL safe to put inside a Markdown link target or an Action.OpenUrl, or undefined.
 * Characters that could close the link target are percent-encoded.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return undefined;
  return parsed.href.replace(
    /[()<>\s"'\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

/** A Markdown link whose text is escaped, or the escaped text alone when the URL is not usable. */
export function mdLink(text: string, url: string | undefined): string {
  const href = safeUrl(url);
  return href ? `[${md(text)}](${href})` : md(text);
}

/** Hero card text is HTML-ish in Teams: neutralise tags and entities, then Markdown. */
export function heroText(text: string): string {
  return md(text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")).replace(/\\&/g, "&");
}
