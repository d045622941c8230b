import type { Server } from "node:http";
import type { ListenOptions } from "node:net";
import {
  App,
  type BlockAction,
  ExpressReceiver,
  type Logger,
  LogLevel,
  type Receiver,
  SocketModeReceiver,
  webApi,
} from "@slack/bolt";
import type { Application, IRouter } from "express";
import type { CatalogProvider } from "../../core/catalog/catalog.js";
import { ACTION, type ActionName, actionPattern } from "../../render/slack/actions.js";
import { Answering, defaultEngine, type Engine } from "./answering.js";
import type { SlackConfig, SlackMode } from "./config.js";
import { describe } from "./deliver.js";
import { SlackAuthError } from "./errors.js";
import { actionHandlers } from "./listeners/actions.js";
import { onCommand, onDirectMessage, onMention } from "./listeners/conversation.js";
import { onHomeOpened } from "./listeners/home.js";
import { type Registered, SLACK_SURFACE } from "./surface.js";

export interface SlackBotOptions {
  config: SlackConfig;
  catalog: CatalogProvider;
  engine?: Engine;
  /**
   * HTTP mode: the Express app to mount `POST /slack/events` on, shared with other routes. Mount it before
   * any body parser that would read Slack's body: the signature is checked over the raw bytes.
   */
  expressApp?: Application;
  /** Who the bot is. Without it, auth.test is called once at start-up, which also proves the token works. */
  identity?: { botId: string; botUserId: string };
  /** Slack Web API base URL (default https://slack.com/api/): a local fake in tests, or an egress proxy. */
  slackApiUrl?: string;
  logger?: Logger;
  logLevel?: LogLevel;
}

export interface SlackBot {
  readonly mode: SlackMode;
  readonly app: App;
  /** HTTP mode: the router serving `POST /slack/events`, for a server owned by the caller. */
  readonly router?: IRouter;
  /** HTTP mode: the Express app the router is mounted on (the one given, or Bolt's own). */
  readonly expressApp?: Application;
  /** What the app actually registered, in the terms of SLACK_SURFACE. */
  readonly registered: Registered;
  /**
   * HTTP: listen with `expressApp` on a port (or e.g. `{port: 0, host: "127.0.0.1"}`); skip this when a server
   * of your own serves `expressApp` or `router`. Socket Mode: connect to Slack.
   */
  start(listen?: number | ListenOptions): Promise<Server | undefined>;
  stop(): Promise<void>;
}

export async function createSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const { config } = options;
  const logLevel = options.logLevel ?? LogLevel.INFO;
  const clientOptions = options.slackApiUrl ? { slackApiUrl: options.slackApiUrl } : {};
  const identity = options.identity ?? (await whoAmI(config.botToken, clientOptions, logLevel));
  const logging = options.logger ? { logger: options.logger } : { logLevel };

  let receiver: Receiver;
  let express: ExpressReceiver | undefined;
  if (config.mode === "socket" && config.appToken) {
    // App({socketMode}) does not hand clientOptions to the socket client; the receiver must get them itself.
    receiver = new SocketModeReceiver({
      appToken: config.appToken,
      installerOptions: { clientOptions },
      ...logging,
    });
  } else {
    express = new ExpressReceiver({
      signingSecret: config.signingSecret ?? "",
      ...(options.expressApp ? { app: options.expressApp } : {}),
      ...logging,
    });
    receiver = express;
  }

  const app = new App({
    token: config.botToken,
    botId: identity.botId,
    botUserId: identity.botUserId,
    receiver,
    clientOptions,
    // Every click carries its own state; nothing is kept between requests, so any replica can answer.
    convoStore: false,
    ...logging,
  });
  app.error(async (error) => {
    app.logger.error(`paas-bot: unhandled Slack listener error: ${describe(error)}`);
  });

  const answering = new Answering(options.engine ?? defaultEngine, options.catalog, app.logger);
  const registered = wire(app, answering, options.catalog);

  return {
    mode: config.mode,
    app,
    ...(express ? { router: express.router, expressApp: express.app } : {}),
    registered,
    async start(listen?: number | ListenOptions) {
      if (config.mode === "socket") {
        await app.start();
        return undefined;
      }
      return (await app.start(listen ?? 3000)) as Server;
    },
    stop: () => app.stop().then(() => undefined),
  };
}

/** Registers every listener named in SLACK_SURFACE, records what was registered, and checks the two agree. */
function wire(app: App, answering: Answering, catalog: CatalogProvider): Registered {
  const registered: Registered = { commands: [], events: [], actions: [], shortcuts: [] };

  app.command("/paas", onCommand(answering));
  registered.commands.push("/paas");

  app.event("app_mention", onMention(answering));
  registered.events.push("app_mention");
  app.event("message", onDirectMessage(answering));
  registered.events.push("message.im");
  app.event("app_home_opened", onHomeOpened(answering, catalog));
  registered.events.push("app_home_opened");

  const handlers = actionHandlers(answering, catalog);
  for (const name of Object.keys(handlers) as ActionName[]) {
    const handler = handlers[name];
    app.action<BlockAction>({ type: "block_actions", action_id: actionPattern(name) }, async (args) => {
      await args.ack();
      await handler(args);
    });
    registered.actions.push(ACTION[name]);
  }

  assertSameSurface(registered);
  return registered;
}

function assertSameSurface(registered: Registered): void {
  const key = (r: { [K in keyof Registered]: readonly string[] }) =>
    JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()])));
  if (key(registered) !== key(SLACK_SURFACE)) {
    throw new Error(
      `paas-bot: Slack listeners and SLACK_SURFACE disagree: ${key(registered)} vs ${key(SLACK_SURFACE)}`,
    );
  }
}

async function whoAmI(
  token: string,
  clientOptions: { slackApiUrl?: string },
  logLevel: LogLevel,
): Promise<{ botId: string; botUserId: string }> {
  // Bolt would call auth.test from its constructor and turn a failure into an unhandled rejection; asking
  // here gives one clear error before anything starts.
  const client = new webApi.WebClient(token, { ...clientOptions, logLevel, retryConfig: { retries: 1 } });
  let result: Awaited<ReturnType<typeof client.auth.test>>;
  try {
    result = await client.auth.test();
  } catch (cause) {
    const platform = (cause as { data?: { error?: unknown } }).data?.error;
    if (typeof platform === "string") {
      throw new SlackAuthError("SLACK_AUTH_REJECTED", `SLACK_BOT_TOKEN was rejected by Slack (${platform})`, {
        cause,
      });
    }
    throw new SlackAuthError(
      "SLACK_UNREACHABLE",
      `Slack could not be reached to check SLACK_BOT_TOKEN: ${describe(cause)}`,
      {
        cause,
      },
    );
  }
  if (!result.bot_id || !result.user_id) {
    throw new SlackAuthError(
      "SLACK_AUTH_REJECTED",
      "SLACK_BOT_TOKEN is not a bot token (auth.test returned no bot id)",
    );
  }
  return { botId: result.bot_id, botUserId: result.user_id };
}
