import { loadSlackConfig, SLACK_API_TIMEOUT_MS, type SlackConfig } from "../adapters/slack/config.js";
import { type TeamsConfig, teamsConfigFromEnv } from "../adapters/teams/config.js";
import { ConfigError } from "../config-error.js";
import { defaultKnowledgeDir } from "../knowledge-dir.js";
import { LOG_LEVELS, type LogLevel } from "./logger.js";
import { DEFAULT_PORT } from "./routes.js";

export type Env = Readonly<Record<string, string | undefined>>;

export type SlackSetting =
  | {
      enabled: true;
      config: SlackConfig /** Slack Web API base URL: an egress proxy, or a fake in tests. */;
      apiUrl?: string;
    }
  | { enabled: false /** Why it is off, naming the variable to set. */; reason: string };

export interface ServerConfig {
  /** NODE_ENV=production: credentials are required and the playground is off unless asked for. */
  production: boolean;
  port: number;
  /** Interface to listen on; undefined = all (what a container needs). Loopback in Teams local mode. */
  host?: string;
  logLevel: LogLevel;
  knowledgeDir: string;
  /** Reload the catalog when its files change (SIGHUP always reloads). */
  knowledgeWatch: boolean;
  playground: boolean;
  /** How long shutdown waits for requests in flight before cutting them. */
  shutdownTimeoutMs: number;
  http: HttpLimits;
  slack: SlackSetting;
  /** How long one call to Slack may take before the bot gives it up (tests make it short). */
  slackApiTimeoutMs: number;
  teams: TeamsConfig;
  /** Conversations and feedback in Redis (shared by replicas); undefined = in memory. A secret. */
  redisUrl?: string;
  /** How long a conversation's previous turn is kept for follow-ups. */
  conversationTtlSeconds: number;
}

/**
 * Node's defaults hold a slow body for 300 s, take any number of connections, and close idle
 * keep-alive connections after 5 s, before a load balancer (60 s on AWS ALB and nginx, 350 s on
 * Azure) gives up on them: the balancer then reuses a connection the server is closing, a 502.
 */
export interface HttpLimits {
  /** Whole request, headers and body. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** Idle keep-alive connections live this long: longer than the balancer's idle timeout. */
  keepAliveTimeoutMs: number;
  /** Connections beyond this are closed at once (a replica is not a connection sink). */
  maxConnections: number;
}

export const HTTP_LIMITS: HttpLimits = {
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 20_000,
  keepAliveTimeoutMs: 75_000,
  maxConnections: 2_000,
};

/** Every variable the server reads, for the docs and for redaction: the secret ones are never logged. */
export const VARIABLES = {
  NODE_ENV: { secret: false },
  PORT: { secret: false },
  HOST: { secret: false },
  LOG_LEVEL: { secret: false },
  KNOWLEDGE_DIR: { secret: false },
  KNOWLEDGE_WATCH: { secret: false },
  PLAYGROUND: { secret: false },
  SHUTDOWN_TIMEOUT_MS: { secret: false },
  KEEP_ALIVE_TIMEOUT_MS: { secret: false },
  SLACK_BOT_TOKEN: { secret: true },
  SLACK_SIGNING_SECRET: { secret: true },
  SLACK_APP_TOKEN: { secret: true },
  SLACK_API_URL: { secret: false },
  MicrosoftAppId: { secret: false },
  MicrosoftAppPassword: { secret: true },
  MicrosoftAppType: { secret: false },
  MicrosoftAppTenantId: { secret: false },
  TEAMS_LOCAL: { secret: false },
  // A URL may hold a password (redis://:password@host): never logged.
  REDIS_URL: { secret: true },
  CONVERSATION_TTL_SECONDS: { secret: false },
  // Keys the question hashes in logs and feedback; shared by replicas so `npm run feedback` can group them.
  QUESTION_HASH_KEY: { secret: true },
} as const;

/** The values of the secret variables that are set: the logger scrubs them from every line. */
export function secretValues(env: Env): string[] {
  const values = Object.entries(VARIABLES)
    .filter(([name, v]) => v.secret && env[name]?.trim())
    .map(([name]) => (env[name] as string).trim());
  // A client library may quote the password of REDIS_URL on its own.
  const password = urlPassword(env.REDIS_URL);
  return password ? [...values, password] : values;
}

function urlPassword(raw: string | undefined): string | undefined {
  if (!raw?.trim()) return undefined;
  try {
    const p = decodeURIComponent(new URL(raw.trim()).password);
    return p.length >= 4 ? p : undefined;
  } catch {
    return undefined;
  }
}

/** Conversations kept for a day by default; at least a minute, at most 30 days. */
export const DEFAULT_CONVERSATION_TTL_SECONDS = 86_400;

/**
 * Reads and checks the whole configuration before anything starts, so the process never runs
 * half-configured. Throws one ConfigError whose message is a single line naming the variable.
 */
