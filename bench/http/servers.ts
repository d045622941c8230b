import { resolve } from "node:path";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../../tests/helpers/slack-requests.js";
import { type Spawned, spawnServer } from "../lib/spawn.js";

export const ROOT = resolve(import.meta.dirname, "..", "..");

export type ServerKind = "ours" | "bare-slack" | "bare-teams" | "bare-both";

export const LABELS: Record<ServerKind, string> = {
  ours: "paas-bot (src/main.ts)",
  "bare-slack": "bare Bolt app",
  "bare-teams": "bare botbuilder echo bot",
  "bare-both": "bare Bolt + botbuilder, one port",
};

const SCRIPTS: Record<ServerKind, string> = {
  ours: "src/main.ts",
  "bare-slack": "bench/bare/slack.ts",
  "bare-teams": "bench/bare/teams.ts",
  "bare-both": "bench/bare/both.ts",
};

export interface Fakes {
  /** Slack Web API base URL (ours checks its token with auth.test there at start). */
  slackApiUrl: string;
}

/**
 * Starts one server the way the bench measures them all. Ours runs as `npm start` would, with the
 * production log level (info: one access line and one answer line per request), Slack in HTTP mode
 * against the fake Web API and Teams in local mode; the catalog watcher off, as in a container.
 */
export function start(
  kind: ServerKind,
  fakes: Fakes,
  logDir: string,
  nodeArgs: readonly string[] = [],
): Promise<Spawned> {
  const slack = { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET };
  const env: Record<string, string> =
    kind === "ours"
      ? {
          ...slack,
          SLACK_API_URL: fakes.slackApiUrl,
          HOST: "127.0.0.1",
          LOG_LEVEL: "info",
          KNOWLEDGE_WATCH: "0",
          // Teams without credentials is served only in explicit local mode (loopback here).
          TEAMS_LOCAL: "1",
        }
      : slack;
  return spawnServer(kind, SCRIPTS[kind], env, { cwd: ROOT, logDir, nodeArgs });
}
