import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import { distinctCompare } from "../adapters/state.js";
import type { Answer, Lang } from "../core/answer.js";
import type { CatalogProvider } from "../core/catalog/catalog.js";
import { type ButtonState, decodeButtonState } from "../core/request-codec.js";
import { renderSlackMessage } from "../render/slack/blocks.js";
import { t } from "../render/strings.js";
import { readSubmitValue } from "../render/teams/actions.js";
import { pageCount, renderAdaptiveCard } from "../render/teams/card.js";
import type { QuestionEngine } from "./engine.js";
import { ApiError } from "./errors.js";
import { ROUTES } from "./routes.js";

/** Questions are short; anything near this is not a question. Bodies above BODY_LIMIT get 413 first. */
export const MAX_QUESTION_CHARS = 2000;
export const API_BODY_LIMIT = "16kb";

/**
 * What the playground may ask, exactly one of:
 * - `q`: a free-text question;
 * - `action`: the data of an Adaptive Card Action.Submit, as Teams would post it back;
 * - `state`: a Slack button value (the encoded button state), or its parsed object.
 */
export type AskInput = { q: string } | { action: unknown } | { state: unknown };

export interface AskResult {
  answer: Answer;
  page: number;
  /** The chat.postMessage body the Slack bot would send. */
  slack: ReturnType<typeof renderSlackMessage>;
  /** The Adaptive Card the Teams bot would attach. */
  teams: ReturnType<typeof renderAdaptiveCard>;
}

type Parsed = { kind: "question"; q: string } | { kind: "state"; state: ButtonState };

export function parseAskInput(body: unknown): Parsed {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiError("INVALID_REQUEST", "the body must be a JSON object with one of: q, action, state");
  }
  const o = body as Record<string, unknown>;
  const given = (["q", "action", "state"] as const).filter((k) => o[k] !== undefined);
  if (given.length !== 1) {
    throw new ApiError(
      "INVALID_REQUEST",
      "give exactly one of: q (a question), action (a card button's data), state (a Slack button value)",
    );
  }
  if (given[0] === "q") {
    if (typeof o.q !== "string" || !o.q.trim())
      throw new ApiError("INVALID_REQUEST", "q must be a non-empty string");
    if (o.q.length > MAX_QUESTION_CHARS)
      throw new ApiError("INVALID_REQUEST", `q must be at most ${MAX_QUESTION_CHARS} characters`);
    return { kind: "question", q: o.q.trim() };
  }
  if (given[0] === "action") {
    const read = readSubmitValue(o.action);
    if (read.kind === "pick-incomplete") throw new ApiError("PICK_INCOMPLETE", t(read.lang, "teamsPickMore"));
    if (read.kind === "invalid")
      throw new ApiError("INVALID_REQUEST", "action is not the data of one of this bot's buttons");
    return { kind: "state", state: read.state };
  }
  const state = decodeButtonState(o.state);
  if (!state) throw new ApiError("INVALID_REQUEST", "state is not the value of one of this bot's buttons");
  return { kind: "state", state };
}

export function ask(input: Parsed, engine: QuestionEngine, catalog: CatalogProvider): AskResult {
  const current = catalog.current();
  const state = input.kind === "state" ? distinctCompare(input.state) : undefined;
  const answer =
    input.kind === "question"
      ? engine.answer(input.q, current)
      : engine.respond((state ?? input.state).request, current);
  // The page shown, not the page asked for: a forged number is never echoed back.
  const page = Math.min(Math.max(1, state?.page ?? 1), pageCount(answer));
  return {
    answer,
    page,
    slack: renderSlackMessage(answer, { page }),
    teams: renderAdaptiveCard(answer, { page }),
  };
}

/** Example questions per language, from the catalog's help answer so they always have answers. */
export function examples(engine: QuestionEngine, catalog: CatalogProvider): Record<Lang, string[]> {
  const of = (lang: Lang) => {
    const help = engine.respond({ type: "help", lang }, catalog.current());
    return help.intent === "help" ? help.examples : [];
  };
  return { en: of("en"), zh: of("zh") };
}

/** 415 before parsing: a form post or text body is a client mistake, not malformed JSON. */
export const requireJson: RequestHandler = (req, _res, next) => {
  next(
    req.is("application/json")
      ? undefined
      : new ApiError("UNSUPPORTED_MEDIA_TYPE", "send Content-Type: application/json"),
  );
};

export function apiRouter(engine: QuestionEngine, catalog: CatalogProvider): Router {
  const router = express.Router();
  router.post(
    ROUTES.ask,
    requireJson,
    express.json({ limit: API_BODY_LIMIT, strict: true }),
    (req: Request, res: Response) => {
      res.json(ask(parseAskInput(req.body), engine, catalog));
    },
  );
  router.get(ROUTES.examples, (_req, res) => {
    res.json(examples(engine, catalog));
  });
  return router;
}
