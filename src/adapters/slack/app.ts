import type { Server } from "node:http";
import type { ListenOptions } from "node:net";
import {
  App,
  type BlockAction,
  ExpressReceiver,
  type Logger,
  LogLevel,
  type Receiver,
  type ReceiverProcessEventErrorHandlerArgs,
  SocketModeReceiver,
  webApi,
} from "@slack/bolt";
import { type Application, type IRouter, type RequestHandler, Router } from "express";
import type { CatalogProvider } from "../../core/catalog/catalog.js";
import { ACTION, type ActionName, actionPattern } from "../../render/slack/actions.js";
import type { Conversations } from "../conversations.js";
import { Answering, defaultEngine, type Engine } from "./answering.js";
import { SLACK_API_TIMEOUT_MS, type SlackConfig, type SlackMode } from "./config.js";
import { describe } from "./deliver.js";
import { SlackAuthError } from "./errors.js";
import { ackUnknownInteractions, dropRetries, ListenerWork, SeenEvents, trackWork } from "./guards.js";
import { actionHandlers } from "./listeners/actions.js";
import { createAssistant } from "./listeners/assistant.js";
import { onCommand, onDirectMessage, onMention } from "./listeners/conversation.js";
import { onHomeOpened } from "./listeners/home.js";
import { type Registered, SLACK_SURFACE } from "./surface.js";

export interface SlackBotOptions {
  config: SlackConfig;
  catalog: CatalogProvider;
  engine?: Engine;
  /**
   * The conversation store (follow-ups in threads and DMs) and feedback recording, shared by every
   * front door; default: in memory, for this bot alone.
   */
  conversations?: Conversations;
  /**
   * HTTP mode: the Express app to mount `POST /slack/events` on, shared with other routes. Mount it before
   * any body parser that would read Slack's body: the signature is checked over the raw bytes.
   */
  expressApp?: Application;
  /** Who the bot is. Without it, auth.test is called once at start-up, which also proves the token works. */
  identity?: { botId: string; botUserId: string };
  /** Slack Web API base URL (default https://slack.com/api/): a local fake in tests, or an egress proxy. */
  slackApiUrl?: string;
  /**
   * How long one call to Slack (Web API or response_url) may take before it is given up, in ms (default
   * SLACK_API_TIMEOUT_MS). A call that timed out is not retried: Slack may have acted on it already.
   */
  apiTimeoutMs?: number;
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
  /** Listener work still running (answers being posted after their ack); shutdown waits for it. */
  readonly work: ListenerWork;
  /**
   * HTTP: listen with `expressApp` on a port (or e.g. `{port: 0, host: "127.0.0.1"}`); skip this when a server
   * of your own serves `expressApp` or `router`. Socket Mode: connect to Slack.
   */
  start(listen?: number | ListenOptions): Promise<Server | undefined>;
  stop(): Promise<void>;
}

/** Slack's events and commands are a few KB; Bolt's default (4 MB) is read before the signature is checked. */
export const SLACK_BODY_LIMIT = "1mb";
const SLACK_BODY_LIMIT_BYTES = 1024 * 1024;

/** Where Slack posts events, commands and interactivity in HTTP mode (Bolt's default, named). */
export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * Bolt stops reading a body at the limit and answers 413, leaving the rest unread: a kept-alive
 * connection would then hang with the next request stuck behind it. Once the answer is out, the rest is
 * discarded (as Node does with a body nobody read), so the connection stays usable; nothing is kept.
 */
const drainWhenAnswered: RequestHandler = (req, res, next) => {
  // Only a body that may be over the limit (declared so, or of no declared length) can be cut off.
  if (!(Number(req.headers["content-length"]) <= SLACK_BODY_LIMIT_BYTES)) {
    res.once("finish", () => {
      if (!req.complete) req.resume();
    });
  }
  next();
};

