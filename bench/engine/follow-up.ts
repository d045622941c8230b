import type { Catalog } from "../../src/core/catalog/catalog.js";
import { coreEngine } from "../../src/core/port.js";
import { ConversationStore } from "../../src/store/conversations.js";
import { MemoryStore } from "../../src/store/kv.js";
import { collectGarbage, percentile, round } from "../lib/stats.js";

/** The scripted conversations: a question, then follow-ups of every kind. */
const SCRIPTS: readonly (readonly string[])[] = [
  [
    "which options work fully air-gapped?",
    "which of those are open source?",
    "and Huawei?",
    "compare the first two",
    "why?",
    "more",
  ],
  ["哪些方案支持全内网部署？", "这些里面哪些是国产的", "那华为呢", "对比前两个", "为什么", "更多"],
  ["list managed kubernetes services", "details of the third", "what about Rancher?"],
  ["Is Rancher open source?", "what about OpenShift?", "KubeSphere 呢"],
];

export interface FollowUpRow {
  /** Follow-up turns timed (the first message of each script is not a follow-up). */
  turns: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** p99 per kind of follow-up (refine, swap, position, why, more). */
  byKind: Record<string, number>;
}

/**
 * The cost of a follow-up turn as a front door pays it: load the previous turn from the
 * conversation store (in memory), `converse`, save the new turn.
 */
export async function benchFollowUps(catalog: Catalog, budgetMs: number): Promise<FollowUpRow> {
  const store = new ConversationStore(new MemoryStore(), 3600);
  let id = 0;
  const latencies: number[] = [];
  const kinds = new Map<string, number[]>();
  const run = async (timed: boolean) => {
    for (const script of SCRIPTS) {
      const conversation = `bench-${++id}`;
      for (const [i, q] of script.entries()) {
        const started = performance.now();
        const previous = await store.load(conversation);
        const reply = coreEngine.converse(q, catalog, previous);
        await store.save(conversation, reply.turn);
        const ms = performance.now() - started;
        if (!timed || i === 0) continue;
        latencies.push(ms);
        const kind = reply.followUp ?? "none";
        kinds.set(kind, [...(kinds.get(kind) ?? []), ms]);
      }
    }
  };
  await run(false);
  collectGarbage();
  const deadline = performance.now() + budgetMs;
  for (let pass = 0; pass < 5 || (performance.now() < deadline && pass < 2000); pass++) await run(true);
  return {
    turns: latencies.length,
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(percentile(latencies, 100)),
    byKind: Object.fromEntries([...kinds].map(([k, xs]) => [k, round(percentile(xs, 99))])),
  };
}
