// Block Kit limits, from docs.slack.dev (Block Kit reference) and the JSDoc of @slack/types 3.x; checked 2026-11.
// Lengths are UTF-16 code units (JS `length`), which is never less than what Slack counts.
export const LIMITS = {
  /** Blocks per message (chat.postMessage, response_url, ack body). */
  messageBlocks: 50,
  /** Blocks per modal or Home tab view. */
  viewBlocks: 100,
  /** Top-level `text`: Slack truncates beyond this; we keep the fallback far shorter. */
  messageText: 40_000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  actionValue: 2000,
  actionId: 255,
  url: 3000,
  actionsElements: 25,
  contextElements: 10,
  /** A mrkdwn/plain_text element inside a context block. */
  contextText: 3000,
  blockId: 255,
  selectOptions: 100,
  optionText: 75,
  optionValue: 75,
  placeholderText: 150,
} as const;

/** Our own choices for readable messages, kept well inside the limits above (the page itself is the layout's). */
export const LAYOUT = {
  /** Buttons per row of follow-ups or examples (Slack wraps wider rows awkwardly on mobile). */
  buttonsPerRow: 5,
  /** The last row: Previous, More, n sources, Share, 👍, 👎. */
  navButtons: 6,
  /** A picker of this many choices or fewer is a row of buttons; more is a menu. */
  pickerButtons: 5,
  /** The notification fallback: the title and the direct answer, short enough for a push notification. */
  fallbackText: 500,
} as const;
