import { createHmac } from "node:crypto";

export const TEST_SIGNING_SECRET = "0123456789abcdef0123456789abcdef";
export const TEST_BOT_TOKEN = "xoxb-0000000000-test-token";
export const TEST_APP_TOKEN = "xapp-1-A000-0000-test-token";
export const BOT_USER_ID = "UBOT001";
export const BOT_ID = "BBOT001";

export type BodyType = "form" | "json";

export interface Signing {
  secret?: string;
  /** Seconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Leave the signature headers out altogether. */
  unsigned?: boolean;
  /** Send this signature instead of the right one. */
  signature?: string;
  /** More headers, e.g. Slack's X-Slack-Retry-Num on a redelivery. */
  headers?: Record<string, string>;
}

/** Slack's v0 request signature: HMAC-SHA256 over `v0:<timestamp>:<raw body>`. */
export function sign(body: string, secret: string, timestamp: number): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface Posted {
  status: number;
  text: string;
  json: unknown;
}

export async function postSlack(
  url: string,
  body: string,
  type: BodyType,
  signing: Signing = {},
): Promise<Posted> {
  const timestamp = signing.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": type === "form" ? "application/x-www-form-urlencoded" : "application/json",
    ...signing.headers,
  };
  if (!signing.unsigned) {
    headers["x-slack-request-timestamp"] = String(timestamp);
    headers["x-slack-signature"] =
      signing.signature ?? sign(body, signing.secret ?? TEST_SIGNING_SECRET, timestamp);
  }
  const res = await fetch(url, { method: "POST", headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

export function slashCommand(
  text: string,
  responseUrl: string,
  user = "UASKER1",
  channel = "C0CHAN1",
): string {
  return new URLSearchParams({
    token: "legacy-verification-token",
    team_id: "T0001",
    team_domain: "fake",
    channel_id: channel,
    channel_name: "general",
    user_id: user,
    user_name: "asker",
    command: "/paas",
    text,
    api_app_id: "A0001",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

let eventCounter = 0;

export function eventCallback(event: Record<string, unknown>): string {
  eventCounter += 1;
  return JSON.stringify({
    token: "legacy-verification-token",
    team_id: "T0001",
    api_app_id: "A0001",
    event,
    type: "event_callback",
    event_id: `Ev${String(eventCounter).padStart(8, "0")}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T0001", user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
  });
}

export function urlVerification(challenge: string): string {
  return JSON.stringify({ token: "legacy-verification-token", challenge, type: "url_verification" });
}

/** Where a clicked element lives; decides how the bot answers the click. */
export type Container =
  | { type: "ephemeral"; channel: string }
  | { type: "message"; channel: string; ts: string; threadTs?: string; blocks?: unknown[] }
  | { type: "home" };

export interface ClickedElement {
  action_id: string;
  block_id?: string;
  type: string;
  value?: string;
  url?: string;
  selected?: string;
}

export function blockActions(
  element: ClickedElement,
  where: Container,
  responseUrl: string,
  user = "UASKER1",
): string {
  const action: Record<string, unknown> = {
    action_id: element.action_id,
    block_id: element.block_id ?? "blk",
    type: element.type,
    action_ts: "1700000001.000100",
  };
  if (element.value !== undefined) action.value = element.value;
  if (element.type === "static_select" && element.selected !== undefined) {
    action.selected_option = {
      text: { type: "plain_text", text: element.selected },
      value: element.selected,
    };
  }
  const payload: Record<string, unknown> = {
    type: "block_actions",
    user: { id: user, username: "asker", name: "asker", team_id: "T0001" },
    api_app_id: "A0001",
    token: "legacy-verification-token",
    trigger_id: "1.2.3",
    team: { id: "T0001", domain: "fake" },
    actions: [action],
  };
  if (where.type === "home") {
    payload.container = { type: "view", view_id: "V0001" };
    payload.view = { id: "V0001", type: "home", blocks: [], private_metadata: "en" };
  } else {
    payload.response_url = responseUrl;
    payload.channel = { id: where.channel, name: "general" };
    if (where.type === "ephemeral") {
      payload.container = {
        type: "message",
        message_ts: "1700000000.000001",
        channel_id: where.channel,
        is_ephemeral: true,
      };
    } else {
      payload.container = {
        type: "message",
        message_ts: where.ts,
        channel_id: where.channel,
        is_ephemeral: false,
      };
      payload.message = {
        type: "message",
        user: BOT_USER_ID,
        bot_id: BOT_ID,
        ts: where.ts,
        text: "answer",
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
        ...(where.blocks ? { blocks: where.blocks } : {}),
      };
    }
  }
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
