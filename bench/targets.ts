import type { FollowUpRow } from "./engine/follow-up.js";
import type { EngineRow } from "./engine/run.js";
import type { HttpRow } from "./http/platforms.js";
import type { ProcessRow } from "./http/process.js";
import { round } from "./lib/stats.js";

export interface Target {
  name: string;
  value: number;
  /** "<" : value must be below limit; ">=" : at least; "<=" : at most. */
  op: "<" | ">=" | "<=";
  limit: number;
  ok: boolean;
}

const check = (name: string, value: number, op: Target["op"], limit: number): Target => ({
  name,
  value: round(value),
  op,
  limit,
  ok: op === "<" ? value < limit : op === ">=" ? value >= limit : value <= limit,
});

/** The targets, each with the measured value. */
export const FOLLOW_UP_TARGET = "follow-up turn p99 (ms), in-memory store";

export function evaluate(
  engine: EngineRow[],
  http: HttpRow[],
  processes: ProcessRow[],
  followUps?: FollowUpRow,
): Target[] {
  const targets: Target[] = [];
  const at = (factor: number) => engine.find((r) => r.factor === factor);
  const real = at(1);
  const big = at(100);
  // Understanding rebuilt on a typed query must stay as fast as the first engine: p99 under 1 ms.
  if (real) targets.push(check("engine p99 (ms), real catalog", real.p99Ms, "<", 1));
  if (big) targets.push(check("engine p99 (ms), 100× catalog", big.p99Ms, "<", 20));
  // Issue 12: a follow-up turn (previous turn loaded, converse, new turn saved) stays cheap.
  if (followUps) targets.push(check(FOLLOW_UP_TARGET, followUps.p99Ms, "<", 2));
  for (const platform of ["slack", "teams"] as const) {
    const ours = http.find((r) => r.platform === platform && r.kind === "ours");
    const bare = http.find((r) => r.platform === platform && r.kind !== "ours");
    if (ours && bare)
      targets.push(
        check(`${platform} HTTP req/s, ours / bare`, ours.requestsPerSec / bare.requestsPerSec, ">=", 0.8),
      );
  }
  const ours = processes.find((p) => p.kind === "ours");
  const both = processes.find((p) => p.kind === "bare-both");
  if (ours && both)
    targets.push(
      check("start-up to ready, ours / bare Bolt + botbuilder", ours.readyMs / both.readyMs, "<=", 1.5),
    );
  return targets;
}
