import type { LoadConnector } from "../../tests/helpers/load-connector.js";
import { QUESTIONS } from "../../tests/helpers/load-questions.js";
import { type PreparedRequest, signedSlashCommands, teamsMessages } from "../../tests/helpers/load-signed.js";
import type { Spawned } from "../lib/spawn.js";
import { round } from "../lib/stats.js";
import { type LoadOptions, type LoadResult, load } from "./cannon.js";
import { type Fakes, type ServerKind, start } from "./servers.js";

export interface HttpRow extends LoadResult {
  platform: "slack" | "teams";
  kind: ServerKind;
  connections: number;
  durationSec: number;
  /** Resident memory after the runs, and its peak, MiB. */
  rssAfterMb: number;
  rssPeakMb: number;
}

export interface PlatformContext {
  fakes: Fakes;
  connector: LoadConnector;
  /** Where Slack's response_urls point (never called for slash commands acked with the answer). */
  responseUrlBase: string;
  logDir: string;
  load: LoadOptions;
  /** Distinct prepared requests rotated through; each connection cycles the list. */
  distinct: number;
  /** Extra node flags for our server only, e.g. --cpu-prof to see where its time goes. */
  oursNodeArgs?: readonly string[];
}

const questions = QUESTIONS.map((q) => q.q);

/**
 * Ours against the bare framework on one platform, in the order A B B A: each kind gets two
 * measured runs (on its own fresh process), one early and one late, so drift in the machine's load
 * over the minute weighs on both alike. The rows report the mean of the two.
 */
export async function comparePlatform(
  platform: "slack" | "teams",
  ctx: PlatformContext,
): Promise<{ ours: HttpRow; bare: HttpRow }> {
  const bareKind: ServerKind = platform === "slack" ? "bare-slack" : "bare-teams";
  const order: ServerKind[] = ["ours", bareKind, bareKind, "ours"];
  const runs = new Map<
    ServerKind,
    { result: LoadResult; server: Spawned; rss: { nowMb: number; peakMb: number } }[]
  >();
  for (const kind of order) {
    const server = await start(kind, ctx.fakes, ctx.logDir, kind === "ours" ? ctx.oursNodeArgs : []);
    try {
      const requests = prepare(platform, ctx);
      await precheck(platform, kind, server.origin, requests[0] as PreparedRequest, ctx.connector);
      const result = await load(server.origin, requests, ctx.load);
      const list = runs.get(kind) ?? [];
      list.push({ result, server, rss: server.rss() });
      runs.set(kind, list);
    } finally {
      await server.stop();
    }
  }
  const row = (kind: ServerKind): HttpRow => {
    const list = runs.get(kind) ?? [];
    const mean = (f: (r: LoadResult) => number) =>
      round(list.reduce((s, x) => s + f(x.result), 0) / list.length);
    const sum = (f: (r: LoadResult) => number) => list.reduce((s, x) => s + f(x.result), 0);
    return {
      platform,
      kind,
      connections: ctx.load.connections,
      durationSec: ctx.load.durationSec * list.length,
      requestsPerSec: mean((r) => r.requestsPerSec),
      p50Ms: mean((r) => r.p50Ms),
      p99Ms: mean((r) => r.p99Ms),
      requests: sum((r) => r.requests),
      non2xx: sum((r) => r.non2xx),
      errors: sum((r) => r.errors),
      rssAfterMb: Math.max(...list.map((x) => x.rss.nowMb)),
      rssPeakMb: Math.max(...list.map((x) => x.rss.peakMb)),
    };
  };
  return { ours: row("ours"), bare: row(bareKind) };
}

/** Signed just before each run: a timestamp stays valid for 5 minutes, a run lasts seconds. */
function prepare(platform: "slack" | "teams", ctx: PlatformContext): PreparedRequest[] {
  return platform === "slack"
    ? signedSlashCommands(questions, ctx.distinct, ctx.responseUrlBase)
    : teamsMessages(questions, ctx.distinct, ctx.connector.url);
}

/** One request by hand before the load: a server that answers 200 with the wrong thing must not be measured. */
async function precheck(
  platform: "slack" | "teams",
  kind: ServerKind,
  origin: string,
  request: PreparedRequest,
  connector: LoadConnector,
): Promise<void> {
  const accepted = connector.accepted;
  const res = await fetch(`${origin}${request.path}`, {
    method: "POST",
    headers: request.headers,
    body: request.body,
  });
  const text = await res.text();
  const fail = (why: string) => {
    throw new Error(`${kind} ${platform} precheck: ${why} (status ${res.status}: ${text.slice(0, 300)})`);
  };
  if (res.status !== 200) fail("not 200");
  if (platform === "slack") {
    const body = JSON.parse(text) as { text?: string; blocks?: unknown[] };
    if (kind === "ours" && !(body.blocks && body.blocks.length > 0)) fail("no blocks in the ack");
    if (kind !== "ours" && body.text !== "ok") fail("not the constant ack");
  } else if (connector.accepted !== accepted + 1) {
    fail(`the connector got ${connector.accepted - accepted} replies, expected 1`);
  }
}
