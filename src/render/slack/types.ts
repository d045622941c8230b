import type { types } from "@slack/bolt";

export type KnownBlock = types.KnownBlock;
export type SectionBlock = types.SectionBlock;
export type ActionsBlock = types.ActionsBlock;
export type ContextBlock = types.ContextBlock;
export type HeaderBlock = types.HeaderBlock;
export type Button = types.Button;
export type StaticSelect = types.StaticSelect;
export type MrkdwnElement = types.MrkdwnElement;
export type PlainTextElement = types.PlainTextElement;
export type HomeView = types.HomeView;

/** What chat.postMessage, respond() and a slash-command ack all accept. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}
