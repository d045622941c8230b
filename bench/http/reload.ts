import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { readCatalogFiles, VENDOR_DIR } from "../../src/core/catalog/load.js";
import { QUESTIONS } from "../../tests/helpers/load-questions.js";
import type { PreparedRequest } from "../../tests/helpers/load-signed.js";
import { scaleCatalog } from "../engine/synthetic.js";
import { spawnServer } from "../lib/spawn.js";
import { median, round } from "../lib/stats.js";
import { type LoadResult, load } from "./cannon.js";
import { ROOT } from "./servers.js";

export interface ReloadRow {
  factor: number;
  /** Requests answered while nothing reloads. */
  quiet: LoadResult;
  /** The same load while the catalog is edited and reloaded (SIGHUP) back to back. */
  reloading: LoadResult;
  reloads: number;
  /** Median time of one reload, from the server's "catalog reloaded" lines (worker start included). */
  reloadMsMedian: number;
}

/**
 * p99 of answers while the catalog reloads: our server (`src/main.ts`, as `npm start` runs it) on
 * a catalog `factor` times the real one, first under load alone, then under the same load while a
 * vendor file is edited and SIGHUP sent again as soon as each reload is logged. A reload that
 * blocked the event loop would show up here as a p99 of its own length.
 */
export async function benchReload(
  factor: number,
  options: { logDir: string; connections: number; durationSec: number },
): Promise<ReloadRow> {
  const dir = mkdtempSync(join(tmpdir(), `paas-bot-reload-${factor}x-`));
  try {
    for (const [rel, text] of scaleCatalog(readCatalogFiles(join(ROOT, "knowledge")), factor)) {
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
    }
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
      const settings = { connections: options.connections, durationSec: options.durationSec, warmupSec: 1 };
      const quiet = await load(server.origin, requests, settings);

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
      const reloading = await load(server.origin, requests, { ...settings, warmupSec: 0 });
      running = false;
      await reloader;
      const times = [...server.output().matchAll(/"msg":"catalog reloaded".*?"latencyMs":([\d.]+)/g)].map(
        (m) => Number(m[1]),
      );
      return { factor, quiet, reloading, reloads: times.length, reloadMsMedian: round(median(times)) };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
