import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { buildCatalog, readCatalogFiles, VENDOR_DIR } from "../../src/core/catalog/load.js";
import { CatalogStore } from "../../src/server/catalog-store.js";
import { silentLogger } from "../../src/server/logger.js";
import { QUESTIONS } from "../../tests/helpers/load-questions.js";
import type { PreparedRequest } from "../../tests/helpers/load-signed.js";
import { scaleCatalog } from "../engine/synthetic.js";
import { spawnServer } from "../lib/spawn.js";
import { median, round } from "../lib/stats.js";
import { type LoadResult, load } from "./cannon.js";
import { ROOT } from "./servers.js";

/** Answers (`POST /api/ask`) and the liveness probe (`GET /healthz`, pure event-loop latency), side by side. */
export interface RouteLoads {
  ask: LoadResult;
  health: LoadResult;
}

/** The worst event-loop stall, in ms, while one reload runs: in a worker (ours) and on the main thread (before). */
export interface LoopStall {
  workerMaxMs: number;
  mainThreadMaxMs: number;
}

export interface ReloadRow {
  factor: number;
  /** Requests answered while nothing reloads. */
  quiet: RouteLoads;
  /** The same load while the catalog is edited and reloaded (SIGHUP) back to back. */
  reloading: RouteLoads;
  reloads: number;
  /** Median time of one reload, from the server's "catalog reloaded" lines (worker start included). */
  reloadMsMedian: number;
  /** Measured in this process, without HTTP: what a reload does to the event loop. */
  stall: LoopStall;
}

/**
 * p99 of answers while the catalog reloads: our server (`src/main.ts`, as `npm start` runs it) on
 * a catalog `factor` times the real one, first under load alone, then under the same load while a
 * vendor file is edited and SIGHUP sent again as soon as each reload is logged. A reload that
 * blocked the event loop would show up here as a p99 of its own length.
 */
export async function benchReload(
  factor: number,
  options: { logDir: string; connections: number; durationSec: number; reloadingSec: number },
): Promise<ReloadRow> {
  const dir = mkdtempSync(join(tmpdir(), `paas-bot-reload-${factor}x-`));
  try {
    for (const [rel, text] of scaleCatalog(readCatalogFiles(join(ROOT, "knowledge")), factor)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
    const stall = await loopStall(dir);
    const server = await spawnServer(
      `ours-reload-${factor}x`,
      "src/main.ts",
      { KNOWLEDGE_DIR: dir, LOG_LEVEL: "info", HOST: "127.0.0.1" },
      { cwd: ROOT, logDir: options.logDir, timeoutMs: 180_000 },
    );
    try {
      const requests: PreparedRequest[] = QUESTIONS.map(({ q }) => ({
        method: "POST",
        path: "/api/ask",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ q }),
      }));
      const health: PreparedRequest[] = [{ method: "GET", path: "/healthz", headers: {}, body: "" }];
      const both = async (durationSec: number, warmupSec: number): Promise<RouteLoads> => {
        const [ask, probe] = await Promise.all([
          load(server.origin, requests, { connections: options.connections, durationSec, warmupSec }),
          load(server.origin, health, { connections: 2, durationSec, warmupSec }),
        ]);
        return { ask, health: probe };
      };
      const quiet = await both(options.durationSec, 1);

      const edited = join(dir, VENDOR_DIR, "alibaba.yaml");
      const original = readFileSync(edited, "utf8");
      let running = true;
      let round_ = 0;
      const reloaded = () => (server.output().match(/"msg":"catalog reloaded"/g) ?? []).length;
      const reloader = (async () => {
        while (running) {
          round_ += 1;
          const before = reloaded();
          // A real change each time, so each reload parses and swaps in a new catalog.
          writeFileSync(edited, `${original}\n# bench edit ${round_}\n`);
          process.kill(server.pid, "SIGHUP");
          while (running && reloaded() === before) await new Promise((r) => setTimeout(r, 10));
        }
      })();
      // Long enough for several reloads to finish, so their hand-over is measured too.
      const reloading = await both(options.reloadingSec, 0);
      running = false;
      await reloader;
      const times = [...server.output().matchAll(/"msg":"catalog reloaded".*?"latencyMs":([\d.]+)/g)].map(
        (m) => Number(m[1]),
      );
      return { factor, quiet, reloading, reloads: times.length, reloadMsMedian: round(median(times)), stall };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The longest the event loop waits while one reload runs, measured with perf_hooks' event-loop
 * delay histogram: the worker reload as the server does it, then the same read-parse-check on the
 * main thread, as reloads ran before.
 */
async function loopStall(dir: string): Promise<LoopStall> {
  const store = CatalogStore.open(dir, silentLogger);
  const edited = join(dir, VENDOR_DIR, "alibaba.yaml");
  const original = readFileSync(edited, "utf8");
  const measure = async (run: () => Promise<unknown>) => {
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    histogram.enable();
    // The histogram measures from its first tick: let it start before the work does.
    await new Promise((r) => setTimeout(r, 20));
    await run();
    // One more turn, so a stall at the very end is recorded too.
    await new Promise((r) => setTimeout(r, 5));
    histogram.disable();
    return round(histogram.max / 1e6);
  };
  try {
    writeFileSync(edited, `${original}\n# stall 1\n`);
    const workerMaxMs = await measure(() => store.reload("bench"));
    writeFileSync(edited, `${original}\n# stall 2\n`);
    const mainThreadMaxMs = await measure(
      () => new Promise((resolve) => setImmediate(() => resolve(buildCatalog(readCatalogFiles(dir))))),
    );
    return { workerMaxMs, mainThreadMaxMs };
  } finally {
    writeFileSync(edited, original);
  }
}
