import type { Lang, Request } from "./answer.js";

/** What a button carries: the request and, for paging, which page to show. */
export interface ButtonState {
  request: Request;
  page?: number;
}

/** Slack's action value limit; Teams data has no tighter one that matters here. */
export const MAX_ENCODED_LENGTH = 2000;

const isLang = (v: unknown): v is Lang => v === "en" || v === "zh";
const isId = (v: unknown): v is string => typeof v === "string" && /^[a-z0-9-]{1,64}$/.test(v);

export function encodeButtonState(state: ButtonState): string {
  const encoded = JSON.stringify(state.page ? { r: state.request, p: state.page } : { r: state.request });
  if (encoded.length <= MAX_ENCODED_LENGTH) return encoded;
  // Only a free-text question can be long; cut it rather than produce a value the platform rejects.
  if (state.request.type === "ask") {
    const over = encoded.length - MAX_ENCODED_LENGTH;
    const q = state.request.q.slice(0, Math.max(0, state.request.q.length - over - 16));
    return encodeButtonState({ ...state, request: { type: "ask", q } });
  }
  throw new RangeError(`button state too long (${encoded.length} chars)`);
}

/**
 * The short text form of a state that names catalog ids only (every request but a free-text
 * question): `<type>:<id>[,<id>…]:<lang>[:<page>]`, e.g. `product:rancher:en`, `compare:a,b:zh:2`,
 * `help::en`; a question is `q::<text>` or `q:<page>:<text>`. A Slack message carries a dozen of
 * these: JSON would cost ~40 bytes more each. The decoder reads both forms.
 */
export function encodeCompactState(state: ButtonState): string {
  const { request: r } = state;
  const page = state.page && state.page > 1 ? `:${state.page}` : "";
  // A question: `q:<page or nothing>:<text>`, the text last so it may hold anything, cut to fit.
  if (r.type === "ask") return `q:${page.slice(1)}:${r.q}`.slice(0, MAX_ENCODED_LENGTH);
  const ids = r.type === "compare" ? r.ids.join(",") : "id" in r ? r.id : "";
  return `${r.type}:${ids}:${r.lang}${page}`;
}

const COMPACT = /^([a-z]{4,10}):([a-z0-9,-]{0,300}):(en|zh)(?::(\d{1,3}))?$/;

const COMPACT_ASK = /^q:(\d{0,3}):([\s\S]*)$/;

function decodeCompact(value: string): unknown {
  const ask = COMPACT_ASK.exec(value);
  if (ask) {
    const r = { type: "ask", q: ask[2] };
    return ask[1] ? { r, p: Number(ask[1]) } : { r };
  }
  const m = COMPACT.exec(value);
  if (!m) return undefined;
  const [, type, ids = "", lang, page] = m;
  const r: Record<string, unknown> =
    type === "compare" ? { type, ids: ids.split(","), lang } : ids ? { type, id: ids, lang } : { type, lang };
  return page ? { r, p: Number(page) } : { r };
}

/** Parses what a button sent back; anything malformed or forged gives undefined, never a throw. */
export function decodeButtonState(value: unknown): ButtonState | undefined {
  let raw: unknown = value;
  if (typeof value === "string" && !value.startsWith("{")) {
    if (value.length > MAX_ENCODED_LENGTH) return undefined;
    raw = decodeCompact(value);
  } else if (typeof value === "string") {
    if (value.length > MAX_ENCODED_LENGTH * 2) return undefined;
    try {
      raw = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (!raw || typeof raw !== "object") return undefined;
  const { r, p } = raw as { r?: unknown; p?: unknown };
  const request = parseRequest(r);
  if (!request) return undefined;
  const page = typeof p === "number" && Number.isInteger(p) && p > 0 && p < 1000 ? p : undefined;
  return page ? { request, page } : { request };
}

function parseRequest(r: unknown): Request | undefined {
  if (!r || typeof r !== "object") return undefined;
  const o = r as Record<string, unknown>;
  if (o.type === "ask") return typeof o.q === "string" ? { type: "ask", q: o.q.slice(0, 4000) } : undefined;
  if (!isLang(o.lang)) return undefined;
  const lang = o.lang;
  switch (o.type) {
    case "product":
    case "category":
    case "vendor":
    case "topic":
      return isId(o.id) ? { type: o.type, id: o.id, lang } : undefined;
    case "compare":
      return Array.isArray(o.ids) && o.ids.length >= 2 && o.ids.length <= 4 && o.ids.every(isId)
        ? { type: "compare", ids: o.ids as string[], lang }
        : undefined;
    case "categories":
    case "help":
      return { type: o.type, lang };
    default:
      return undefined;
  }
}
