/**
 * The little a conversation needs from storage: values with an expiry, and a capped list for
 * feedback events. Two implementations: in memory (default) and Redis (REDIS_URL, many replicas).
 */
export interface KeyValueStore {
  readonly kind: "memory" | "redis";
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Appends to a list kept to its newest `maxLength` entries. */
  push(key: string, value: string, maxLength: number): Promise<void>;
  /** The newest `count` entries of a list, newest first. */
  recent(key: string, count: number): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * In memory: bounded (oldest entries go first), expiring, nothing to set up. Conversations are per
 * process, so with several replicas a follow-up may reach one that never saw the first message.
 */
export class MemoryStore implements KeyValueStore {
  readonly kind = "memory";
  private readonly values = new Map<string, { value: string; expires: number }>();
  private readonly lists = new Map<string, string[]>();

  constructor(
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const entry = this.values.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.values.delete(key);
      return undefined;
    }
    return entry.value;
  }

  async set(key: string, value: string, ttlSeconds: number): Promise<void> {
    // Re-inserting moves the key to the end, so the Map's order is least recently written first.
    this.values.delete(key);
    this.values.set(key, { value, expires: this.now() + ttlSeconds * 1000 });
    while (this.values.size > this.maxEntries) {
      const oldest = this.values.keys().next().value as string;
      this.values.delete(oldest);
    }
  }

  async push(key: string, value: string, maxLength: number): Promise<void> {
    const list = this.lists.get(key) ?? [];
    list.push(value);
    if (list.length > maxLength) list.splice(0, list.length - maxLength);
    this.lists.set(key, list);
  }

  async recent(key: string, count: number): Promise<string[]> {
    return [...(this.lists.get(key) ?? [])].reverse().slice(0, count);
  }

  async close(): Promise<void> {
    this.values.clear();
    this.lists.clear();
  }
}
