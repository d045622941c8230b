import { STATUS_CODES } from "node:http";
import type { ErrorRequestHandler, Request, RequestHandler } from "express";
import { answerFields, round } from "./engine.js";
import { ApiError, type ApiErrorCode } from "./errors.js";
import type { Logger } from "./logger.js";
import { type Platform, type RequestContext, requestId, runWithContext } from "./request-context.js";
import { ROUTES } from "./routes.js";

/** Counts requests in flight so shutdown can wait for them, and tells clients to reconnect elsewhere once draining. */
export class InFlight {
  private count = 0;
  private draining = false;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }
  get isDraining(): boolean {
    return this.draining;
  }

  drain(): void {
    this.draining = true;
  }

  /** Resolves when no request is in flight. */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  readonly middleware: RequestHandler = (_req, res, next) => {
    this.count++;
    // A keep-alive client would otherwise send its next request to a process that is going away.
    if (this.draining) res.setHeader("Connection", "close");
    res.once("close", () => {
      this.count--;
      if (this.count === 0) for (const resolve of this.waiters.splice(0)) resolve();
    });
    next();
  };
}

export function platformOf(path: string): Platform {
  if (path === ROUTES.slack) return "slack";
  if (path === ROUTES.teams) return "teams";
  if (path === ROUTES.health || path === ROUTES.ready) return "probe";
  if (path.startsWith("/api/") || path === ROUTES.playground || path.startsWith(ROUTES.playgroundAssets))
    return "playground";
  return "http";
}

/**
 * Gives every request an id (echoed in X-Request-Id) and an async context, and logs one line when
 * it ends: method, path, status, latency, platform, outcome, and what the request was answered
 * (intent, lang, items, answerMs, and the question's qLen and qHash, never its words). Probes log at
 * debug only.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const ctx: RequestContext = { id: requestId(req.get("x-request-id")), platform: platformOf(req.path) };
    res.setHeader("X-Request-Id", ctx.id);
    res.once("close", () => {
      ctx.logged = true;
      const status = res.statusCode;
      const outcome = !res.writableFinished
        ? "aborted"
        : status >= 500
          ? "error"
          : status >= 400
            ? "rejected"
            : "ok";
      const level =
        ctx.platform === "probe" && outcome === "ok" ? "debug" : outcome === "error" ? "error" : "info";
      if (!logger.enabled(level)) return;
      logger[level]("request", {
        reqId: ctx.id,
        platform: ctx.platform,
        method: req.method,
        path: req.path,
        status,
        intent: ctx.intent,
        lang: ctx.lang,
        ...answerFields(ctx.answer),
        latencyMs: round(performance.now() - started),
        outcome,
      });
    });
    runWithContext(ctx, next);
  };
}

/** Headers for every response; the playground's scripts and styles all come from this server. */
export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("X-Frame-Options", "DENY");
  next();
};

export const notFound: RequestHandler = (req, _res, next) => {
  next(new ApiError("NOT_FOUND", `no route for ${req.method} ${req.path}`));
};

/** body-parser's error types, as the API's error codes. */
const PARSER_ERRORS: Record<string, ApiErrorCode> = {
  "entity.parse.failed": "BAD_JSON",
  "entity.too.large": "BODY_TOO_LARGE",
  "encoding.unsupported": "UNSUPPORTED_MEDIA_TYPE",
  "charset.unsupported": "UNSUPPORTED_MEDIA_TYPE",
};

/** Turns every error into a JSON `{error: {code, message}}`; client errors are not logged as errors. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req: Request, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const api = asApiError(error);
    if (api) {
      res.status(api.status).json({ error: { code: api.code, message: api.message } });
      return;
    }
    const client = clientError(error);
    if (client) {
      // A 4xx nothing here names (a body that claims gzip and is not): the client's fault, but odd enough to note.
      logger.warn("request refused", { method: req.method, path: req.path, status: client.status, error });
      res.status(client.status).json({ error: { code: client.code, message: client.message } });
      return;
    }
    logger.error("request failed", { method: req.method, path: req.path, error });
    res.status(500).json({ error: { code: "INTERNAL", message: "internal error" } });
  };
}

function asApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  const type = (error as { type?: unknown } | null)?.type;
  const code = typeof type === "string" ? PARSER_ERRORS[type] : undefined;
  if (!code) return undefined;
  const message =
    code === "BAD_JSON"
      ? "the body is not valid JSON"
      : code === "BODY_TOO_LARGE"
        ? "the body is too large"
        : "unsupported body encoding";
  return new ApiError(code, message, { cause: error });
}

/**
 * Any other error that carries a 4xx `status` or `statusCode` (http-errors, as body-parser and
 * express.static raise them): that status, with the error's message when it is marked safe to show.
 */
function clientError(error: unknown): ApiError | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown };
  const status = typeof e.status === "number" ? e.status : e.statusCode;
  if (typeof status !== "number" || !Number.isInteger(status) || status < 400 || status > 499)
    return undefined;
  const shown =
    e.expose === true && typeof e.message === "string" && e.message
      ? e.message.split("\n")[0]?.slice(0, 200)
      : undefined;
  const code = status === 404 ? "NOT_FOUND" : status === 413 ? "BODY_TOO_LARGE" : "BAD_REQUEST";
  return new ApiError(code, shown || (STATUS_CODES[status] ?? "bad request"), { cause: error, status });
}
