import { createHmac, randomBytes } from "node:crypto";
import type { Request } from "../core/answer.js";
import type { Catalog } from "../core/catalog/catalog.js";
import type { FeedbackVote } from "../core/feedback-codec.js";
import type { ConversationReply, QuestionEngine, Turn } from "../core/port.js";
import { ConversationStore } from "../store/conversations.js";
import { type FeedbackEvent, FeedbackStore } from "../store/feedback.js";
import { MemoryStore } from "../store/kv.js";

/** What the 👍 / 👎 buttons of an answer carry besides the answer itself: never the words. */
export interface FeedbackTag {
  qHash: string;
  catalog: string;
}

export interface ConversationsOptions {
  /** Where turns live (default: a store in memory of this process). */
  store?: ConversationStore;
  /** Where votes go (default: in memory). */
  feedback?: FeedbackStore;
  /** One log line per vote, `{"msg":"feedback","feedback":{…}}` (default: none). */
  logFeedback?: (event: FeedbackEvent) => void;
  /** The question's keyed hash, as in the access log (default: keyed with a random key of its own). */
  hash?: (text: string) => string;
  /** The version of the catalog answering (default: ""), e.g. CatalogStore's. */
  catalogVersion?: () => string;
}

const OWN_KEY = randomBytes(32);
const ownHash = (text: string) => createHmac("sha256", OWN_KEY).update(text).digest("hex").slice(0, 12);

/**
 * What every front door (Slack, Teams, the playground) shares around the engine: the previous turn
 * of a conversation, loaded before the engine answers and saved after; the tag the 👍 / 👎 buttons
 * carry; and recording a vote. The store absorbs its own outages (an answer without a previous
 * turn), so nothing here stops an answer.
 */
export class Conversations {
  readonly store: ConversationStore;
  readonly feedbackStore: FeedbackStore;
  private readonly hash: (text: string) => string;

  constructor(private readonly options: ConversationsOptions = {}) {
    const kv = options.store?.kv ?? options.feedback?.kv ?? new MemoryStore();
    this.store = options.store ?? new ConversationStore(kv);
    this.feedbackStore = options.feedback ?? new FeedbackStore(kv);
    this.hash = options.hash ?? ownHash;
  }

  /**
   * Answers a message of a conversation: its previous turn (none without an id, or when the store
   * cannot answer), the engine, then the new turn saved. The engine's failures are the caller's.
   */
  async converse(
    engine: QuestionEngine,
    catalog: Catalog,
    conversationId: string | undefined,
    question: string,
  ): Promise<ConversationReply> {
    const previous = await this.load(conversationId);
    const reply = engine.converse(question, catalog, previous);
    await this.save(conversationId, reply.turn);
    return reply;
  }

  async load(conversationId: string | undefined): Promise<Turn | undefined> {
    if (!conversationId) return undefined;
    try {
      return await this.store.load(conversationId);
    } catch {
      return undefined;
    }
  }

  async save(conversationId: string | undefined, turn: Turn | undefined): Promise<void> {
    if (!conversationId || !turn) return;
    try {
      await this.store.save(conversationId, turn);
    } catch {
      // A lost turn costs the next follow-up, never this answer.
    }
  }

  /** The tag for an answer to a question (its keyed hash) or to a button (the request's hash). */
  tag(about: string | Request): FeedbackTag {
    const text = typeof about === "string" ? about : about.type === "ask" ? about.q : JSON.stringify(about);
    return { qHash: this.hash(text), catalog: this.catalogVersion() };
  }

  catalogVersion(): string {
    return this.options.catalogVersion?.() ?? "";
  }

  /** Records one vote: in the feedback store and as one log line. Never throws. */
  async recordFeedback(vote: FeedbackVote, platform: string): Promise<FeedbackEvent> {
    const event: FeedbackEvent = {
      at: new Date().toISOString(),
      verdict: vote.verdict,
      intent: vote.intent,
      lang: vote.lang,
      items: vote.items,
      qHash: vote.qHash,
      catalogVersion: vote.catalog,
      platform,
    };
    try {
      this.options.logFeedback?.(event);
    } catch {
      // Logging never stops the acknowledgement.
    }
    try {
      await this.feedbackStore.record(event);
    } catch {
      // The store absorbs its outages; a memory store cannot fail. Nothing else to do.
    }
    return event;
  }
}
