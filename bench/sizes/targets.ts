import type { Target } from "../targets.js";
import type { SizeSummary } from "./measure.js";

const check = (name: string, value: number, limit: number): Target => ({
  name,
  value,
  op: "<=",
  limit,
  ok: value <= limit,
});

/** Issue 11's readability targets: answers read on a phone between meetings. */
export function sizeTargets(s: SizeSummary): Target[] {
  return [
    check("Slack message bytes, median", s.slackBytes.median, 4096),
    check("Slack message bytes, p90", s.slackBytes.p90, 8192),
    check("Slack blocks, p90", s.slackBlocks.p90, 15),
    check("Teams card bytes, median", s.teamsBytes.median, 5120),
    check("plain-text lines, median", s.textLines.median, 20),
    check("plain-text lines, p90", s.textLines.p90, 45),
    check("sources shown, max", s.sourcesShown.max, 6),
  ];
}
