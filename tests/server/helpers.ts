import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Env, loadConfig, type ServerConfig } from "../../src/server/config.js";
import { createLogger, type Logger } from "../../src/server/logger.js";
import { type RunningServer, startServer } from "../../src/server/server.js";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const KNOWLEDGE = join(ROOT, "knowledge");

/**
 * A configuration as `npm start` would read it from `env`, on a free port of loopback only. Teams
 * runs in local mode (TEAMS_LOCAL=1) unless `env` gives it credentials or sets TEAMS_LOCAL itself.
 */
export function testConfig(env: Env = {}, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const teamsLocal = env.MicrosoftAppId ? {} : { TEAMS_LOCAL: "1" };
  return {
    ...loadConfig({ PORT: "0", HOST: "127.0.0.1", KNOWLEDGE_DIR: KNOWLEDGE, ...teamsLocal, ...env }),
    ...overrides,
  };
}

export interface CapturedLogger {
  logger: Logger;
  lines: string[];
  events(): Record<string, unknown>[];
}

export function captureLogger(secrets: string[] = [], level: Logger["level"] = "debug"): CapturedLogger {
  const lines: string[] = [];
  const logger = createLogger({ level, secrets, write: (line) => lines.push(line) });
  return { logger, lines, events: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

export async function startTestServer(
  env: Env = {},
  overrides: Partial<ServerConfig> = {},
): Promise<RunningServer & { log: CapturedLogger }> {
  const log = captureLogger();
  const server = await startServer({
    config: testConfig(env, overrides),
    logger: log.logger,
    watchDebounceMs: 50,
  });
  return Object.assign(server, { log });
}

/** A private copy of the catalog a test may edit. */
export function copyKnowledge(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), "paas-bot-knowledge-"));
  cpSync(KNOWLEDGE, dir, { recursive: true });
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}
