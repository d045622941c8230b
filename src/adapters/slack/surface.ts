import { ACTION } from "../../render/slack/actions.js";

/**
 * Everything the Slack app listens to. The adapter registers exactly this (it checks, at start-up), and a
 * test checks manifest.json against it, so the manifest never promises a command nobody handles or
 * misses an event the code expects.
 */
export const SLACK_SURFACE = {
  commands: ["/paas"],
  /** Event subscription names as in the manifest: "message.im" is the `message` event in a DM. */
  events: [
    "app_mention",
    "message.im",
    "app_home_opened",
    // Slack's assistant surface (Bolt's Assistant): a thread opened, the user's channel changed.
    "assistant_thread_started",
    "assistant_thread_context_changed",
  ],
  /** block_actions action_id prefixes (buttons, the compare menu, URL buttons). */
  actions: Object.values(ACTION),
  /** Global and message shortcuts: none. */
  shortcuts: [],
} as const satisfies {
  commands: readonly string[];
  events: readonly string[];
  actions: readonly string[];
  shortcuts: readonly string[];
};

export type SlackCommand = (typeof SLACK_SURFACE.commands)[number];
export type SlackEventName = (typeof SLACK_SURFACE.events)[number];

export interface Registered {
  commands: string[];
  events: string[];
  actions: string[];
  shortcuts: string[];
}
