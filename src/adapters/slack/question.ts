import type { Lang } from "../../core/answer.js";

/** A question is short: what Slack sends beyond this (up to 40,000 characters) is cut before parsing. */
export const MAX_SLACK_TEXT_CHARS = 4000;
/** What reaches the engine, at most. */
export const MAX_QUESTION_CHARS = 2000;

/**
 * Turns Slack-formatted text back into what the person typed: drops the bot's own mention, turns other
 * `<…>` tokens into readable text, and decodes the three entities Slack escapes. The renderer escapes
 * everything again on the way out.
 *
 * Linear on any input: the text is cut first, and no token pattern may run over a `<`, so a failed
 * match gives up at the next `<` instead of rescanning the rest of the text from every `<`.
 */
export function questionFromSlack(text: string | undefined, botUserId?: string): string {
  if (!text) return "";
  return text
    .slice(0, MAX_SLACK_TEXT_CHARS)
    .replace(/<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>/g, (_m, id: string) => (id === botUserId ? " " : `@${id}`))
    .replace(/<#[A-Z0-9]+\|([^<>]*)>/g, (_m, name: string) => `#${name}`)
    .replace(/<!([a-z]+)(?:\^[^<>|]*)?(?:\|[^<>]*)?>/g, (_m, name: string) => `@${name}`)
    .replace(/<([^<>|]+)\|([^<>]*)>/g, (_m, _url: string, label: string) => label)
    .replace(/<([^<>]+)>/g, (_m, inner: string) => inner)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
}

const HELP_WORDS = new Map<string, Lang>([
  ["", "en"],
  ["help", "en"],
  ["?", "en"],
  ["帮助", "zh"],
  ["帮忙", "zh"],
  ["？", "zh"],
]);

/** `/paas`, `/paas help` or `/paas 帮助`: the language of the help to show, else undefined. */
export function helpLanguage(question: string): Lang | undefined {
  return HELP_WORDS.get(question.trim().toLowerCase());
}