export function loadConfig(env: Env): ServerConfig {
  const production = value(env, "NODE_ENV") === "production";
  const slackSetting = slack(env);
  const teams = teamsConfigFromEnv(env);
  if (production) requireCredentials(slackSetting, teams);
  // The Emulator runs on this machine; an unauthenticated endpoint is not offered to the network
  // unless HOST says so.
  const host = value(env, "HOST") ?? (teams.mode === "local" ? "127.0.0.1" : undefined);
  return {
    production,
    port: integer(env, "PORT", DEFAULT_PORT, 0, 65535),
    ...(host ? { host } : {}),
    logLevel: logLevel(env),
    knowledgeDir: defaultKnowledgeDir({ KNOWLEDGE_DIR: value(env, "KNOWLEDGE_DIR") }),
    knowledgeWatch: flag(env, "KNOWLEDGE_WATCH", false),
    playground: flag(env, "PLAYGROUND", !production),
    shutdownTimeoutMs: integer(env, "SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    http: {
      ...HTTP_LIMITS,
      keepAliveTimeoutMs: integer(
        env,
        "KEEP_ALIVE_TIMEOUT_MS",
        HTTP_LIMITS.keepAliveTimeoutMs,
        1_000,
        3_600_000,
      ),
    },
    slack: slackSetting,
    slackApiTimeoutMs: SLACK_API_TIMEOUT_MS,
    teams,
    ...redis(env),
    conversationTtlSeconds: integer(
      env,
      "CONVERSATION_TTL_SECONDS",
      DEFAULT_CONVERSATION_TTL_SECONDS,
      60,
      30 * 86_400,
    ),
  };
}

/** REDIS_URL: redis:// or rediss://. The message never quotes the value (it may hold a password). */
function redis(env: Env): { redisUrl?: string } {
  const raw = value(env, "REDIS_URL");
  if (raw === undefined) return {};
  let ok = false;
  try {
    const url = new URL(raw);
    ok = (url.protocol === "redis:" || url.protocol === "rediss:") && url.hostname !== "";
  } catch {
    ok = false;
  }
  if (!ok)
    throw new ConfigError(
      "CONFIG_MALFORMED",
      "REDIS_URL",
      "REDIS_URL is malformed: expected redis://[:password@]host[:port][/db] or rediss://…",
    );
  return { redisUrl: raw };
}

/**
 * Production fails closed: a Secret that did not load must stop the rollout (the pod never turns
 * ready) rather than start a server that answers nobody, or anybody.
 */
function requireCredentials(slackSetting: SlackSetting, teams: TeamsConfig): void {
  if (teams.mode === "local") {
    throw new ConfigError(
      "CONFIG_CONFLICT",
      "TEAMS_LOCAL",
      "TEAMS_LOCAL=1 is refused when NODE_ENV=production: local mode is unauthenticated",
    );
  }
  if (!slackSetting.enabled && teams.mode === "off") {
    throw new ConfigError(
      "CONFIG_MISSING",
      "SLACK_BOT_TOKEN",
      "no credentials: NODE_ENV=production needs SLACK_BOT_TOKEN (Slack) or MicrosoftAppId (Teams); refusing to start",
    );
  }
}

/** LOG_LEVEL alone, for logging a configuration error with the level the operator asked for. */
export function logLevel(env: Env): LogLevel {
  const raw = value(env, "LOG_LEVEL")?.toLowerCase();
  if (raw === undefined) return "info";
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) {
    throw new ConfigError(
      "CONFIG_MALFORMED",
      "LOG_LEVEL",
      `LOG_LEVEL is malformed: expected one of ${LOG_LEVELS.join(", ")}`,
    );
  }
  return raw as LogLevel;
}

function slack(env: Env): SlackSetting {
  const names = ["SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN"] as const;
  if (!names.some((n) => value(env, n))) return { enabled: false, reason: "SLACK_BOT_TOKEN is not set" };
  const config = loadSlackConfig(env);
  const apiUrl = value(env, "SLACK_API_URL");
  if (apiUrl !== undefined && !isHttpUrl(apiUrl)) {
    throw new ConfigError(
      "CONFIG_MALFORMED",
      "SLACK_API_URL",
      "SLACK_API_URL is malformed: expected an http(s) URL ending in /api/",
    );
  }
  return apiUrl ? { enabled: true, config, apiUrl } : { enabled: true, config };
}

function value(env: Env, name: string): string | undefined {
  const v = env[name]?.trim();
  return v ? v : undefined;
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = value(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new ConfigError(
      "CONFIG_MALFORMED",
      name,
      `${name} is malformed: expected a whole number from ${min} to ${max}`,
    );
  }
  return n;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = value(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (["1", "true", "yes", "on"].includes(raw)) return true;
  if (["0", "false", "no", "off"].includes(raw)) return false;
  throw new ConfigError(
    "CONFIG_MALFORMED",
    name,
    `${name} is malformed: expected 1 or 0 (true/false, on/off)`,
  );
}

function isHttpUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
