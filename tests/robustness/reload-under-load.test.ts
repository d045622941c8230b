import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReloadResult } from "../../src/server/catalog-store.js";
import { type Sent, sendAll } from "../helpers/load-pool.js";
import { type LoadServer, startLoadServer } from "../helpers/load-server.js";
import { type PreparedRequest, signedSlashCommands, teamsMessages } from "../helpers/load-signed.js";
import { copyKnowledge } from "../server/helpers.js";

/**
 * Catalog reloads, good and broken, while Slack, Teams and the playground are busy: no request is
 * lost or answered from a half-loaded catalog, a broken file is refused and the last good catalog
 * keeps answering, and a good edit takes effect.
 */
const FILE = "vendors/alibaba.yaml";
const SUMMARY = "Alibaba Cloud's managed Kubernetes service";
const QUESTIONS = [
  "What is ACK?",
  "阿里云有哪些产品",
  "which options work fully air-gapped?",
  "对比 ACK 和 TKE",
];

/** Ways to break the file, each with the error code the reload must refuse it with. */
const BREAKS: [string, (t: string) => string, string][] = [
  [
    "YAML syntax",
    (t) => t.replace("categories: [managed-kubernetes]", "categories: [managed-kubernetes"),
    "CATALOG_YAML_SYNTAX",
  ],
  [
    "broken reference",
    (t) => t.replace("categories: [managed-kubernetes]", "categories: [nope]"),
    "CATALOG_BROKEN_REFERENCE",
  ],
  ["schema", (t) => t.replace("  id: alibaba\n", "  id: 42\n"), "CATALOG_SCHEMA"],
  ["truncated", (t) => t.slice(0, Math.floor(t.length / 2)), ""],
  ["emptied", () => "", "CATALOG_SCHEMA"],
];

let knowledge: ReturnType<typeof copyKnowledge>;
let s: LoadServer;
let original: string;
const path = () => join(knowledge.dir, FILE);

beforeAll(async () => {
  knowledge = copyKnowledge();
  original = readFileSync(path(), "utf8");
  s = await startLoadServer({ KNOWLEDGE_DIR: knowledge.dir });
});
afterAll(async () => {
  await s?.close();
  knowledge?.remove();
});

const ask = (n: number): PreparedRequest[] =>
  Array.from({ length: n }, () => ({
    method: "POST",
    path: "/api/ask",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ state: { r: { type: "product", id: "alibaba-ack", lang: "en" } } }),
  }));

function check(sent: Sent, request: PreparedRequest): string | undefined {
  if (sent.status !== 200) return `status ${sent.status}: ${sent.body.slice(0, 200)}`;
  if (request.path === "/slack/events" && !(JSON.parse(sent.body) as { blocks?: unknown[] }).blocks?.length)
    return "Slack ack without blocks";
  if (request.path === "/api/ask") {
    const body = JSON.parse(sent.body) as { answer: { intent: string; summary: string } };
    // Either the original summary or one of the good edits: never anything else.
    if (
      body.answer.intent !== "product" ||
      !/Alibaba Cloud's (EDIT \d+ )?managed Kubernetes/.test(body.answer.summary)
    )
      return `unexpected answer: ${body.answer.intent} ${body.answer.summary.slice(0, 80)}`;
  }
  return undefined;
}

describe("catalog reloads while requests are in flight", () => {
  it("loses none, refuses every broken file, applies every good edit", async () => {
    // Reloads run in a worker thread (well under a second each, longer under tsx): enough load to
    // outlast ten of them.
    const slack = signedSlashCommands(QUESTIONS, 1200, `${s.slackApi.origin}/response`);
    const teams = teamsMessages(QUESTIONS, 600, s.connector.url);
    const requests = slack.flatMap((r, i) => [
      r,
      ...(i % 2 ? [teams[i >> 1] as PreparedRequest] : []),
      ...(i % 4 ? [] : ask(1)),
    ]);
    const accepted = s.connector.accepted;
    let running = true;
    const load = sendAll(s.server.url, requests, 50, check).finally(() => {
      running = false;
    });

    const results: { what: string; expect: string; result: ReloadResult }[] = [];
    let lastGood = s.server.store.info().version;
    for (let round = 0; running; round++) {
      const [name, breakIt, code] = BREAKS[round % BREAKS.length] as (typeof BREAKS)[number];
      const good = original.replace(SUMMARY, `Alibaba Cloud's EDIT ${round} managed Kubernetes service`);
      writeFileSync(path(), good);
      results.push({ what: `good edit ${round}`, expect: "ok", result: await s.server.reload("test") });
      lastGood = s.server.store.info().version;
      await new Promise((resolve) => setTimeout(resolve, 15));
      writeFileSync(path(), breakIt(good));
      results.push({ what: name, expect: code || "refused", result: await s.server.reload("test") });
      expect(s.server.store.info().version, `${name}: still the last good catalog`).toBe(lastGood);
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    const report = await load;
    writeFileSync(path(), original);
    expect(await s.server.reload("test")).toMatchObject({ ok: true, changed: true });

    expect(report.problems).toEqual([]);
    expect(report.statuses).toEqual({ 200: requests.length });
    expect(s.connector.accepted - accepted).toBe(teams.length);
    // Enough reloads happened during the load for the test to mean something.
    expect(results.length).toBeGreaterThanOrEqual(2 * BREAKS.length);
    for (const { what, expect: wanted, result } of results) {
      if (wanted === "ok") expect(result, what).toMatchObject({ ok: true, changed: true });
      else {
        expect(result.ok, what).toBe(false);
        if (!result.ok && wanted !== "refused") expect(result.code, what).toBe(wanted);
      }
    }
    expect(s.log.errors).toEqual([]);
    expect(s.log.warnings.filter((l) => l.includes("catalog reload refused")).length).toBe(
      results.filter((r) => r.expect !== "ok").length,
    );
    expect(s.server.inFlight()).toBe(0);
  }, 120_000);
});
