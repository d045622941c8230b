import { type Logger as BoltLogger, LogLevel as BoltLogLevel } from "@slack/bolt";
import express, { type Application } from "express";
import type { Conversations } from "../adapters/conversations.js";
import { createSlackBot, SLACK_EVENTS_PATH } from "../adapters/slack/app.js";
import { SlackAuthError } from "../adapters/slack/errors.js";
import { createTeamsBot, TEAMS_MESSAGES_PATH, type TeamsLogger } from "../adapters/teams/index.js";
import type { CatalogProvider } from "../core/catalog/catalog.js";
import type { ServerConfig } from "./config.js";
import type { QuestionEngine } from "./engine.js";
import { StartupError } from "./errors.js";
import type { Logger, LogLevel } from "./logger.js";
import { ROUTES } from "./routes.js";

/** Teams activities are small JSON; a card-sized reply context is well under this. */
export const TEAMS_BODY_LIMIT = "1mb";

/** One way in (Slack, Teams, the playground): whether it is on, and why not when it is off. */
export interface FrontDoor {
  name: "slack" | "teams" | "playground";
  on: boolean;
  /** One human line: the mode and route when on, the missing variable when off. */
  detail: string;
  /** Connects what needs connecting after the HTTP server listens (Slack Socket Mode). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Work acknowledged but not finished (a Slack answer still being posted after its event was
   * acked): shutdown waits for it as for requests in flight.
   */
  pending?(): number;
  idle?(): Promise<void>;
}

export interface FrontDoorDeps {
  config: ServerConfig;
  app: Application;
  catalog: CatalogProvider;
  engine: QuestionEngine;
  /** Follow-ups and feedback: one store for every front door. */
  conversations?: Conversations;
  logger: Logger;
  /** Tests: who the Slack bot is, so no auth.test call is made. */
  slackIdentity?: { botId: string; botUserId: string };
}

const noop = async () => {};

/**
 * Mounts Slack on the shared app. Must run before any body parser sees /slack/events: Bolt checks
 * the request signature over the raw bytes.
 */
export async function mountSlack(deps: FrontDoorDeps): Promise<FrontDoor> {
  if (ROUTES.slack !== SLACK_EVENTS_PATH)
    throw new Error(`ROUTES.slack (${ROUTES.slack}) is not SLACK_EVENTS_PATH (${SLACK_EVENTS_PATH})`);
  const { slack } = deps.config;
  if (!slack.enabled) return { name: "slack", on: false, detail: slack.reason, start: noop, stop: noop };
  const logger = deps.logger.child({ platform: "slack" });
  let bot: Awaited<ReturnType<typeof createSlackBot>>;
  try {
    bot = await createSlackBot({
      config: slack.config,
      catalog: deps.catalog,
      engine: deps.engine,
      ...(deps.conversations ? { conversations: deps.conversations } : {}),
      expressApp: deps.app,
      logger: boltLogger(logger),
      apiTimeoutMs: deps.config.slackApiTimeoutMs,
      ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
      ...(deps.slackIdentity ? { identity: deps.slackIdentity } : {}),
    });
  } catch (cause) {
    const why = cause instanceof SlackAuthError ? cause.message : `Slack could not start: ${String(cause)}`;
    throw new StartupError("FRONT_DOOR_FAILED", why, { cause });
  }
  const work = { pending: () => bot.work.size, idle: () => bot.work.idle() };
  if (bot.mode === "socket") {
    return {
      ...work,
      name: "slack",
      on: true,
      detail: "Socket Mode (SLACK_APP_TOKEN is set): each replica holds its own connection to Slack",
      start: async () => {
        try {
          await bot.start();
        } catch (cause) {
          throw new StartupError(
            "FRONT_DOOR_FAILED",
            `Slack Socket Mode could not connect: ${String(cause)}`,
            { cause },
          );
        }
      },
      stop: () => bot.stop(),
    };
  }
  // HTTP mode: the shared server is the listener; Bolt's own start/stop would open and close another.
  return {
    ...work,
    name: "slack",
    on: true,
    detail: `HTTP mode: POST ${ROUTES.slack}`,
    start: noop,
    stop: noop,
  };
}

export function mountTeams(deps: FrontDoorDeps): FrontDoor {
  if (ROUTES.teams !== TEAMS_MESSAGES_PATH)
    throw new Error(`ROUTES.teams (${ROUTES.teams}) is not TEAMS_MESSAGES_PATH (${TEAMS_MESSAGES_PATH})`);
  const { teams } = deps.config;
  if (teams.mode === "off") {
    return {
      name: "teams",
      on: false,
      detail: "MicrosoftAppId is not set (TEAMS_LOCAL=1 for the Bot Framework Emulator)",
      start: noop,
      stop: noop,
    };
  }
  const logger = deps.logger.child({ platform: "teams" });
  const log: TeamsLogger = {
    info: (m) => logger.info(m),
    warn: (m) => logger.warn(m),
    error: (m, error) => logger.error(m, { error }),
  };
  const bot = createTeamsBot({
    catalog: deps.catalog,
    config: teams,
    engine: deps.engine,
    log,
    ...(deps.conversations ? { conversations: deps.conversations } : {}),
  });
  deps.app.post(ROUTES.teams, express.json({ limit: TEAMS_BODY_LIMIT }), bot.handler);
  const detail =
    teams.mode === "local"
      ? `LOCAL MODE for the Bot Framework Emulator (TEAMS_LOCAL=1; requests are not authenticated): POST ${ROUTES.teams}`
      : `app ${teams.appId} (${teams.appType}): POST ${ROUTES.teams}`;
  return { name: "teams", on: true, detail, start: noop, stop: noop };
}

/** Bolt's logger interface over ours: Bolt logs strings and objects, each made one message. */
export function boltLogger(logger: Logger): BoltLogger {
  let name = "bolt";
  const line = (parts: unknown[]) =>
    parts.map((p) => (typeof p === "string" ? p : p instanceof Error ? p.message : safeJson(p))).join(" ");
  // Bolt and its Web API client log at debug on every request: build nothing for a line not written.
  const at =
    (level: LogLevel) =>
    (...m: unknown[]) => {
      if (logger.enabled(level)) logger[level](line(m), { component: name });
    };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    // The level is ours (LOG_LEVEL); Bolt may ask to change it, which we ignore on purpose.
    setLevel: () => {},
    getLevel: () => BOLT_LEVEL[logger.level],
    setName: (n: string) => {
      name = n;
    },
  };
}

const BOLT_LEVEL: Record<LogLevel, BoltLogLevel> = {
  debug: BoltLogLevel.DEBUG,
  info: BoltLogLevel.INFO,
  warn: BoltLogLevel.WARN,
  error: BoltLogLevel.ERROR,
};

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value)?.slice(0, 2000) ?? String(value);
  } catch {
    return String(value);
  }
}
