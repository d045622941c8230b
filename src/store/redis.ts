import { Redis } from "ioredis";
import type { KeyValueStore } from "./kv.js";

export interface RedisStoreOptions {
  /** Called once when Redis stops answering, and once when it answers again. */
  onDown(error: unknown): void;
  onUp(): void;
  /** How long one command may take before the bot answers without it. */
  commandTimeoutMs?: number;
}

/**
 * Redis for several replicas. Every failure is absorbed: a get that cannot reach Redis returns
 * nothing (the message is answered as if it had no previous turn) and a set is dropped, so an
 * outage costs follow-ups, never answers. The client reconnects by itself.
 */
export class RedisStore implements KeyValueStore {
  readonly kind = "redis";
  private readonly client: Redis;
  private down = false;

  constructor(
    url: string,
    private readonly options: RedisStoreOptions,
  ) {
    this.client = new Redis(url, {
      lazyConnect: false,
      // Commands wait for a (re)connection at most commandTimeout: the user is waiting on them.
      enableOfflineQueue: true,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeoutMs ?? 500,
      connectTimeout: 2_000,
      retryStrategy: (times) => Math.min(times * 200, 2_000),
    });
    // ioredis emits errors as events; without a listener Node would crash the process.
    this.client.on("error", (error) => this.markDown(error));
    this.client.on("ready", () => this.markUp());
  }

  private markDown(error: unknown) {
    if (!this.down) {
      this.down = true;
      this.options.onDown(error);
    }
  }

  private markUp() {
    if (this.down) {
      this.down = false;
      this.options.onUp();
    }
  }

  private async guard<T>(work: () => Promise<T>, fallback: T): Promise<T> {
    try {
      const result = await work();
      this.markUp();
      return result;
    } catch (error) {
      this.markDown(error);
      return fallback;
    }
  }

  get(key: string): Promise<string | undefined> {
    return this.guard(async () => (await this.client.get(key)) ?? undefined, undefined);
  }

  set(key: string, value: string, ttlSeconds: number): Promise<void> {
    return this.guard(async () => {
      await this.client.set(key, value, "EX", Math.max(1, Math.round(ttlSeconds)));
    }, undefined);
  }

  push(key: string, value: string, maxLength: number): Promise<void> {
    return this.guard(async () => {
      await this.client
        .multi()
        .lpush(key, value)
        .ltrim(key, 0, maxLength - 1)
        .exec();
    }, undefined);
  }

  recent(key: string, count: number): Promise<string[]> {
    return this.guard(() => this.client.lrange(key, 0, count - 1), []);
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
