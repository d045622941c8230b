import type { PreparedRequest } from "./load-signed.js";

export interface Sent {
  status: number;
  body: string;
  /** Network failure (reset, refused), when there was no HTTP status. */
  error?: string;
}

export interface PoolReport {
  sent: number;
  /** Responses per HTTP status; 0 counts network failures. */
  statuses: Record<number, number>;
  /** A few examples of what went wrong, for the assertion message. */
  problems: string[];
  durationMs: number;
}

/**
 * Sends every request to `origin` with at most `concurrency` in flight, checking each response with
 * `check` (return a problem string, or undefined when all is well). Never rejects: failures are
 * counted, so one bad response cannot hide how many others there were.
 */
export async function sendAll(
  origin: string,
  requests: readonly PreparedRequest[],
  concurrency: number,
  check: (sent: Sent, request: PreparedRequest) => string | undefined = () => undefined,
): Promise<PoolReport> {
  const statuses: Record<number, number> = {};
  const problems: string[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (let i = next++; i < requests.length; i = next++) {
      const request = requests[i] as PreparedRequest;
      let sent: Sent;
      try {
        const res = await fetch(`${origin}${request.path}`, {
          method: request.method,
          headers: request.headers,
          body: request.body,
        });
        sent = { status: res.status, body: await res.text() };
      } catch (error) {
        sent = { status: 0, body: "", error: String((error as Error).cause ?? error) };
      }
      statuses[sent.status] = (statuses[sent.status] ?? 0) + 1;
      let problem: string | undefined;
      try {
        problem = sent.error ?? check(sent, request);
      } catch (error) {
        problem = `check failed: ${String(error)} on ${sent.body.slice(0, 200)}`;
      }
      if (problem && problems.length < 10) problems.push(`#${i} ${request.path}: ${problem}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, requests.length) }, worker));
  return { sent: requests.length, statuses, problems, durationMs: performance.now() - started };
}

/** Responses with a 5xx status (0 = no response at all counts too). */
export const failures = (r: PoolReport): number =>
  Object.entries(r.statuses)
    .filter(([s]) => Number(s) >= 500 || Number(s) === 0)
    .reduce((n, [, c]) => n + c, 0);
