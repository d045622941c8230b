/**
 * Runs the Slack bot alone (`npm start` serves every front door on one port): `npx tsx
 * src/adapters/slack/main.ts`. Socket Mode when SLACK_APP_TOKEN is set, else HTTP on PORT (default 3000)
 * at POST /slack/events.
 */
import { config as loadDotenv } from "dotenv";
import { fixedCatalog } from "../../core/catalog/catalog.js";
import { CatalogError } from "../../core/catalog/errors.js";
import { loadCatalog } from "../../core/catalog/load.js";
import { defaultKnowledgeDir } from "../../knowledge-dir.js";
import { createSlackBot } from "./app.js";
import { loadSlackConfig } from "./config.js";
import { SlackAuthError, SlackConfigError } from "./errors.js";

loadDotenv({ quiet: true });

function portFromEnv(): number {
  const raw = process.env.PORT?.trim();
  if (!raw) return 3000;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SlackConfigError(
      "SLACK_CONFIG_MALFORMED",
      "PORT",
      "PORT is malformed: expected a number from 0 to 65535",
    );
  }
  return port;
}

function apiUrlFromEnv(): string | undefined {
  const raw = process.env.SLACK_API_URL?.trim();
  if (!raw) return undefined;
  if (!/^https?:\/\/\S+$/.test(raw)) {
    throw new SlackConfigError(
      "SLACK_CONFIG_MALFORMED",
      "SLACK_API_URL",
      "SLACK_API_URL is malformed: expected an http(s) URL ending in /api/",
    );
  }
  return raw;
}

try {
  // Everything is checked before anything starts: no half-configured process.
  const config = loadSlackConfig();
  const port = portFromEnv();
  const slackApiUrl = apiUrlFromEnv();
  const catalog = fixedCatalog(loadCatalog(defaultKnowledgeDir()));
  const bot = await createSlackBot({ config, catalog, ...(slackApiUrl ? { slackApiUrl } : {}) });
  await bot.start(port);
  console.log(
    bot.mode === "socket"
      ? "paas-bot: connected to Slack over Socket Mode"
      : `paas-bot: Slack endpoint listening on port ${port} (POST /slack/events)`,
  );
  const shutdown = () => {
    bot.stop().finally(() => process.exit(0));
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (error) {
  if (error instanceof SlackConfigError || error instanceof SlackAuthError) {
    console.error(`paas-bot: ${error.message}`);
    process.exit(1);
  }
  if (error instanceof CatalogError) {
    console.error(`paas-bot: the knowledge catalog does not load:\n${error.message}`);
    process.exit(1);
  }
  throw error;
}
