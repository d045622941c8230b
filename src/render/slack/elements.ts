import type { ButtonState } from "../../core/request-codec.js";
import { encodeButtonState, encodeCompactState } from "../../core/request-codec.js";
import { type ActionName, actionId } from "./actions.js";
import { LAYOUT, LIMITS } from "./limits.js";
import { isHttpUrl, splitMrkdwn, truncateMrkdwn, truncatePlain } from "./mrkdwn.js";
import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  KnownBlock,
  MrkdwnElement,
  PlainTextElement,
  SectionBlock,
} from "./types.js";

// Slack rejects empty text objects; an em dash reads as "nothing here".
const nonEmpty = (s: string): string => (s.trim().length > 0 ? s : "—");

export const plain = (text: string, max: number): PlainTextElement => ({
  type: "plain_text",
  text: truncatePlain(nonEmpty(text), max),
});

/**
 * `verbatim: true` stops Slack from auto-linking channel names and parsing bare mentions in catalog or user
 * text; the links and mentions we build with `<…>` still work.
 */
export const mrkdwn = (escaped: string, max: number): MrkdwnElement => ({
  type: "mrkdwn",
  text: truncateMrkdwn(nonEmpty(escaped), max),
  verbatim: true,
});

export const header = (title: string): HeaderBlock => ({
  type: "header",
  text: plain(title, LIMITS.headerText),
});

/** One section per 3000-character chunk, so long text continues in the next block instead of being cut. */
export const sections = (escaped: string): SectionBlock[] =>
  splitMrkdwn(nonEmpty(escaped), LIMITS.sectionText).map((chunk) => ({
    type: "section",
    text: mrkdwn(chunk, LIMITS.sectionText),
  }));

/** A section with up to 10 fields; Slack wants text or fields, so with neither it shows "—". */
export const fieldsSection = (escapedText: string | undefined, fields: string[]): SectionBlock => {
  const block: SectionBlock = { type: "section" };
  if (escapedText !== undefined || fields.length === 0)
    block.text = mrkdwn(escapedText ?? "", LIMITS.sectionText);
  if (fields.length > 0)
    block.fields = fields.slice(0, LIMITS.sectionFields).map((f) => mrkdwn(f, LIMITS.fieldText));
  return block;
};

export const context = (escapedTexts: string[], blockId?: string): ContextBlock => {
  const block: ContextBlock = {
    type: "context",
    elements: escapedTexts.slice(0, LIMITS.contextElements).map((t) => mrkdwn(t, LIMITS.contextText)),
  };
  if (blockId) block.block_id = blockId.slice(0, LIMITS.blockId);
  return block;
};

/** A button whose value carries the request (and page) to answer, so any replica can answer the click. */
export function stateButton(
  name: ActionName,
  index: number | undefined,
  label: string,
  state: ButtonState,
  style?: "primary",
): Button | undefined {
  let value: string;
  try {
    // Validates (a request that can never fit throws); Slack gets the shorter text form of it.
    encodeButtonState(state);
    value = encodeCompactState(state);
  } catch {
    // Only a request that can never fit (not a question) throws; such a button is left out, not sent broken.
    return undefined;
  }
  const button: Button = {
    type: "button",
    action_id: actionId(name, index),
    text: plain(label, LIMITS.buttonText),
    value,
  };
  if (style) button.style = style;
  return button;
}

export function urlButton(index: number | undefined, label: string, url: string): Button | undefined {
  if (!isHttpUrl(url) || url.length > LIMITS.url) return undefined;
  return { type: "button", action_id: actionId("site", index), text: plain(label, LIMITS.buttonText), url };
}

/** Rows of buttons: at most `perRow` (and never more than Slack's 25) per actions block. */
export function actionRows(
  elements: (Button | undefined)[],
  perRow: number = LAYOUT.buttonsPerRow,
): ActionsBlock[] {
  const present = elements.filter((e): e is Button => e !== undefined);
  const size = Math.min(perRow, LIMITS.actionsElements);
  const rows: ActionsBlock[] = [];
  for (let i = 0; i < present.length; i += size) {
    rows.push({ type: "actions", elements: present.slice(i, i + size) });
  }
  return rows;
}

export const blocksOf = (...groups: (KnownBlock | KnownBlock[] | undefined)[]): KnownBlock[] =>
  groups.flatMap((g) => (g === undefined ? [] : Array.isArray(g) ? g : [g]));
