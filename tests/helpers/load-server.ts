import type { Env, ServerConfig } from "../../src/server/config.js";
import { secretValues } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";
import { type RunningServer, startServer } from "../../src/server/server.js";
import { testConfig } from "../server/helpers.js";
import { LoadConnector } from "./load-connector.js";
import { FakeSlackApi } from "./slack-fake-api.js";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./slack-requests.js";

/**
 * What a long run logged, kept small: every line is counted, only warnings and errors are kept
 * (a load run writes thousands of access lines; keeping them would measure the test, not the server).
 */
export class LogTally {
  lines = 0;
  readonly warnings: string[] = [];
  readonly errors: string[] = [];

  readonly write = (line: string): void => {
    this.lines += 1;
    if (line.includes('"level":"error"')) this.errors.push(line);
    else if (line.includes('"level":"warn"')) this.warnings.push(line);
  };
}

/** What the server needs of a Slack Web API stand-in (FakeSlackApi or FaultySlackApi). */
export interface SlackApiLike {
  apiUrl: string;
  origin: string;
  close(): Promise<void>;
}

export interface LoadServer {
  server: RunningServer;
  slackApi: SlackApiLike;
  connector: LoadConnector;
  log: LogTally;
  /** POST target for Slack. */
  slackUrl: string;
  close(): Promise<void>;
}

/**
 * The real one-port server in this process, configured from `env` as `npm start` would be, with
 * Slack in HTTP mode against a fake Web API and Teams in local mode, logging at info (production)
 * through the same secret-scrubbing logger the process uses.
 */
export async function startLoadServer(
  env: Env = {},
  overrides: Partial<ServerConfig> = {},
  slackApi?: SlackApiLike,
): Promise<LoadServer> {
  const api: SlackApiLike = slackApi ?? (await FakeSlackApi.start());
  const connector = await LoadConnector.start();
  const fullEnv: Env = {
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    LOG_LEVEL: "info",
    ...env,
  };
  const log = new LogTally();
  const config = testConfig(fullEnv, overrides);
  const logger = createLogger({ level: config.logLevel, secrets: secretValues(fullEnv), write: log.write });
  const server = await startServer({ config, logger, watchDebounceMs: 50 });
  return {
    server,
    slackApi: api,
    connector,
    log,
    slackUrl: `${server.url}/slack/events`,
    async close() {
      await server.close();
      await connector.close();
      await api.close();
    },
  };
}
