import { expect } from "vitest";
import type { Answer } from "../../src/core/answer.js";
import { renderSlackMessage } from "../../src/render/slack/blocks.js";
import { LAYOUT, LIMITS } from "../../src/render/slack/limits.js";
import { renderAdaptiveCard, renderTeamsMessage } from "../../src/render/teams/card.js";
import { TEAMS_LIMITS } from "../../src/render/teams/limits.js";
import {
  interactiveElements,
  limitViolations,
  mrkdwnTexts,
  unescapedTokens,
} from "../helpers/slack-blocks.js";
import { actionsOf, markdownOf } from "../helpers/teams-cards.js";
import { expectValidTeamsCard } from "../helpers/teams-render.js";

/** The only `<…>` tokens the Slack renderer may emit: its own links, `<url|label>`. */
const SLACK_LINK = /^<https?:\/\/[^|>\s]+\|[^>]+>$/;

/**
 * Hosts the fuzzers put in hostile text; no live link may ever point at one. (URL fields are the
 * catalog's own and may be odd, but never another scheme and never able to break out of a link.)
 */
const HOSTILE_HOST = /evil/i;

export interface Rendered {
  slackBlocks: number;
  teamsBytes: number;
}

/**
 * The answer renders for Slack within every Block Kit limit with nothing live but our own links,
 * and for Teams as a card the official library parses at 1.5 without an event, within Teams' size
 * budgets, with no live link, mention or template function from the text. Throws (via expect) with
 * the first thing wrong.
 */
export function expectRendersSafely(answer: Answer, label: string): Rendered {
  const slack = renderSlackMessage(answer, { shareable: true });
  expect(limitViolations(slack.blocks), `${label}: Slack limits`).toEqual([]);
  expect(slack.text.length, `${label}: Slack fallback text`).toBeGreaterThan(0);
  expect(slack.text.length, `${label}: Slack fallback text`).toBeLessThanOrEqual(LAYOUT.fallbackText);
  const texts = [...mrkdwnTexts(slack.blocks), slack.text];
  expect(unescapedTokens(texts, [SLACK_LINK]), `${label}: live Slack markup`).toEqual([]);
  // A link's label is plain text to Slack; only its target must be ours.
  for (const text of texts)
    for (const link of text.matchAll(/<([^|>]*)[|>]/g)) {
      expect(link[1], `${label}: Slack link to a hostile host`).not.toMatch(HOSTILE_HOST);
      expect(link[1], `${label}: Slack link target`).toMatch(/^https?:\/\/[^\s<>|]+$/);
    }
  for (const e of interactiveElements(slack.blocks)) {
    // A URL button's url is a JSON field, not markup: only the scheme matters here.
    if (e.url) expect(e.url, `${label}: Slack URL button`).toMatch(/^https?:\/\//);
    if (e.value) expect(e.value.length).toBeLessThanOrEqual(LIMITS.actionValue);
  }

  const card = renderAdaptiveCard(answer);
  expectValidTeamsCard(card, `${label}: Teams card`);
  const markdown = markdownOf(card).join("\n");
  for (const m of markdown.matchAll(/(?<!\\)\]\(([^)]*)\)/g))
    expect(m[1], `${label}: Teams Markdown link`).toMatch(/^https?:\/\/(?!\S*evil)[^\s()<>"]*$/);
  expect(markdown, `${label}: live <at> mention`).not.toMatch(/(?<!\\)<at>/i);
  expect(markdown, `${label}: live template function`).not.toMatch(/(?<!\\)\{\{/);
  expect(markdown, `${label}: live autolink`).not.toMatch(/(?<!\\)<https?:/i);
  for (const a of actionsOf(card))
    if (a.type === "Action.OpenUrl")
      expect(a.url, `${label}: OpenUrl`).toMatch(/^https?:\/\/(?!\S*evil)\S*$/);

  const message = renderTeamsMessage(answer);
  // titleMaxChars counts characters (code points), as clamp() does.
  expect(Array.from(message.summary).length, `${label}: Teams summary`).toBeLessThanOrEqual(
    TEAMS_LIMITS.titleMaxChars,
  );
  expect(Buffer.byteLength(message.text, "utf16le"), `${label}: Teams text fallback`).toBeLessThanOrEqual(
    TEAMS_LIMITS.cardMaxUtf16Bytes,
  );
  expect(message.text, `${label}: Teams text fallback link`).not.toMatch(/(?<!\\)\]\(\S*evil/);
  return { slackBlocks: slack.blocks.length, teamsBytes: Buffer.byteLength(JSON.stringify(card)) };
}
