import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setImmediate } from "node:timers/promises";
import express from "express";
import { Conversations } from "../adapters/conversations.js";
import { ConversationStore, FeedbackStore, openStore } from "../store/index.js";
import { apiRouter } from "./api.js";
import { CatalogStore, type ReloadResult } from "./catalog-store.js";
import type { ServerConfig } from "./config.js";
import { instrumentedEngine, round } from "./engine.js";
import { StartupError } from "./errors.js";
import { type FrontDoor, mountSlack, mountTeams } from "./front-doors.js";
import { errorHandler, InFlight, notFound, requestLog, securityHeaders } from "./http.js";
import type { Logger } from "./logger.js";
import { playgroundRouter } from "./playground.js";
import { textFingerprint } from "./request-context.js";
import { ROUTES } from "./routes.js";
import { type CatalogWatcher, watchCatalog } from "./watch.js";

export interface StartServerOptions {
  config: ServerConfig;
  logger: Logger;
  /** Tests: the Slack bot's identity, so starting makes no auth.test call. */
  slackIdentity?: { botId: string; botUserId: string };
  /** Tests: a shorter debounce for the file watcher. */
  watchDebounceMs?: number;
}

export interface RunningServer {
  /** Where to reach it from this machine, e.g. http://127.0.0.1:3978 */
  readonly url: string;
  readonly port: number;
  readonly store: CatalogStore;
  readonly frontDoors: readonly FrontDoor[];
  isReady(): boolean;
  /** Requests being served now. */
  inFlight(): number;
  /** Re-reads the catalog (what SIGHUP does); never rejects. */
  reload(reason?: string): Promise<ReloadResult>;
  /** Stops taking requests, waits for those in flight (up to shutdownTimeoutMs), then stops the bots. */
  close(): Promise<{ cut: number }>;
}

type Phase = "starting" | "ready" | "draining";

