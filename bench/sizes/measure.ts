import type { Answer } from "../../src/core/answer.js";
import { renderPlainText } from "../../src/render/plain.js";
import { renderSlackMessage } from "../../src/render/slack/blocks.js";
import { renderAdaptiveCard } from "../../src/render/teams/card.js";
import { median, percentile } from "../lib/stats.js";

/** What one answer costs on each platform, page 1 as it is first sent. */
export interface AnswerSize {
  q: string;
  intent: string;
  slackBytes: number;
  slackBlocks: number;
  teamsBytes: number;
  textLines: number;
  /** The most sources any of the three renderings lists. */
  sourcesShown: number;
}

export interface SizeSummary {
  answers: number;
  slackBytes: { median: number; p90: number };
  slackBlocks: { median: number; p90: number };
  teamsBytes: { median: number; p90: number };
  textLines: { median: number; p90: number };
  sourcesShown: { median: number; p90: number; max: number };
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), "utf8");

/** Sources listed in a rendering: lines or entries that look like numbered sources. */
function countSources(slackJson: string, teamsJson: string, text: string): number {
  const textCount = (text.match(/^\[\d+\] /gm) ?? []).length;
  const slackCount = (slackJson.match(/\(\d{4}-\d{2}(?:-\d{2})?[,)]/g) ?? []).length;
  const teamsCount = (teamsJson.match(/\((?:as of|截至) \d{4}/g) ?? []).length;
  return Math.max(textCount, slackCount, teamsCount);
}

export function measure(q: string, answer: Answer): AnswerSize {
  const slack = renderSlackMessage(answer);
  const teams = renderAdaptiveCard(answer);
  const text = renderPlainText(answer);
  return {
    q,
    intent: answer.intent,
    slackBytes: bytes(slack),
    slackBlocks: slack.blocks.length,
    teamsBytes: bytes(teams),
    textLines: text.split("\n").length,
    sourcesShown: countSources(JSON.stringify(slack), JSON.stringify(teams), text),
  };
}

const spread = (xs: number[]) => ({ median: median(xs), p90: percentile(xs, 90) });

export function summarize(sizes: readonly AnswerSize[]): SizeSummary {
  const col = (k: keyof AnswerSize) => sizes.map((s) => s[k] as number);
  return {
    answers: sizes.length,
    slackBytes: spread(col("slackBytes")),
    slackBlocks: spread(col("slackBlocks")),
    teamsBytes: spread(col("teamsBytes")),
    textLines: spread(col("textLines")),
    sourcesShown: { ...spread(col("sourcesShown")), max: Math.max(0, ...col("sourcesShown")) },
  };
}
