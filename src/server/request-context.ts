import { AsyncLocalStorage } from "node:async_hooks";
import { createHmac, randomBytes, randomUUID } from "node:crypto";

export type Platform = "slack" | "teams" | "playground" | "probe" | "http";

/** What one HTTP request learns as it runs, for its log line. Lives for the request's async work. */
export interface RequestContext {
  id: string;
  platform: Platform;
  intent?: string;
  lang?: string;
  /** The (last) answer the request got, for its access line. */
  answer?: AnswerNote;
  /** Set once the access line is written: an answer after that (a Slack event acked first) logs its own line. */
  logged?: boolean;
}

/** An answer as the access line reports it. */
export interface AnswerNote {
  /** The request type: ask, product, compare, help… */
  request: string;
  items: number;
  /** Engine time, summed over the request's answers, ms. */
  answerMs: number;
  /** How many answers the request got (the Home tab asks for two). */
  count: number;
  /**
   * The question, kept in memory only so its length and hash are computed when (and if) the line is
   * written. Never logged itself.
   */
  question?: string;
  /** The message refined the previous turn: how (refine, swap, position, more, why). */
  followUp?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export const runWithContext = <T>(ctx: RequestContext, fn: () => T): T => storage.run(ctx, fn);
export const currentContext = (): RequestContext | undefined => storage.getStore();

/** A caller's X-Request-Id is kept when it looks like an id (so traces join up); anything else is replaced. */
export function requestId(header: unknown): string {
  return typeof header === "string" && /^[A-Za-z0-9._:-]{8,128}$/.test(header) ? header : randomUUID();
}

/**
 * Keyed: an unsalted hash of a short question ("tcs", "rancher?") is found again by hashing
 * guesses. With QUESTION_HASH_KEY (a secret shared by the replicas) the same question has the same
 * hash everywhere and across restarts, so feedback can be grouped by question; without it the key
 * is random per process.
 */
const FINGERPRINT_KEY = process.env.QUESTION_HASH_KEY?.trim() || randomBytes(32);

/** How user text appears in logs at info level: its length and a short keyed hash, never the words. */
export function textFingerprint(text: string): { qLen: number; qHash: string } {
  return {
    qLen: text.length,
    qHash: createHmac("sha256", FINGERPRINT_KEY).update(text).digest("hex").slice(0, 12),
  };
}
