import {
  type Activity,
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ResourceResponse,
  type TurnContext,
} from "botbuilder";
import type { Request, Response } from "express";
import type { CatalogProvider } from "../../core/catalog/catalog.js";
import * as engine from "../../core/engine.js";
import { t } from "../../render/strings.js";
import { checkActivity } from "./activity-check.js";
import { langOfLocale, PaasTeamsBot, type QuestionEngine, type TeamsLogger } from "./bot.js";
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

export function createTeamsBot(options: TeamsBotOptions): TeamsBot {
  const log = options.log ?? consoleLogger;
  const { config } = options;
  const status = describeTeamsConfig(config);
  log[status.level](status.message);

  const auth =
    config.mode === "local"
      ? new ConfigurationBotFrameworkAuthentication({})
      : new ConfigurationBotFrameworkAuthentication({
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.password,
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.tenantId,
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
    engine: options.engine ?? engine,
    log,
    sendTimeoutMs: timeoutMs,
  });

  const handler = async (req: Request, res: Response): Promise<void> => {
    const problem = checkActivity(req.body, { loopbackServiceUrlOnly: config.mode === "local" });
    if (problem) {
      res.status(problem.status).json({ error: problem.reason });
      return;
    }
    // Teams' clock starts when it posts: so does the turn's budget for sending the reply.
    const deadline = new SendDeadline(timeoutMs);
    try {
      await adapter.process(req, res, (context) => {
        context.turnState.set(SEND_DEADLINE_KEY, deadline);
        return bot.run(context);
      });
    } catch (error) {
      log.error("Teams: request failed", error);
      if (!res.headersSent) res.status(500).json({ error: "internal error" });
    } finally {
      deadline.dispose();
    }
  };
  return { handler, config };
}