export async function createSlackBot(options: SlackBotOptions): Promise<SlackBot> {
  const { config } = options;
  const logLevel = options.logLevel ?? LogLevel.INFO;
  const timeoutMs = options.apiTimeoutMs ?? SLACK_API_TIMEOUT_MS;
  const clientOptions = webClientOptions(options.slackApiUrl, timeoutMs);
  const logging = options.logger ? { logger: quietTimeouts(options.logger) } : { logLevel };
  const identity = options.identity ?? (await whoAmI(config.botToken, { ...clientOptions, ...logging }));

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
    const router = Router();
    router.post(SLACK_EVENTS_PATH, drainWhenAnswered);
    express = new ExpressReceiver({
      signingSecret: config.signingSecret ?? "",
      ...(options.expressApp ? { app: options.expressApp } : {}),
      router,
      endpoints: SLACK_EVENTS_PATH,
      // Bolt reads the body (up to this) before it can check the signature: 413 past it.
      bodyLimit: SLACK_BODY_LIMIT,
      processEventErrorHandler: refuseUnprocessable,
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

  const work = new ListenerWork();
  // Order matters: work is counted from the first middleware, retries are dropped before anything
  // answers, and what no listener takes is acknowledged before Bolt's 3 s timeout.
  app.use(trackWork(work));
  app.use(dropRetries(new SeenEvents()));
  app.use(ackUnknownInteractions());
  const answering = new Answering(
    options.engine ?? defaultEngine,
    options.catalog,
    app.logger,
    options.conversations,
  );
  const registered = wire(app, answering, options.catalog);

  return {
    mode: config.mode,
    app,
    ...(express ? { router: express.router, expressApp: express.app } : {}),
    registered,
    work,
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

  // Before the message listener: the assistant takes the DM messages written in a thread (the
  // assistant pane's, and replies in the app's DM); the rest reach onDirectMessage.
  app.assistant(createAssistant(answering));
  registered.events.push("assistant_thread_started", "assistant_thread_context_changed");

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

type ClientOptions = Pick<webApi.WebClientOptions, "slackApiUrl" | "timeout" | "retryConfig" | "fetch">;

/**
 * Options for every Slack client the bot makes. `timeout` bounds each Web API attempt; a timed-out
 * attempt is not retried (Slack may have posted the message already, and ten retries of a hung call would
 * hold a conversation for half an hour). Other failures keep the Web API client's usual retries (429 after
 * Retry-After, 5xx). `fetch` gives response_url posts, which Bolt makes with plain fetch, the same bound.
 */
function webClientOptions(slackApiUrl: string | undefined, timeoutMs: number): ClientOptions {
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    timeout: timeoutMs,
    retryConfig: noRetryOnTimeout(webApi.retryPolicies.tenRetriesInAboutThirtyMinutes),
    fetch: (url, init) =>
      fetch(url, init?.signal ? init : { ...init, signal: AbortSignal.timeout(timeoutMs) }),
  };
}

/**
 * The Web API client hands retryConfig to p-retry, whose onFailedAttempt ends the retries when it throws
 * (RetryOptions does not declare it, hence the widening).
 */
function noRetryOnTimeout(policy: webApi.RetryOptions): webApi.RetryOptions {
  const options: webApi.RetryOptions & { onFailedAttempt: (error: Error) => void } = {
    ...policy,
    onFailedAttempt: (error) => {
      if (isTimeout(error)) throw error;
    },
  };
  return options;
}

/** A Web API or response_url call that ran out of time (AbortSignal.timeout), however it was wrapped. */
export function isTimeout(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; depth++) {
    if (e.name === "TimeoutError") return true;
    e = (e as { original?: unknown }).original ?? e.cause;
  }
  return false;
}

/**
 * Bolt's logger, minus the Web API client's own "http request failed" warning when the cause is a timeout:
 * the listener that made the call logs the failure, once, with what it was doing. Other warnings (a rate
 * limit, a refused connection that will be retried) pass unchanged.
 */
function quietTimeouts(logger: Logger): Logger {
  const warn = logger.warn.bind(logger);
  const quiet: Logger = Object.create(logger) as Logger;
  quiet.warn = (...msg: unknown[]) => {
    if (msg[0] === "http request failed" && /\btimeout\b/i.test(String(msg[1]))) logger.debug(...msg);
    else warn(...msg);
  };
  return quiet;
}

/**
 * Bolt throws from processEvent when a signed body lacks what it reads to route it (a block_actions
 * without `user`, a view_submission without `view`, a JSON `null`): a client mistake, so 400 and a
 * warning instead of Bolt's default 500 and error. Listener failures never get here (app.error logs
 * them), so anything else is a fault of ours: 500 and an error, as before.
 */
async function refuseUnprocessable({
  error,
  logger,
  response,
}: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  if (response.headersSent) {
    logger.error(`paas-bot: a Slack request failed after it was acknowledged: ${describe(error)}`);
    return false;
  }
  if (error instanceof TypeError || error instanceof RangeError || error instanceof SyntaxError) {
    logger.warn(
      `paas-bot: refused a signed Slack request with missing or malformed fields: ${describe(error)}`,
    );
    response.writeHead(400, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: "the Slack payload is missing required fields" }));
    // Acknowledged: Bolt must not also call it unhandled 3 s later.
    return true;
  }
  logger.error(`paas-bot: Bolt could not process a Slack request: ${describe(error)}`);
  response.writeHead(500);
  response.end();
  return true;
}

async function whoAmI(
  token: string,
  clientOptions: ClientOptions & ({ logger: Logger } | { logLevel: LogLevel }),
): Promise<{ botId: string; botUserId: string }> {
  // Bolt would call auth.test from its constructor and turn a failure into an unhandled rejection; asking
  // here gives one clear error before anything starts.
  const client = new webApi.WebClient(token, {
    ...clientOptions,
    retryConfig: noRetryOnTimeout({ retries: 1 }),
  });
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
