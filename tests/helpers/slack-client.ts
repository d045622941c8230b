import { expect } from "vitest";
import { type Interactive, interactiveElements } from "./slack-blocks.js";
import type { HttpHarness } from "./slack-harness.js";
import { blockActions, type Container, postSlack, slashCommand } from "./slack-requests.js";

/** A message as the bot sends it: an ack body, a response_url post or a chat.postMessage. */
export interface Msg {
  response_type?: string;
  replace_original?: boolean;
  delete_original?: boolean;
  text?: string;
  blocks?: unknown[];
}

export const header = (m: Msg): string => String((m.blocks?.[0] as { text?: { text?: string } })?.text?.text);

export const find = (m: { blocks?: unknown[] }, prefix: string): Interactive | undefined =>
  interactiveElements(m.blocks ?? []).find((e) => e.action_id.startsWith(prefix));

export const EPHEMERAL: Container = { type: "ephemeral", channel: "C0CHAN1" };

/** What a Slack user does, against a running HTTP harness: run /paas, click things. */
export class SlackUser {
  /** Milliseconds from sending each /paas to its 200, for the report (never asserted). */
  readonly ackTimes: number[] = [];
  private counter = 0;

  constructor(private readonly h: HttpHarness) {}

  /** A signed /paas command; returns the ack body (the ephemeral answer). */
  async paas(text: string, user = "UASKER1"): Promise<Msg> {
    const started = performance.now();
    const body = slashCommand(text, this.h.api.responseUrl(`cmd-${++this.counter}`), user);
    const res = await postSlack(this.h.url, body, "form");
    this.ackTimes.push(performance.now() - started);
    expect(res.status).toBe(200);
    return res.json as Msg;
  }

  /** Clicks an element the way Slack would; resolves with the response_url id given to the click. */
  async click(
    element: Interactive & { selected?: string },
    where: Container,
    user = "UASKER1",
  ): Promise<string> {
    const id = `click-${++this.counter}`;
    const res = await postSlack(
      this.h.url,
      blockActions(element, where, this.h.api.responseUrl(id), user),
      "form",
    );
    expect(res.status).toBe(200);
    return id;
  }

  latencySummary(): string {
    const sorted = [...this.ackTimes].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const max = sorted[sorted.length - 1] ?? 0;
    return `/paas ack latency over ${sorted.length} commands: median ${median.toFixed(1)} ms, max ${max.toFixed(1)} ms`;
  }
}
