/**
 * `npm run bench`: the engine at three catalog sizes, Slack and Teams over HTTP against the bare
 * frameworks, and process start-up and memory. Prints one table and writes it, with the details
 * behind it, to bench/results.json. Everything runs on 127.0.0.1. See bench/README.md.
 *
 *   npm run bench                      # the whole run (about 3 minutes on 2 cores)
 *   npm run bench -- --only engine     # one part: sizes | engine | http | process | reload
 *   npm run bench -- --only http --profile   # also CPU-profile our server under load
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { loadCatalog } from "../src/core/catalog/load.js";
import { LoadConnector } from "../tests/helpers/load-connector.js";
import { FakeSlackApi } from "../tests/helpers/slack-fake-api.js";
import { benchFollowUps, type FollowUpRow } from "./engine/follow-up.js";
import { benchEngine, type EngineRow } from "./engine/run.js";
import { comparePlatform, type HttpRow } from "./http/platforms.js";
import { benchProcesses, type ProcessRow } from "./http/process.js";
import { benchReload, type ReloadRow } from "./http/reload.js";
import { LABELS, ROOT, type ServerKind } from "./http/servers.js";
import { benchSizes, renderSizes, type SizeRow, sizeTargetsOf } from "./sizes/report.js";
import { formatTable, num } from "./table.js";
import { evaluate, FOLLOW_UP_TARGET, type Target } from "./targets.js";

const FACTORS = [1, 10, 100] as const;
const ENGINE_BUDGET_MS = 3000;
const LOAD = { connections: 16, durationSec: 5, warmupSec: 1 };
const STARTS = 3;
const PROCESS_KINDS: ServerKind[] = ["ours", "bare-slack", "bare-teams", "bare-both"];

const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
const wants = (part: "sizes" | "engine" | "http" | "process" | "reload") => !only || only === part;
const RELOAD_FACTORS = [1, 100] as const;
const RELOAD_LOAD = { connections: 8, durationSec: 4 };
const profileDir = process.argv.includes("--profile")
  ? mkdtempSync(join(tmpdir(), "paas-bot-profile-"))
  : undefined;

const started = performance.now();
const loadBefore = loadavg();
const logDir = mkdtempSync(join(tmpdir(), "paas-bot-bench-"));
const say = (msg: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${msg}\n`);

let engine: EngineRow[] = [];
let followUps: FollowUpRow | undefined;
const http: HttpRow[] = [];
let processes: ProcessRow[] = [];
const reloads: ReloadRow[] = [];

let sizes: SizeRow[] = [];
if (wants("sizes")) {
  say("sizes: page 1 of every answer on Slack, Teams and as text");
  sizes = benchSizes(ROOT);
}

if (wants("engine")) {
  say(`engine: catalogs ${FACTORS.join("×, ")}× (${ENGINE_BUDGET_MS / 1000} s of answers each)`);
  engine = benchEngine({
    knowledgeDir: join(ROOT, "knowledge"),
    factors: FACTORS,
    budgetMs: ENGINE_BUDGET_MS,
  });
  say("engine: follow-up turns (load the previous turn, converse, save; in-memory store)");
  followUps = await benchFollowUps(loadCatalog(join(ROOT, "knowledge")), ENGINE_BUDGET_MS / 2);
}

if (wants("http") || wants("process")) {
  const slackApi = await FakeSlackApi.start();
  const connector = await LoadConnector.start();
  const fakes = { slackApiUrl: slackApi.apiUrl };
  try {
    if (wants("process")) {
      say(`process: ${PROCESS_KINDS.join(", ")}, ${STARTS} starts each`);
      processes = await benchProcesses(PROCESS_KINDS, STARTS, fakes, logDir);
    }
    if (wants("http")) {
      const ctx = {
        fakes,
        connector,
        responseUrlBase: `${slackApi.origin}/response`,
        logDir,
        load: LOAD,
        distinct: 500,
        ...(profileDir ? { oursNodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {}),
      };
      for (const platform of ["slack", "teams"] as const) {
        say(`${platform}: ours vs bare, ${LOAD.connections} connections, 2 × ${LOAD.durationSec} s each`);
        const { ours, bare } = await comparePlatform(platform, ctx);
        http.push(ours, bare);
      }
    }
  } finally {
    await slackApi.close();
    await connector.close();
  }
}

if (wants("reload")) {
  for (const factor of RELOAD_FACTORS) {
    const reloadingSec = factor >= 100 ? 25 : 8;
    say(
      `reload: ${factor}× catalog, ${RELOAD_LOAD.durationSec} s quiet, then ${reloadingSec} s of back-to-back reloads`,
    );
    reloads.push(await benchReload(factor, { logDir, ...RELOAD_LOAD, reloadingSec }));
  }
}

const targets = [...sizeTargetsOf(sizes), ...evaluate(engine, http, processes, followUps)];
const measuredSpeed = engine.length + http.length + processes.length + reloads.length > 0;
const table = [
  sizes.length ? renderSizes(sizes) : "",
  measuredSpeed ? render(engine, http, processes, targets, reloads, followUps) : "",
]
  .filter(Boolean)
  .join("\n\n");
const loadAfter = loadavg();
const results = {
  when: new Date().toISOString(),
  machine: {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    loadavgBefore: loadBefore.map((x) => Math.round(x * 100) / 100),
    loadavgAfter: loadAfter.map((x) => Math.round(x * 100) / 100),
  },
  settings: { factors: FACTORS, engineBudgetMs: ENGINE_BUDGET_MS, load: LOAD, starts: STARTS },
  sizes,
  engine,
  followUps,
  http,
  process: processes,
  reload: reloads,
  targets,
  table,
  durationSec: Math.round((performance.now() - started) / 1000),
};
writeFileSync(join(ROOT, "bench", "results.json"), `${JSON.stringify(results, null, 2)}\n`);
rmSync(logDir, { recursive: true, force: true });

console.log(table);
if (profileDir)
  console.log(
    `\nCPU profiles of our server: ${profileDir} (top frames: npx tsx bench/profile-top.ts <file>)`,
  );
console.log(
  `\n${targets.filter((t) => t.ok).length}/${targets.length} targets hold. Load average ${loadBefore[0]?.toFixed(1)} → ${loadAfter[0]?.toFixed(1)} on ${cpus().length} CPUs; ${results.durationSec} s. Details: bench/results.json`,
);

function render(
  engine: EngineRow[],
  http: HttpRow[],
  processes: ProcessRow[],
  targets: Target[],
  reloadRows: ReloadRow[],
  followUpRow?: FollowUpRow,
): string {
  const rows: string[][] = [];
  const verdict = (name: string) => {
    const t = targets.find((x) => x.name === name);
    return t ? `${t.ok ? "ok" : "MISSED"}: ${t.value} ${t.op} ${t.limit}` : "";
  };
  const base = engine.find((r) => r.factor === 1);
  for (const r of engine) {
    const growth =
      base && r !== base
        ? `p50 ×${num(r.p50Ms / base.p50Ms)}, p99 ×${num(r.p99Ms / base.p99Ms)}, load ×${num(r.loadMs / base.loadMs)} vs 1×`
        : "";
    const target = r.factor === 1 ? "engine p99 (ms), real catalog" : "engine p99 (ms), 100× catalog";
    rows.push([
      `engine, ${r.factor === 1 ? "real catalog" : `${r.factor}× catalog`}`,
      `${r.products} products`,
      num(r.answersPerSec, "answers/s"),
      num(r.p50Ms, "ms"),
      num(r.p99Ms, "ms"),
      `load ${num(r.loadMs, "ms")} + 1st answer ${num(r.firstAnswerMs, "ms")}`,
      [r.factor === 1 || r.factor === 100 ? verdict(target) : "", growth].filter(Boolean).join("; "),
    ]);
  }
  if (followUpRow) {
    const kinds = Object.entries(followUpRow.byKind)
      .map(([k, ms]) => `${k} ${num(ms, "ms")}`)
      .join(", ");
    rows.push([
      "engine, follow-up turn (real catalog)",
      `${followUpRow.turns} turns`,
      "",
      num(followUpRow.p50Ms, "ms"),
      num(followUpRow.p99Ms, "ms"),
      `load turn + converse + save, in memory; p99 by kind: ${kinds}`,
      verdict(FOLLOW_UP_TARGET),
    ]);
  }
  for (const r of http) {
    const bare = http.find((x) => x.platform === r.platform && x.kind !== "ours");
    const name = `${r.platform} HTTP req/s, ours / bare`;
    const health = r.non2xx || r.errors ? ` (${r.non2xx} non-2xx, ${r.errors} errors!)` : "";
    rows.push([
      `${r.platform === "slack" ? "Slack /paas" : "Teams /api/messages"}: ${LABELS[r.kind]}`,
      `${r.connections} conns, ${r.durationSec} s`,
      num(r.requestsPerSec, "req/s"),
      num(r.p50Ms, "ms"),
      num(r.p99Ms, "ms"),
      `RSS after ${num(r.rssAfterMb, "MB")} (peak ${num(r.rssPeakMb, "MB")})`,
      (r.kind === "ours" && bare ? verdict(name) : "baseline") + health,
    ]);
  }
  const both = processes.find((p) => p.kind === "bare-both");
  for (const p of processes) {
    const ratio = both && p !== both ? `×${num(p.readyMs / both.readyMs)} of bare Bolt + botbuilder` : "";
    rows.push([
      `process: ${LABELS[p.kind]}`,
      `${p.readyRunsMs.length} starts`,
      "",
      "",
      "",
      `ready ${num(p.readyMs, "ms")}, RSS ${num(p.rssMb, "MB")}`,
      p.kind === "ours" ? verdict("start-up to ready, ours / bare Bolt + botbuilder") : ratio || "baseline",
    ]);
  }
  for (const r of reloadRows) {
    const catalog = r.factor === 1 ? "real" : `${r.factor}×`;
    rows.push([
      `event-loop stall during a reload, ${catalog} catalog`,
      "1 reload",
      "",
      "",
      num(r.stall.workerMaxMs, "ms"),
      `on the main thread it was ${num(r.stall.mainThreadMaxMs, "ms")}`,
      `max loop delay, worker vs main thread ×${num(r.stall.mainThreadMaxMs / Math.max(r.stall.workerMaxMs, 0.001))}`,
    ]);
    for (const route of ["ask", "health"] as const) {
      const quiet = r.quiet[route];
      for (const [phase, result] of [
        ["quiet", quiet],
        ["during reloads", r.reloading[route]],
      ] as const) {
        const health =
          result.non2xx || result.errors ? ` (${result.non2xx} non-2xx, ${result.errors} errors!)` : "";
        rows.push([
          `${route === "ask" ? "/api/ask" : "/healthz"} ${phase}, ${catalog} catalog`,
          `${route === "ask" ? RELOAD_LOAD.connections : 2} conns`,
          num(result.requestsPerSec, "req/s"),
          num(result.p50Ms, "ms"),
          num(result.p99Ms, "ms"),
          phase === "quiet" || route === "health"
            ? ""
            : `${r.reloads} reloads, median ${num(r.reloadMsMedian, "ms")} each (worker)`,
          (phase === "quiet"
            ? "baseline"
            : `p99 ×${num(result.p99Ms / Math.max(quiet.p99Ms, 0.001))} of quiet`) + health,
        ]);
      }
    }
  }
  return formatTable(
    ["row", "scale", "throughput", "p50", "p99", "start-up / memory", "target / growth"],
    rows,
  );
}
