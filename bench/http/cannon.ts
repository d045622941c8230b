import autocannon from "autocannon";
import type { PreparedRequest } from "../../tests/helpers/load-signed.js";
import { round } from "../lib/stats.js";

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  durationSec: number;
  warmupSec: number;
}

/**
 * Fires the prepared requests in rotation at a fixed number of connections: first a short warm-up
 * (JIT, connection setup; discarded), then the measured run. Requests/s is completed requests over
 * the run's duration.
 */
export async function load(
  origin: string,
  requests: readonly PreparedRequest[],
  options: LoadOptions,
): Promise<LoadResult> {
  const run = (duration: number) =>
    autocannon({
      url: origin,
      connections: options.connections,
      duration,
      timeout: 10,
      requests: requests.map((r) => ({ method: r.method, path: r.path, headers: r.headers, body: r.body })),
    });
  if (options.warmupSec > 0) await run(options.warmupSec);
  const r = await run(options.durationSec);
  return {
    requestsPerSec: round(r.requests.total / r.duration),
    p50Ms: round(r.latency.p50),
    p99Ms: round(r.latency.p99),
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  };
}
