import { createHash } from "node:crypto";
import { parseTurn, type Turn } from "../core/conversation/turn.js";
import type { KeyValueStore } from "./kv.js";

export const DEFAULT_CONVERSATION_TTL_SECONDS = 24 * 60 * 60;
const PREFIX = "paas-bot:conversation:";

/**
 * The previous turn of each conversation (a Slack thread or DM, a Teams chat or reply chain, a
 * playground session). Keys are hashes of the platform's conversation id; values hold catalog
 * ids and attribute ids only, never what the user wrote.
 */
export class ConversationStore {
  constructor(
    readonly kv: KeyValueStore,
    private readonly ttlSeconds = DEFAULT_CONVERSATION_TTL_SECONDS,
  ) {}

  private key(conversationId: string): string {
    return PREFIX + createHash("sha256").update(conversationId).digest("hex").slice(0, 32);
  }

  async load(conversationId: string | undefined): Promise<Turn | undefined> {
    if (!conversationId) return undefined;
    const raw = await this.kv.get(this.key(conversationId));
    if (!raw) return undefined;
    try {
      return parseTurn(JSON.parse(raw));
    } catch {
      return undefined;
    }
  }

  async save(conversationId: string | undefined, turn: Turn | undefined): Promise<void> {
    if (!conversationId || !turn) return;
    await this.kv.set(this.key(conversationId), JSON.stringify(turn), this.ttlSeconds);
  }
}