/** Starts everything the configuration asks for on one port; resolves once ready. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { config, logger } = options;
  const store = CatalogStore.open(config.knowledgeDir, logger);
  const engine = instrumentedEngine(logger);
  // One store for every front door: follow-ups in threads and chats, and 👍 / 👎. Redis (REDIS_URL)
  // when replicas must share them; an outage is logged once and costs follow-ups, never answers or
  // readiness.
  const kv = openStore(config.redisUrl, logger.child({ component: "store" }));
  const conversations = new Conversations({
    store: new ConversationStore(kv, config.conversationTtlSeconds),
    feedback: new FeedbackStore(kv),
    logFeedback: (feedback) => logger.info("feedback", { feedback }),
    hash: (text) => textFingerprint(text).qHash,
    catalogVersion: () => store.info().version,
  });
  const inFlight = new InFlight();
  let phase: Phase = "starting";

  const app = express();
  app.disable("x-powered-by");
  app.use(requestLog(logger), inFlight.middleware, securityHeaders);
  app.get(ROUTES.health, (_req, res) => {
    res.json({ status: "ok" });
  });
  app.get(ROUTES.ready, (_req, res) => {
    res.status(phase === "ready" ? 200 : 503).json({
      status: phase,
      catalog: store.info(),
      frontDoors: Object.fromEntries(frontDoors.map((f) => [f.name, f.on ? "on" : "off"])),
    });
  });

  const deps = {
    config,
    app,
    catalog: store,
    engine,
    conversations,
    logger,
    ...(options.slackIdentity ? { slackIdentity: options.slackIdentity } : {}),
  };
  const frontDoors: FrontDoor[] = [await mountSlack(deps), mountTeams(deps)];
  if (config.playground) {
    app.use(apiRouter(engine, store, conversations));
    app.use(playgroundRouter(logger));
  }
  app.use(notFound);
  app.use(errorHandler(logger));

  // Node checks these timeouts on an interval (30 s by default), which would let a slow client outlive them.
  const checkEveryMs = Math.max(50, Math.min(5_000, Math.floor(config.http.headersTimeoutMs / 2)));
  const server = createServer({ connectionsCheckingInterval: checkEveryMs }, app);
  server.requestTimeout = config.http.requestTimeoutMs;
  server.headersTimeout = config.http.headersTimeoutMs;
  server.keepAliveTimeout = config.http.keepAliveTimeoutMs;
  server.maxConnections = config.http.maxConnections;
  const port = await listen(server, config.port, config.host);
  const url = `http://${reachableHost(config.host)}:${port}`;
  frontDoors.push({
    name: "playground",
    on: config.playground,
    detail: config.playground ? `http://localhost:${port}${ROUTES.playground}` : "PLAYGROUND=0",
    start: async () => {},
    stop: async () => {},
  });

  try {
    for (const door of frontDoors) await door.start();
  } catch (error) {
    server.closeAllConnections();
    server.close();
    throw error;
  }
  for (const door of frontDoors)
    logger.info(`${door.name}: ${door.on ? "on" : "off"} (${door.detail})`, {
      front: door.name,
      on: door.on,
    });
  logger.info(
    kv.kind === "redis"
      ? "conversations: in Redis (REDIS_URL), shared by every replica"
      : "conversations: in memory (set REDIS_URL to share them between replicas)",
    { store: kv.kind, ttlSeconds: config.conversationTtlSeconds },
  );

  let watcher: CatalogWatcher | undefined;
  if (config.knowledgeWatch) {
    watcher = watchCatalog(
      config.knowledgeDir,
      () => void store.reload("watch"),
      logger,
      options.watchDebounceMs,
    );
  }

  phase = "ready";
  logger.info("ready", {
    url,
    port,
    pid: process.pid,
    startupMs: round(performance.now()),
    rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
  });

  let closing: Promise<{ cut: number }> | undefined;
  const close = () => {
    closing ??= shutdown();
    return closing;
  };
  const shutdown = async (): Promise<{ cut: number }> => {
    phase = "draining";
    inFlight.drain();
    watcher?.close();
    const pending = () => frontDoors.reduce((n, door) => n + (door.pending?.() ?? 0), 0);
    logger.info("shutting down", {
      inFlight: inFlight.size,
      pending: pending(),
      timeoutMs: config.shutdownTimeoutMs,
    });
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), config.shutdownTimeoutMs);
    });
    // Requests first: a request still in flight can start listener work (an event acked, then answered).
    // Bolt acks an event and only then runs its listeners: one turn of the loop lets that start.
    const settled = inFlight
      .idle()
      .then(() => setImmediate())
      .then(() => Promise.all(frontDoors.map((door) => door.idle?.())))
      .then(() => "idle" as const);
    const outcome = await Promise.race([settled, timedOut]);
    clearTimeout(timer);
    const cut = outcome === "timeout" ? inFlight.size + pending() : 0;
    if (cut > 0)
      logger.warn("shutdown timeout: cutting requests still in flight", { cut, pending: pending() });
    // Finished keep-alive connections would otherwise hold server.close() open until they time out.
    server.closeAllConnections();
    for (const door of frontDoors) {
      await door.stop().catch((error: unknown) => logger.warn(`${door.name}: stop failed`, { error }));
    }
    await closed;
    await kv.close().catch(() => {});
    logger.info("stopped", { cut });
    return { cut };
  };

  return {
    url,
    port,
    store,
    frontDoors,
    isReady: () => phase === "ready",
    inFlight: () => inFlight.size,
    reload: (reason = "api") => store.reload(reason),
    close,
  };
}

function listen(server: Server, port: number, host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (cause: NodeJS.ErrnoException) => {
      const why = cause.code === "EADDRINUSE" ? `port ${port} is already in use (set PORT)` : cause.message;
      reject(new StartupError("LISTEN_FAILED", `cannot listen: ${why}`, { cause }));
    };
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** A host this machine can connect to: the wildcard addresses mean "every interface", so loopback works. */
function reachableHost(host: string | undefined): string {
  if (!host || host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}
