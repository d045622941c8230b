import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeFeedbackValue } from "../../src/core/feedback-codec.js";
import { type ServerProcess, startServerProcess } from "../helpers/load-process.js";
import { hasRedisServer, type RedisServer, startRedis } from "../helpers/redis-server.js";

const ROOT = resolve(import.meta.dirname, "..", "..");
const present = hasRedisServer();
if (!present)
  console.warn(
    "skipping the Redis replica tests: redis-server is not installed (apt-get install redis-server)",
  );

// Confirmed first, then partly (KubeSphere: open-source downloads stopped in 2025).
const AIR_GAPPED_OPEN = ["rancher-rke", "redhat-acm", "rancher", "kubesphere"];

interface Asked {
  status: number;
  intent: string;
  items: string[];
  up?: string;
}

async function ask(server: ServerProcess, q: string, conversation: string): Promise<Asked> {
  const res = await fetch(`${server.origin}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ q, conversation }),
  });
  const body = (await res.json()) as {
    answer: { intent: string; items: { id: string }[] };
    slack: unknown;
  };
  const up = JSON.stringify(body.slack).match(
    /"action_id":"paas_fb_up","text":\{[^}]*\},"value":"([^"]*)"/,
  )?.[1];
  return {
    status: res.status,
    intent: body.answer?.intent,
    items: body.answer?.items.map((i) => i.id) ?? [],
    ...(up ? { up } : {}),
  };
}

async function vote(server: ServerProcess, value: string, verdict: "up" | "down"): Promise<number> {
  const res = await fetch(`${server.origin}/api/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ value, verdict }),
  });
  return res.status;
}

/** Waits (up to 20 s, never asserted) for a log line of a process. */
async function waitForLine(server: ServerProcess, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!server.lines().some((l) => pattern.test(l))) {
    if (Date.now() > deadline)
      throw new Error(`no log line ${pattern}:\n${server.lines().slice(-20).join("\n")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function feedbackReport(args: string[], env: Record<string, string>): string {
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/feedback.ts", ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
    encoding: "utf8",
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe.skipIf(!present)("two server processes sharing one redis-server", () => {
  let redis: RedisServer;
  let a: ServerProcess;
  let b: ServerProcess;
  const dir = mkdtempSync(join(tmpdir(), "paas-bot-replicas-"));

  beforeAll(async () => {
    redis = await startRedis();
    const env = { REDIS_URL: redis.url, LOG_LEVEL: "info" };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await redis?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers a follow-up that reaches the other process", async () => {
    const first = await ask(a, "which options work fully air-gapped?", "shared-1");
    expect(first.intent).toBe("filter");
    const second = await ask(b, "which of those are open source?", "shared-1");
    expect(second.items).toEqual(AIR_GAPPED_OPEN);
    const third = await ask(a, "and Huawei?", "shared-1");
    expect(third.items).toEqual(["huawei-mcp", "huawei-cce"]);
    // Both say where conversations live; neither logs the URL.
    for (const p of [a, b]) {
      expect(p.lines().some((l) => l.includes("conversations: in Redis"))).toBe(true);
      expect(p.lines().join("\n")).not.toContain(redis.url);
    }
  });

  it("records feedback from both in Redis; npm run feedback summarizes it from Redis or the logs", async () => {
    const fromA = await ask(a, "Which options work fully air-gapped?", "fb-a");
    const fromB = await ask(b, "对比 Rancher 和 OpenShift", "fb-b");
    expect(decodeFeedbackValue(fromA.up)?.intent).toBe("filter");
    expect(await vote(a, fromA.up as string, "down")).toBe(200);
    expect(await vote(b, fromA.up as string, "down")).toBe(200);
    expect(await vote(b, fromB.up as string, "up")).toBe(200);

    const fromRedis = feedbackReport([], { REDIS_URL: redis.url });
    expect(fromRedis).toMatch(/^3 feedback events, 2 👎 \(Redis\)/m);
    expect(fromRedis).toMatch(/\s2 👎\s+0 👍\s+filter/);
    expect(fromRedis).toMatch(/\s0 👎\s+1 👍\s+compare/);

    const log = join(dir, "both.log");
    writeFileSync(log, [...a.lines(), ...b.lines()].join("\n"));
    const fromLog = feedbackReport([log], {});
    expect(fromLog).toMatch(/^3 feedback events, 2 👎 \(log /m);
    expect(fromLog).not.toMatch(/air-gapped\?|对比/);
  });

  it("keeps answering while Redis is down (one log line, /readyz ready) and recovers by itself", async () => {
    await ask(a, "which options work fully air-gapped?", "outage");
    await redis.stop();
    for (let i = 0; i < 3; i++) {
      const list = await ask(a, "which options work fully air-gapped?", "outage");
      expect(list.status).toBe(200);
      expect(list.intent).toBe("filter");
      // No previous turn can be read: a follow-up says there is nothing to refine, it never fails.
      const follow = await ask(a, "which of those are open source?", "outage");
      expect(follow.status).toBe(200);
      expect(follow.intent).toBe("clarify");
    }
    expect((await fetch(`${a.origin}/readyz`)).status).toBe(200);
    const down = a.lines().filter((l) => l.includes("redis: unavailable"));
    expect(down).toHaveLength(1);

    redis = await startRedis(redis.port);
    await waitForLine(a, /redis: available again/);
    await ask(a, "which options work fully air-gapped?", "after");
    expect((await ask(a, "which of those are open source?", "after")).items).toEqual(AIR_GAPPED_OPEN);
    expect(a.lines().filter((l) => l.includes("redis: unavailable"))).toHaveLength(1);
  }, 60_000);
});
