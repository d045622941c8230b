import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import type { Request, Response } from "express";
import type { CatalogProvider } from "../../core/catalog/catalog.js";
import * as engine from "../../core/engine.js";
import { t } from "../../render/strings.js";
import { checkActivity } from "./activity-check.js";
import { langOfLocale, PaasTeamsBot, type QuestionEngine, type TeamsLogger } from "./bot.js";
import { describeTeamsConfig, type TeamsConfig } from "./config.js";

export { type QuestionEngine, SEARCH_COMMAND_ID, SEARCH_PARAMETER, type TeamsLogger } from "./bot.js";
export { type TeamsConfig, teamsConfigFromEnv } from "./config.js";

/** Where Azure Bot / the Emulator post activities, and the port the Bot Framework samples use. */
export const TEAMS_MESSAGES_PATH = "/api/messages";
export const TEAMS_DEFAULT_PORT = 3978;

export interface TeamsBotOptions {
  catalog: CatalogProvider;
  config: TeamsConfig;
  engine?: QuestionEngine;
  log?: TeamsLogger;
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
  const adapter = new CloudAdapter(auth);
  // The bot catches its own failures; this is for errors in botbuilder itself during a turn.
  adapter.onTurnError = async (context, error) => {
    log.error("Teams: turn failed", error);
    try {
      await context.sendActivity(t(langOfLocale(context.activity.locale), "teamsError"));
    } catch {
      // The connector itself may be what failed; nothing more to do for this turn.
    }
  };
  const bot = new PaasTeamsBot({ catalog: options.catalog, engine: options.engine ?? engine, log });

  const handler = async (req: Request, res: Response): Promise<void> => {
    const problem = checkActivity(req.body, { loopbackServiceUrlOnly: config.mode === "local" });
    if (problem) {
      res.status(problem.status).json({ error: problem.reason });
      return;
    }
    try {
      await adapter.process(req, res, (context) => bot.run(context));
    } catch (error) {
      log.error("Teams: request failed", error);
      if (!res.headersSent) res.status(500).json({ error: "internal error" });
    }
  };
  return { handler, config };
}
