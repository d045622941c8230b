/**
 * Slack mrkdwn helpers. Slack parses `<…>` as links and mentions (`<!channel>`, `<@U1>`, `<https://x|y>`),
 * so every piece of user or catalog text goes through `escapeMrkdwn` before it lands in a mrkdwn object.
 * Once escaped, a literal `<` exists only where we wrote a link or mention ourselves.
 */

export const ELLIPSIS = "…";

export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The longest prefix of `s` not longer than `limit` that does not end inside an entity, a `<…>` token or a surrogate pair. */
export function safeCutIndex(s: string, limit: number): number {
  let i = Math.max(0, Math.min(limit, s.length));
  if (i === s.length) return i;
  const amp = s.lastIndexOf("&", i - 1);
  // The longest entity we produce is "&amp;" (5 chars); an '&' further back is already closed.
  if (amp >= 0 && amp > i - 5) {
    const semi = s.indexOf(";", amp);
    if (semi === -1 || semi >= i) i = amp;
  }
  const open = s.lastIndexOf("<", i - 1);
  if (open > s.lastIndexOf(">", i - 1)) i = open;
  const code = s.charCodeAt(i - 1);
  if (i > 0 && code >= 0xd800 && code <= 0xdbff) i -= 1;
  return i;
}

/** Cuts already-escaped mrkdwn to at most `max` characters, ending with "…" when cut. */
export function truncateMrkdwn(escaped: string, max: number): string {
  if (escaped.length <= max) return escaped;
  const cut = safeCutIndex(escaped, max - ELLIPSIS.length);
  return escaped.slice(0, cut).trimEnd() + ELLIPSIS;
}

/** Cuts plain text (headers, button labels: Slack shows them verbatim) to at most `max` characters. */
export function truncatePlain(text: string, max: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= max) return clean;
  let cut = max - ELLIPSIS.length;
  const code = clean.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return clean.slice(0, cut).trimEnd() + ELLIPSIS;
}

/**
 * Splits already-escaped mrkdwn into chunks of at most `max` characters, preferring line breaks, then spaces.
 * Nothing is lost except where a single word is longer than `max`.
 */
export function splitMrkdwn(escaped: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = escaped.trim();
  while (rest.length > max) {
    const hard = safeCutIndex(rest, max);
    const window = rest.slice(0, hard);
    let cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = Math.max(cut, window.lastIndexOf(" "));
    // A space inside one of our `<url|title>` links is no place to split.
    cut = cut > 0 ? safeCutIndex(rest, cut) : 0;
    if (cut <= 0) cut = hard;
    if (cut <= 0) {
      // A single token longer than max (cannot happen with links we build): keep its head, drop the rest.
      chunks.push(truncateMrkdwn(rest, max));
      return chunks;
    }
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

const MAX_LINK_URL = 1000;
const MAX_LINK_TITLE = 200;

/** `<url|title>` for http(s) URLs; anything else (or absurdly long) shows as escaped text without a link. */
export function mrkdwnLink(url: string | undefined, title: string): string {
  const label = truncateMrkdwn(escapeMrkdwn(title.replace(/\s+/g, " ").trim() || url || ""), MAX_LINK_TITLE);
  if (!url || !isHttpUrl(url) || url.length > MAX_LINK_URL) return label;
  const safeUrl = escapeMrkdwn(url.replace(/\|/g, "%7C").replace(/\s/g, "%20"));
  return `<${safeUrl}|${label}>`;
}

export function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}

/** A user mention, only for real-looking Slack user ids; anything else is escaped text. */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]{2,20}$/.test(userId) ? `<@${userId}>` : escapeMrkdwn(userId);
}

/** Fills `{name}` placeholders of a UI string; values must already be in the target format. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
