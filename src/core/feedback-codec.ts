import { INTENTS, type Intent, type Lang } from "./answer.js";

/**
 * What a 👍 / 👎 button carries: what was answered (intent, language, item ids), the question's keyed
 * hash and the catalog version — never the words. The verdict is the button's own (its action id,
 * or `feedback` in a card's data).
 */
export interface FeedbackTarget {
  intent: Intent;
  lang: Lang;
  items: string[];
  /** The question's keyed hash, as in the access log ("" when unknown). */
  qHash: string;
  /** The catalog version that answered ("" when unknown). */
  catalog: string;
}

export type Verdict = "up" | "down";

export interface FeedbackVote extends FeedbackTarget {
  verdict: Verdict;
}

/** Slack's button value limit; Teams data has no tighter one that matters here. */
export const MAX_FEEDBACK_LENGTH = 2000;
/** Ids accepted at most, however short: a vote is about the first screens of an answer. */
export const MAX_FEEDBACK_ITEMS = 60;
/**
 * Ids a button carries: the first page's (8 list lines). Two buttons carry them, and a long list
 * would otherwise cost a Slack message hundreds of bytes.
 */
export const ENCODED_FEEDBACK_ITEMS = 8;

const ID = /^[a-z0-9-]{1,64}$/;
/** A keyed question hash and a catalog version are both 12 hex digits (or unknown: empty). */
const HASH = /^(?:[0-9a-f]{12})?$/;
const INTENT_SET = new Set<string>(INTENTS);
const isIntent = (v: unknown): v is Intent => typeof v === "string" && INTENT_SET.has(v);
const isLang = (v: unknown): v is Lang => v === "en" || v === "zh";
const isVerdict = (v: unknown): v is Verdict => v === "up" || v === "down";

/**
 * The compact text form of a Slack button value: `fb1|<intent>|<lang>|<qHash>|<catalog>|<id>,<id>…`
 * (no JSON, so nothing is escaped twice in the message). Ids are dropped from the end until the
 * value fits Slack's 2000 characters.
 */
export function encodeFeedbackValue(target: FeedbackTarget): string {
  const head = ["fb1", target.intent, target.lang, target.qHash, target.catalog].join("|");
  const ids: string[] = [];
  let length = head.length + 1;
  for (const id of target.items.slice(0, ENCODED_FEEDBACK_ITEMS)) {
    if (!ID.test(id)) continue;
    if (length + id.length + 1 > MAX_FEEDBACK_LENGTH) break;
    ids.push(id);
    length += id.length + 1;
  }
  return `${head}|${ids.join(",")}`;
}

/** Reads a Slack button value back; anything malformed or forged is undefined, never a throw. */
export function decodeFeedbackValue(value: unknown): FeedbackTarget | undefined {
  if (typeof value !== "string" || value.length > MAX_FEEDBACK_LENGTH) return undefined;
  const parts = value.split("|");
  if (parts.length !== 6 || parts[0] !== "fb1") return undefined;
  const [, intent, lang, qHash, catalog, ids] = parts as [string, string, string, string, string, string];
  const items = ids === "" ? [] : ids.split(",");
  return checked({ intent, lang, qHash, catalog, items });
}

/** The data of a card's 👍 / 👎 Action.Submit (Teams, the playground): `{feedback, intent, …}`. */
export function feedbackData(vote: FeedbackVote): Record<string, unknown> {
  const fitted = decodeFeedbackValue(encodeFeedbackValue(vote));
  return {
    feedback: vote.verdict,
    intent: vote.intent,
    lang: vote.lang,
    items: fitted?.items ?? [],
    qHash: vote.qHash,
    catalog: vote.catalog,
  };
}

const DATA_KEYS = new Set(["feedback", "intent", "lang", "items", "qHash", "catalog"]);

/**
 * Reads a card's submitted data back as a vote. `inputs` are the ids of the card's own inputs,
 * which Teams merges into the data of every submit: those keys are ignored, any other is forged.
 */
export function readFeedbackData(value: unknown, inputs: readonly string[] = []): FeedbackVote | undefined {
  if (!value || typeof value !== "object" || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) if (!DATA_KEYS.has(key) && !inputs.includes(key)) return undefined;
  if (!isVerdict(o.feedback)) return undefined;
  const target = checked(o);
  return target ? { verdict: o.feedback, ...target } : undefined;
}

/** Whether submitted data is meant as a vote (it has `feedback`), valid or not. */
export const isFeedbackData = (value: unknown): boolean =>
  !!value && typeof value === "object" && "feedback" in (value as object);

function checked(o: Record<string, unknown>): FeedbackTarget | undefined {
  const { intent, lang, qHash, catalog, items } = o;
  if (!isIntent(intent) || !isLang(lang)) return undefined;
  if (typeof qHash !== "string" || !HASH.test(qHash)) return undefined;
  if (typeof catalog !== "string" || !HASH.test(catalog)) return undefined;
  if (!Array.isArray(items) || items.length > MAX_FEEDBACK_ITEMS) return undefined;
  if (!items.every((id): id is string => typeof id === "string" && ID.test(id))) return undefined;
  return { intent, lang, qHash, catalog, items: [...items] };
}
