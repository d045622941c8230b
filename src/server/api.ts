import express, {
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
  type Router,
} from "express";
import type { Conversations } from "../adapters/conversations.js";
import { distinctCompare } from "../adapters/state.js";
import type { Answer, Lang } from "../core/answer.js";
import type { CatalogProvider } from "../core/catalog/catalog.js";
import { decodeFeedbackValue, type FeedbackVote } from "../core/feedback-codec.js";
import type { QuestionEngine } from "../core/port.js";
import { type ButtonState, decodeButtonState } from "../core/request-codec.js";
import { renderSlackMessage } from "../render/slack/blocks.js";
import { t } from "../render/strings.js";
import { readSubmitValue } from "../render/teams/actions.js";
import { pageCount, renderAdaptiveCard } from "../render/teams/card.js";
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
 *
 * With `q`, `conversation` (at most 100 of A–Z a–z 0–9 _ -) makes it a message of that
 * conversation: "which of those are open source?" refines the previous answer of the same id.
 */
export type AskInput = { q: string; conversation?: string } | { action: unknown } | { state: unknown };

const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,100}$/;

export interface AskResult {
  answer: Answer;
  page: number;
  /** The chat.postMessage body the Slack bot would send. */
  slack: ReturnType<typeof renderSlackMessage>;
  /** The Adaptive Card the Teams bot would attach. */
  teams: ReturnType<typeof renderAdaptiveCard>;
}

type Parsed = { kind: "question"; q: string; conversation?: string } | { kind: "state"; state: ButtonState };

export function parseAskInput(body: unknown): Parsed {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new ApiError("INVALID_REQUEST", "the body must be a JSON object with one of: q, action, state");
  }
  const o = body as Record<string, unknown>;
  const given = (["q", "action", "state"] as const).filter((k) => o[k] !== undefined);
  if (o.conversation !== undefined) {
    if (typeof o.conversation !== "string" || !CONVERSATION_ID.test(o.conversation))
      throw new ApiError(
        "INVALID_REQUEST",
        "conversation must be 1 to 100 characters of A-Z, a-z, 0-9, _ and -",
      );
    if (given[0] !== "q" || given.length !== 1)
      throw new ApiError("INVALID_REQUEST", "conversation goes with q (a question)");
  }
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
    const q = o.q.trim();
    return typeof o.conversation === "string"
      ? { kind: "question", q, conversation: o.conversation }
      : { kind: "question", q };
  }
  if (given[0] === "action") {
    const read = readSubmitValue(o.action);
    if (read.kind === "pick-incomplete") throw new ApiError("PICK_INCOMPLETE", t(read.lang, "teamsPickMore"));
    if (read.kind === "invalid")
      throw new ApiError("INVALID_REQUEST", "action is not the data of one of this bot's buttons");
    if (read.kind === "feedback")
      throw new ApiError("INVALID_REQUEST", `a 👍 / 👎 goes to POST ${ROUTES.feedback}`);
    return { kind: "state", state: read.state };
  }
  const state = decodeButtonState(o.state);
  if (!state) throw new ApiError("INVALID_REQUEST", "state is not the value of one of this bot's buttons");
  return { kind: "state", state };
}

/**
 * Answers what the playground asked. A question with a conversation id is a message of that
 * conversation (its previous turn loaded, the new one saved); anything else stands alone.
 */
export async function ask(
  input: Parsed,
  engine: QuestionEngine,
  catalog: CatalogProvider,
  conversations?: Conversations,
): Promise<AskResult> {
  const current = catalog.current();
  const state = input.kind === "state" ? distinctCompare(input.state) : undefined;
  let answer: Answer;
  let asked = state?.page ?? 1;
  if (input.kind === "question" && input.conversation && conversations) {
    const reply = await conversations.converse(engine, current, `playground:${input.conversation}`, input.q);
    answer = reply.answer;
    asked = reply.page;
  } else {
    answer =
      input.kind === "question"
        ? engine.answer(input.q, current)
        : engine.respond((state ?? input.state).request, current);
  }
  // The page shown, not the page asked for: a forged number is never echoed back.
  const page = Math.min(Math.max(1, asked), pageCount(answer));
  const about = input.kind === "question" ? input.q : (state ?? input.state).request;
  const feedback = conversations ? conversations.tag(about) : false;
  return {
    answer,
    page,
    slack: renderSlackMessage(answer, { page, feedback }),
    teams: renderAdaptiveCard(answer, { page, feedback }),
  };
}

/**
 * A 👍 / 👎 from the playground, exactly one of: `action` (the card button's data, as Teams posts it)
 * or `value` with `verdict` (a Slack button's value and which of the two was clicked).
 */
export function parseFeedbackInput(body: unknown): FeedbackVote {
  if (!body || typeof body !== "object" || Array.isArray(body))
    throw new ApiError("INVALID_REQUEST", "the body must be a JSON object with action, or value and verdict");
  const o = body as Record<string, unknown>;
  if (o.action !== undefined && o.value === undefined) {
    const read = readSubmitValue(o.action);
    if (read.kind === "feedback") return read.vote;
    throw new ApiError("INVALID_REQUEST", "action is not the data of a 👍 / 👎 button");
  }
  if (o.value !== undefined && o.action === undefined && (o.verdict === "up" || o.verdict === "down")) {
    const target = decodeFeedbackValue(o.value);
    if (target) return { verdict: o.verdict, ...target };
    throw new ApiError("INVALID_REQUEST", "value is not the value of a 👍 / 👎 button");
  }
  throw new ApiError(
    "INVALID_REQUEST",
    'give action (a card button\'s data), or value and verdict ("up" or "down")',
  );
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

export function apiRouter(
  engine: QuestionEngine,
  catalog: CatalogProvider,
  conversations?: Conversations,
): Router {
  const router = express.Router();
  router.post(
    ROUTES.ask,
    requireJson,
    express.json({ limit: API_BODY_LIMIT, strict: true }),
    (req: Request, res: Response, next: NextFunction) => {
      ask(parseAskInput(req.body), engine, catalog, conversations).then((r) => res.json(r), next);
    },
  );
  router.post(
    ROUTES.feedback,
    requireJson,
    express.json({ limit: API_BODY_LIMIT, strict: true }),
    (req: Request, res: Response, next: NextFunction) => {
      let vote: FeedbackVote;
      try {
        vote = parseFeedbackInput(req.body);
      } catch (error) {
        next(error);
        return;
      }
      const recorded = conversations ? conversations.recordFeedback(vote, "playground") : Promise.resolve();
      recorded.then(() => res.json({ ok: true, message: t(vote.lang, "feedbackThanks") }), next);
    },
  );
  router.get(ROUTES.examples, (_req, res) => {
    res.json(examples(engine, catalog));
  });
  return router;
}
