import { median, round } from "../lib/stats.js";
import { type Fakes, type ServerKind, start } from "./servers.js";

export interface ProcessRow {
  kind: ServerKind;
  /** Spawn to the first 200 from /readyz, median of the runs. */
  readyMs: number;
  readyRunsMs: number[];
  /** Resident memory at ready, median, MiB. */
  rssMb: number;
}

/**
 * Start-up and memory, each kind started `runs` times in turns (ours, bare, bare, … then again), so
 * a burst of load from elsewhere on the machine spreads over all kinds instead of hitting one.
 * One discarded start first warms tsx's transform cache, which a fresh clone has cold.
 */
export async function benchProcesses(
  kinds: readonly ServerKind[],
  runs: number,
  fakes: Fakes,
  logDir: string,
): Promise<ProcessRow[]> {
  const samples = new Map<ServerKind, { ready: number[]; rss: number[] }>(
    kinds.map((k) => [k, { ready: [], rss: [] }]),
  );
  for (const kind of kinds) await (await start(kind, fakes, logDir)).stop();
  for (let i = 0; i < runs; i++) {
    for (const kind of kinds) {
      const server = await start(kind, fakes, logDir);
      const s = samples.get(kind);
      s?.ready.push(server.readyMs);
      s?.rss.push(server.rssAtReadyMb);
      await server.stop();
    }
  }
  return kinds.map((kind) => {
    const s = samples.get(kind) ?? { ready: [], rss: [] };
    return {
      kind,
      readyMs: round(median(s.ready)),
      readyRunsMs: s.ready.map((x) => round(x)),
      rssMb: round(median(s.rss)),
    };
  });
}
