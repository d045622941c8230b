import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import express, { type RequestHandler, type Router } from "express";
import type { Logger } from "./logger.js";
import { ROUTES } from "./routes.js";

/** The page's own files, beside this module (copied beside the compiled one by `npm run build`). */
export const PLAYGROUND_DIR = fileURLToPath(new URL("./playground/", import.meta.url));

/**
 * The official renderer's browser build. Found through Node's resolution so it works wherever npm put
 * it; undefined when adaptivecards is not installed (then the page shows the card's JSON instead).
 */
export function adaptiveCardsScript(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve("adaptivecards/dist/adaptivecards.min.js");
  } catch {
    return undefined;
  }
}

/** Everything the page loads is from this server: no CDN, so it works offline and behind a firewall. */
const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // The card renderer sets inline styles on the elements it creates.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join("; ");

const pageHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader("Content-Security-Policy", PAGE_POLICY);
  next();
};

export function playgroundRouter(logger: Logger): Router {
  const router = express.Router();
  const script = adaptiveCardsScript();
  if (!script) logger.warn("playground: the adaptivecards package is not installed; cards show as JSON only");
  if (!existsSync(PLAYGROUND_DIR)) logger.warn("playground: its files are missing", { dir: PLAYGROUND_DIR });

  const files = express.static(PLAYGROUND_DIR, { index: false, maxAge: 0, fallthrough: true });
  router.get(ROUTES.playground, pageHeaders, (_req, res, next) => {
    res.sendFile(
      "index.html",
      { root: PLAYGROUND_DIR, headers: { "Cache-Control": "no-cache" } },
      (error) => {
        if (error) next(error);
      },
    );
  });
  router.use(ROUTES.playgroundAssets, pageHeaders, files);
  router.get(ROUTES.adaptiveCards, (_req, res, next) => {
    if (!script) {
      res.status(404).type("text/plain").send("adaptivecards is not installed");
      return;
    }
    res.sendFile(script, { headers: { "Cache-Control": "public, max-age=86400" } }, (error) => {
      if (error) next(error);
    });
  });
  return router;
}
