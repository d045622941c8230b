import type { KeyValueStore } from "./kv.js";

export const FEEDBACK_KEY = "paas-bot:feedback";
const MAX_EVENTS = 50_000;

/** One 👍 / 👎: what was answered, never what was asked (the question only as a keyed hash). */
export interface FeedbackEvent {
  at: string;
  verdict: "up" | "down";
  intent: string;
  lang: string;
  items: string[];
  /** The question's keyed hash, as in the access log. */
  qHash: string;
  catalogVersion: string;
  platform: string;
}

export function parseFeedback(value: unknown): FeedbackEvent | undefined {
  if (!value || typeof value !== "object") return undefined;
  const e = value as Partial<FeedbackEvent>;
  const ok =
    (e.verdict === "up" || e.verdict === "down") &&
    typeof e.intent === "string" &&
    typeof e.qHash === "string" &&
    Array.isArray(e.items);
  return ok ? (e as FeedbackEvent) : undefined;
}

export class FeedbackStore {
  constructor(readonly kv: KeyValueStore) {}

  record(event: FeedbackEvent): Promise<void> {
    return this.kv.push(FEEDBACK_KEY, JSON.stringify(event), MAX_EVENTS);
  }

  async recent(count = MAX_EVENTS): Promise<FeedbackEvent[]> {
    const raw = await this.kv.recent(FEEDBACK_KEY, count);
    return raw.flatMap((line) => {
      try {
        const e = parseFeedback(JSON.parse(line));
        return e ? [e] : [];
      } catch {
        return [];
      }
    });
  }
}

export interface FeedbackSummary {
  total: number;
  down: number;
  byIntent: { intent: string; up: number; down: number }[];
  byQuestion: { qHash: string; intent: string; down: number; up: number }[];
}

/** The most down-voted intents and questions (by hash), most down-votes first. */
export function summarize(events: readonly FeedbackEvent[], top = 10): FeedbackSummary {
  const intents = new Map<string, { up: number; down: number }>();
  const questions = new Map<string, { intent: string; up: number; down: number }>();
  for (const e of events) {
    const i = intents.get(e.intent) ?? { up: 0, down: 0 };
    i[e.verdict] += 1;
    intents.set(e.intent, i);
    const q = questions.get(e.qHash) ?? { intent: e.intent, up: 0, down: 0 };
    q[e.verdict] += 1;
    questions.set(e.qHash, q);
  }
  return {
    total: events.length,
    down: events.filter((e) => e.verdict === "down").length,
    byIntent: [...intents]
      .map(([intent, c]) => ({ intent, ...c }))
      .sort((a, b) => b.down - a.down || a.intent.localeCompare(b.intent))
      .slice(0, top),
    byQuestion: [...questions]
      .map(([qHash, c]) => ({ qHash, ...c }))
      .filter((q) => q.down > 0)
      .sort((a, b) => b.down - a.down)
      .slice(0, top),
  };
}
