import { type KeyValueStore, MemoryStore } from "./kv.js";
import { RedisStore } from "./redis.js";

export { ConversationStore, DEFAULT_CONVERSATION_TTL_SECONDS } from "./conversations.js";
export { type FeedbackEvent, FeedbackStore, summarize } from "./feedback.js";
export type { KeyValueStore } from "./kv.js";
export { MemoryStore } from "./kv.js";
export { RedisStore } from "./redis.js";

export interface StoreLog {
  warn(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
}

/** REDIS_URL set: Redis (shared by replicas); unset: in memory, nothing to install. */
export function openStore(redisUrl: string | undefined, log: StoreLog): KeyValueStore {
  if (!redisUrl) return new MemoryStore();
  return new RedisStore(redisUrl, {
    onDown: (error) =>
      log.warn("redis: unavailable; answering without follow-ups until it is back", {
        error: error instanceof Error ? error.message : String(error),
      }),
    onUp: () => log.info("redis: available again"),
  });
}
