import { ConfigError } from "../config-error.js";
import { CatalogError, formatProblem } from "../core/catalog/errors.js";
import { type Env, loadConfig, logLevel, secretValues } from "./config.js";
import { StartupError } from "./errors.js";
import { createLogger, type Logger, type LogLevel, routeConsole } from "./logger.js";
import { type RunningServer, startServer } from "./server.js";

/**
 * The process around the server: configuration from the environment, signals and exit codes.
 * Returns the running server, or undefined after logging why it could not start (exit code 1 set).
 */
export async function serveFromEnv(env: Env): Promise<RunningServer | undefined> {
  const secrets = secretValues(env);
  let logger = createLogger({ level: levelOrInfo(env), secrets });
  let server: RunningServer;
  try {
    const config = loadConfig(env);
    logger = createLogger({ level: config.logLevel, secrets });
    routeConsole(logger);
    server = await startServer({ config, logger });
  } catch (error) {
    if (!explainStartFailure(error, logger)) throw error;
    process.exitCode = 1;
    return undefined;
  }
  handleSignals(server, logger);
  return server;
}

/** Logs one clear line for a failure the operator can fix; false for anything else (a bug). */
function explainStartFailure(error: unknown, logger: Logger): boolean {
  if (error instanceof ConfigError) {
    logger.error(`configuration: ${error.message}`, { code: error.code, variable: error.variable });
    return true;
  }
  if (error instanceof CatalogError) {
    const first = error.problems[0];
    logger.error(`the catalog does not load (${error.code}): ${first ? formatProblem(first) : ""}`, {
      code: error.code,
      problems: error.problems.slice(0, 20),
    });
    return true;
  }
  if (error instanceof StartupError) {
    logger.error(error.message, { code: error.code });
    return true;
  }
  return false;
}

function handleSignals(server: RunningServer, logger: Logger): void {
  process.on("SIGHUP", () => {
    logger.info("signal", { signal: "SIGHUP" });
    void server.reload("SIGHUP");
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C means "now": do not make the operator wait out the drain.
      logger.warn("second signal: exiting without waiting", { signal });
      process.exit(1);
    }
    stopping = true;
    logger.info("signal", { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error("shutdown failed", { error });
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.on("uncaughtException", (error) => {
    logger.error("uncaught exception", { error });
    process.exit(1);
  });
  // A stray rejection (a reply that could not be posted) must not take every conversation down with it.
  process.on("unhandledRejection", (error) => logger.error("unhandled rejection", { error }));
}

function levelOrInfo(env: Env): LogLevel {
  try {
    return logLevel(env);
  } catch {
    return "info";
  }
}
