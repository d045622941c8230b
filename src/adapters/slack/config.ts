import { ConfigError } from "../../config-error.js";

export type SlackMode = "http" | "socket";

export interface SlackConfig {
  mode: SlackMode;
  botToken: string;
  /** Required over HTTP, where it authenticates every request; unused in Socket Mode. */
  signingSecret?: string;
  /** Present only in Socket Mode. */
  appToken?: string;
}

/** A call to Slack (Web API or response_url) that has not answered in this long is given up, and logged once. */
export const SLACK_API_TIMEOUT_MS = 10_000;

type Env = Readonly<Record<string, string | undefined>>;

const TOKEN_BODY = /^[A-Za-z0-9-]+$/;

/**
 * Reads the Slack settings from the environment. SLACK_APP_TOKEN switches to Socket Mode. Any missing or
 * malformed variable throws one ConfigError whose message is a single line naming it.
 */
export function loadSlackConfig(env: Env = process.env): SlackConfig {
  const botToken = required(env, "SLACK_BOT_TOKEN");
  checkToken("SLACK_BOT_TOKEN", botToken, "xoxb-", "the Bot User OAuth Token (OAuth & Permissions)");
  const appToken = optional(env, "SLACK_APP_TOKEN");
  if (appToken !== undefined) {
    checkToken(
      "SLACK_APP_TOKEN",
      appToken,
      "xapp-",
      "an App-Level Token with connections:write (Basic Information)",
    );
    const signingSecret = optional(env, "SLACK_SIGNING_SECRET");
    if (signingSecret !== undefined) checkSecret(signingSecret);
    return signingSecret === undefined
      ? { mode: "socket", botToken, appToken }
      : { mode: "socket", botToken, appToken, signingSecret };
  }
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  if (!signingSecret) {
    throw new ConfigError(
      "CONFIG_MISSING",
      "SLACK_SIGNING_SECRET",
      "SLACK_SIGNING_SECRET is not set: HTTP mode needs the app's Signing Secret (Basic Information → App Credentials), or set SLACK_APP_TOKEN to use Socket Mode",
    );
  }
  checkSecret(signingSecret);
  return { mode: "http", botToken, signingSecret };
}

function optional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function required(env: Env, name: string): string {
  const value = optional(env, name);
  if (value === undefined) {
    throw new ConfigError("CONFIG_MISSING", name, `${name} is not set`);
  }
  return value;
}

function checkToken(name: string, value: string, prefix: string, what: string): void {
  if (!value.startsWith(prefix) || !TOKEN_BODY.test(value) || value.length < prefix.length + 10) {
    throw new ConfigError(
      "CONFIG_MALFORMED",
      name,
      `${name} is malformed: expected ${what}, starting with "${prefix}"`,
    );
  }
}

function checkSecret(value: string): void {
  // Slack's signing secrets are 32 hex characters today; accept any long single word in case that changes.
  if (!/^[A-Za-z0-9]{16,}$/.test(value)) {
    throw new ConfigError(
      "CONFIG_MALFORMED",
      "SLACK_SIGNING_SECRET",
      "SLACK_SIGNING_SECRET is malformed: expected the Signing Secret (Basic Information → App Credentials), a string of letters and digits",
    );
  }
}
