import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Turn } from "../../src/core/conversation/turn.js";
import {
  ConversationStore,
  FeedbackStore,
  MemoryStore,
  RedisStore,
  summarize,
} from "../../src/store/index.js";
import { hasRedisServer, type RedisServer, startRedis } from "../helpers/redis-server.js";

const turn: Turn = {
  v: 1,
  lang: "en",
  intent: "filter",
  items: ["kubesphere", "rancher"],
  page: 1,
  query: {
    intents: ["list"],
    products: [],
    vendors: [],
    excludedProducts: [],
    excludedVendors: [],
    constraints: [{ attribute: "air-gapped", want: true, from: "asked" }],
    scopes: [],
    delivery: [],
    privateEdition: false,
    yesNo: false,
  },
};

describe("memory store", () => {
  it("expires values and keeps at most its bound", async () => {
    let now = 1_000;
    const kv = new MemoryStore(2, () => now);
    await kv.set("a", "1", 10);
    await kv.set("b", "2", 10);
    await kv.set("c", "3", 10);
    expect(await kv.get("a")).toBeUndefined();
    expect(await kv.get("c")).toBe("3");
    now += 11_000;
    expect(await kv.get("c")).toBeUndefined();
  });

  it("keeps capped lists, newest first", async () => {
    const kv = new MemoryStore();
    for (const v of ["1", "2", "3", "4"]) await kv.push("l", v, 3);
    expect(await kv.recent("l", 10)).toEqual(["4", "3", "2"]);
  });
});

describe("conversation store", () => {
  it("round-trips a turn, keyed by a hash of the conversation id", async () => {
    const kv = new MemoryStore();
    const store = new ConversationStore(kv, 60);
    await store.save("T1:C1:1700000000.000100", turn);
    expect(await store.load("T1:C1:1700000000.000100")).toEqual(turn);
    expect(await store.load("T1:C1:other")).toBeUndefined();
    expect(await store.load(undefined)).toBeUndefined();
  });

  it("never keeps the user's words", async () => {
    const kv = new MemoryStore();
    await new ConversationStore(kv).save("c", turn);
    const raw =
      [...(kv as unknown as { values: Map<string, { value: string }> }).values.values()][0]?.value ?? "";
    expect(raw).not.toMatch(/folded|which options/);
  });

  it("treats a malformed stored value as no previous turn", async () => {
    const kv = new MemoryStore();
    const store = new ConversationStore(kv);
    await store.save("c", turn);
    const key = [...(kv as unknown as { values: Map<string, unknown> }).values.keys()][0] as string;
    for (const bad of [
      "not json",
      "{}",
      JSON.stringify({ ...turn, page: 0 }),
      JSON.stringify({ ...turn, items: [1] }),
    ]) {
      await kv.set(key, bad, 60);
      expect(await store.load("c")).toBeUndefined();
    }
  });
});

describe("feedback", () => {
  it("summarises the most down-voted intents and questions", async () => {
    const fb = new FeedbackStore(new MemoryStore());
    const base = {
      at: "2026-11-30T00:00:00Z",
      lang: "en",
      items: [],
      catalogVersion: "v",
      platform: "slack",
    };
    await fb.record({ ...base, verdict: "down", intent: "filter", qHash: "q1" });
    await fb.record({ ...base, verdict: "down", intent: "filter", qHash: "q1" });
    await fb.record({ ...base, verdict: "up", intent: "product", qHash: "q2" });
    await fb.record({ ...base, verdict: "down", intent: "compare", qHash: "q3" });
    const s = summarize(await fb.recent());
    expect(s).toMatchObject({ total: 4, down: 3 });
    expect(s.byIntent[0]).toEqual({ intent: "filter", up: 0, down: 2 });
    expect(s.byQuestion.map((q) => q.qHash)).toEqual(["q1", "q3"]);
  });
});

const redisReason = hasRedisServer() ? "" : "redis-server is not installed (apt-get install redis-server)";
if (redisReason) console.warn(`skipping Redis tests: ${redisReason}`);

describe.skipIf(!!redisReason)("redis store (real redis-server on loopback)", () => {
  let server: RedisServer;
  beforeAll(async () => {
    server = await startRedis();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("shares turns and feedback between two clients, as two replicas would", async () => {
    const events: string[] = [];
    const opts = { onDown: () => events.push("down"), onUp: () => events.push("up") };
    const a = new RedisStore(server.url, opts);
    const b = new RedisStore(server.url, opts);
    await new ConversationStore(a, 60).save("chat-1", turn);
    expect(await new ConversationStore(b, 60).load("chat-1")).toEqual(turn);
    await new FeedbackStore(a).record({
      at: "x",
      verdict: "down",
      intent: "filter",
      lang: "en",
      items: [],
      qHash: "h",
      catalogVersion: "v",
      platform: "slack",
    });
    expect((await new FeedbackStore(b).recent()).map((e) => e.qHash)).toEqual(["h"]);
    await a.close();
    await b.close();
  });

  it("answers without Redis while it is down, says so once, and recovers by itself", async () => {
    const own = await startRedis();
    const events: string[] = [];
    const kv = new RedisStore(own.url, { onDown: () => events.push("down"), onUp: () => events.push("up") });
    const store = new ConversationStore(kv, 60);
    await store.save("c", turn);
    expect(await store.load("c")).toEqual(turn);
    await own.stop();
    expect(await store.load("c")).toBeUndefined();
    await store.save("c", turn);
    expect(await store.load("c")).toBeUndefined();
    expect(events.filter((e) => e === "down")).toHaveLength(1);
    const again = await startRedis(own.port);
    for (let i = 0; i < 50 && !events.includes("up"); i++) await new Promise((r) => setTimeout(r, 100));
    expect(events).toContain("up");
    await store.save("c", turn);
    expect(await store.load("c")).toEqual(turn);
    await kv.close();
    await again.stop();
  });
});
