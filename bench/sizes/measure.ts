import type { Answer } from "../../src/core/answer.js";
import { pageOf } from "../../src/render/layout/page.js";
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
  /** Top-level elements of the card body (the Teams counterpart of Slack's blocks). */
  teamsElements: number;
  textLines: number;
  /** The sources listed under page 1 (all three renderings list the same). */
  sourcesShown: number;
}

export interface SizeSummary {
  answers: number;
  slackBytes: { median: number; p90: number };
  slackBlocks: { median: number; p90: number };
  teamsBytes: { median: number; p90: number };
  teamsElements: { median: number; p90: number };
  textLines: { median: number; p90: number };
  sourcesShown: { median: number; p90: number; max: number };
}

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), "utf8");

/** What the servers put in the 👍 / 👎 buttons: a 12-hex question hash and catalog version. */
const FEEDBACK = { qHash: "0123456789ab", catalog: "0123456789ab" };

export function measure(q: string, answer: Answer): AnswerSize {
  const slack = renderSlackMessage(answer, { feedback: FEEDBACK });
  const teams = renderAdaptiveCard(answer, { feedback: FEEDBACK });
  const text = renderPlainText(answer);
  return {
    q,
    intent: answer.intent,
    slackBytes: bytes(slack),
    slackBlocks: slack.blocks.length,
    teamsBytes: bytes(teams),
    teamsElements: teams.body.length,
    textLines: text.split("\n").length,
    // Every renderer lists the sources of the layout's page: the same on Slack, Teams and in text.
    sourcesShown: pageOf(answer, 1).sources.length,
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
    teamsElements: spread(col("teamsElements")),
    textLines: spread(col("textLines")),
    sourcesShown: { ...spread(col("sourcesShown")), max: Math.max(0, ...col("sourcesShown")) },
  };
}
