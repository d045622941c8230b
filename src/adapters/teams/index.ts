import {
  type Activity,
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type ResourceResponse,
  type TurnContext,
} from "botbuilder";
import type { Request, Response } from "express";
import type { CatalogProvider } from "../../core/catalog/catalog.js";
import { coreEngine, type QuestionEngine } from "../../core/port.js";
import { t } from "../../render/strings.js";
import type { Conversations } from "../conversations.js";
import { checkActivity } from "./activity-check.js";
import { langOfLocale, PaasTeamsBot, type TeamsLogger } from "./bot.js";
import { describeTeamsConfig, type TeamsConfig } from "./config.js";
import { deadlineOf, SEND_DEADLINE_KEY, SendDeadline, validSendTimeout } from "./deadline.js";

export { type QuestionEngine, SEARCH_COMMAND_ID, SEARCH_PARAMETER, type TeamsLogger } from "./bot.js";
export { type TeamsConfig, teamsConfigFromEnv } from "./config.js";
export { DEFAULT_SEND_TIMEOUT_MS } from "./deadline.js";

/** Where Azure Bot / the Emulator post activities, and the port the Bot Framework samples use. */
export const TEAMS_MESSAGES_PATH = "/api/messages";
export const TEAMS_DEFAULT_PORT = 3978;

export interface TeamsBotOptions {
  catalog: CatalogProvider;
  config: TeamsConfig;
  engine?: QuestionEngine;
  log?: TeamsLogger;
  /** Follow-ups and feedback, shared by every front door (default: in memory, this bot alone). */
  conversations?: Conversations;
  /**
   * Tests: where botbuilder fetches the OpenID metadata (and so the signing keys) that tokens are
   * checked against, instead of login.botframework.com.
   */
  openIdMetadataUrl?: string;
  /**
   * How long one turn may spend sending to the Bot Connector, in all, from the moment the request
   * arrives (default `DEFAULT_SEND_TIMEOUT_MS`, 10 s: Teams waits 15 s for the HTTP answer). Then
   * the pending send is aborted, one warning is logged and the request is answered.
   */
  sendTimeoutMs?: number;
}

export interface TeamsBot {
  /**
   * The POST /api/messages handler. Needs `express.json()` before it, e.g.
   * `app.post(TEAMS_MESSAGES_PATH, express.json({ limit: "1mb" }), teams.handler)`.
   */
  handler: (req: Request, res: Response) => Promise<void>;
  config: TeamsConfig;
}

const consoleLogger: TeamsLogger = {
  info: (m) => console.info(m),
  warn: (m) => console.warn(m),
  error: (m, e) => console.error(m, e),
};

/** What the adapter uses of the turn's ConnectorClient (botframework-connector, a dependency of botbuilder's). */
interface ConnectorConversations {
  conversations: {
    replyToActivity(
      conversationId: string,
      activityId: string,
      activity: Partial<Activity>,
      options: { abortSignal: AbortSignal },
    ): Promise<ResourceResponse | undefined>;
    sendToConversation(
      conversationId: string,
      activity: Partial<Activity>,
      options: { abortSignal: AbortSignal },
    ): Promise<ResourceResponse | undefined>;
  };
}

/**
 * A CloudAdapter whose messages to the Bot Connector carry the turn's abort signal: when the turn's
 * send deadline passes, the pending request and any retries still to come are cancelled instead of
 * holding a socket open to a connector that never answers. Anything else is left to CloudAdapter.
 */
class DeadlineCloudAdapter extends CloudAdapter {
  /** The turn without CloudAdapter.process's HTTP answers, so the handler decides status and body. */
  run(
    authorization: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }

  override async sendActivities(
    context: TurnContext,
    activities: Partial<Activity>[],
  ): Promise<ResourceResponse[]> {
    const deadline = deadlineOf(context);
    const client = context.turnState.get<ConnectorConversations | undefined>(this.ConnectorClientKey);
    if (!deadline || !client) return super.sendActivities(context, activities);
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      const conversationId = activity.conversation?.id;
      if (activity.type !== ActivityTypes.Message || !conversationId) {
        responses.push(...(await super.sendActivities(context, [activity])));
        continue;
      }
      // What CloudAdapterBase.sendActivities does for a message, plus the abort signal.
      delete activity.id;
      const options = { abortSignal: deadline.signal };
      const response = activity.replyToId
        ? await client.conversations.replyToActivity(conversationId, activity.replyToId, activity, options)
        : await client.conversations.sendToConversation(conversationId, activity, options);
      responses.push(response ?? { id: "" });
    }
    return responses;
  }
}

const authorizationOf = (req: Request): string => {
  const header = req.headers.authorization;
  return typeof header === "string" ? header : "";
};

/** What botbuilder's own request handling does to an activity's timestamps before the turn. */
function withDates(activity: Activity): Activity {
  const raw = activity as Activity & Record<string, unknown>;
  for (const [field, rawField] of [
    ["timestamp", "rawTimestamp"],
    ["expiration", "rawExpiration"],
    ["localTimestamp", "rawLocalTimestamp"],
  ] as const) {
    const value = raw[field];
    if (typeof value === "string") {
      raw[rawField] = value;
      raw[field] = new Date(value);
    }
  }
  return activity;
}

const firstLine = (error: unknown): string => {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (text.split("\n")[0] ?? "").slice(0, 200);
};

export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const log = options.log ?? consoleLogger;
  const { config } = options;
  if (config.mode === "off")
    throw new Error("createTeamsBot: Teams is off (no credentials, no TEAMS_LOCAL=1)");
  const status = describeTeamsConfig(config);
  log[status.level](status.message);

  // Naming one endpoint makes botbuilder expect all of them: the rest are its public-cloud defaults.
  const keys = options.openIdMetadataUrl
    ? {
        ToBotFromChannelOpenIdMetadataUrl: options.openIdMetadataUrl,
        ToBotFromEmulatorOpenIdMetadataUrl: options.openIdMetadataUrl,
        ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
        ToChannelFromBotOAuthScope: "https://api.botframework.com",
        ToBotFromChannelTokenIssuer: "https://api.botframework.com",
        OAuthUrl: "https://api.botframework.com",
        CallerId: "urn:botframework:azure",
      }
    : {};
  const auth =
    config.mode === "local"
      ? new ConfigurationBotFrameworkAuthentication({})
      : new ConfigurationBotFrameworkAuthentication({
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.password,
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.tenantId,
          ...keys,
        });
  const timeoutMs = validSendTimeout(options.sendTimeoutMs);
  const adapter = new DeadlineCloudAdapter(auth);
  // The bot catches its own failures; this is for errors in botbuilder itself during a turn.
  adapter.onTurnError = async (context, error) => {
    log.error("Teams: turn failed", error);
    try {
      const sending = context.sendActivity(t(langOfLocale(context.activity.locale), "teamsError"));
      await (deadlineOf(context)?.bound(sending) ?? sending);
    } catch {
      // The connector itself may be what failed; nothing more to do for this turn.
    }
  };
  const bot = new PaasTeamsBot({
    catalog: options.catalog,
    engine: options.engine ?? coreEngine,
    log,
    ...(options.conversations ? { conversations: options.conversations } : {}),
    sendTimeoutMs: timeoutMs,
  });

  const handler = async (req: Request, res: Response): Promise<void> => {
    const problem = checkActivity(req.body, { loopbackServiceUrlOnly: config.mode === "local" });
    if (problem) {
      res.status(problem.status).json({ error: { code: problem.code, message: problem.reason } });
      return;
    }
    const activity = withDates(req.body as Activity);
    // Local mode checks no token; a stray Authorization header must not send botbuilder to the network.
    const authorization = config.mode === "local" ? "" : authorizationOf(req);
    // Teams' clock starts when it posts: so does the turn's budget for sending the reply.
    const deadline = new SendDeadline(timeoutMs);
    let turnStarted = false;
    try {
      // processActivity rather than process: process answers 500 with the error's own message for
      // a forged token and prints the stack to stderr, around the JSON log.
      const invoke = await adapter.run(authorization, activity, (context) => {
        turnStarted = true;
        context.turnState.set(SEND_DEADLINE_KEY, deadline);
        return bot.run(context);
      });
      if (res.headersSent) return;
      res.status(invoke?.status ?? 200);
      if (invoke?.body !== undefined) res.json(invoke.body);
      else res.end();
    } catch (error) {
      if (res.headersSent) return;
      if (!turnStarted) {
        // Whatever stops a request before its turn (a bad signature, a wrong algorithm, keys that
        // cannot be fetched) is a request we could not authenticate: fail closed, say nothing more.
        log.warn(`Teams: request not authenticated (${firstLine(error)})`);
        res.status(401).json({ error: { code: "UNAUTHORIZED", message: "not authenticated" } });
        return;
      }
      log.error("Teams: request failed", error);
      res.status(500).json({ error: { code: "INTERNAL", message: "internal error" } });
    } finally {
      deadline.dispose();
    }
  };
  return { handler, config };
}
