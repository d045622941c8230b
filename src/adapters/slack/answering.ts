import type { Answer, Lang, Request } from "../../core/answer.js";
import type { CatalogProvider } from "../../core/catalog/catalog.js";
import { answer as engineAnswer, respond as engineRespond } from "../../core/engine.js";
import { renderNotice, renderSlackMessage, type SlackRenderOptions } from "../../render/slack/blocks.js";
import type { SlackMessage } from "../../render/slack/types.js";
import { guessLang } from "./question.js";

/** The question engine as the adapter sees it; tests swap in a failing one. */
export interface Engine {
  answer: typeof engineAnswer;
  respond: typeof engineRespond;
}

export const defaultEngine: Engine = { answer: engineAnswer, respond: engineRespond };

export interface Logger {
  error(...msg: unknown[]): void;
}

/**
 * Calls the engine and the renderer, and turns any failure into a friendly message: a question never
 * crashes the bot, and the person asking always gets a reply.
 */
export class Answering {
  constructor(
    private readonly engine: Engine,
    private readonly catalog: CatalogProvider,
    private readonly logger: Logger,
  ) {}

  /** The engine's answer to a request, or undefined (already logged) when it failed. */
  answerFor(request: Request): Answer | undefined {
    try {
      return this.engine.respond(request, this.catalog.current());
    } catch (error) {
      this.logger.error(`paas-bot: the engine failed on a ${request.type} request:`, error);
      return undefined;
    }
  }

  message(request: Request, options: SlackRenderOptions = {}): SlackMessage {
    const answer = this.answerFor(request);
    if (!answer) return renderNotice(langOf(request), "slackError");
    try {
      return renderSlackMessage(answer, options);
    } catch (error) {
      this.logger.error(`paas-bot: rendering a ${answer.intent} answer for Slack failed:`, error);
      return renderNotice(answer.lang, "slackError");
    }
  }
}

export const langOf = (request: Request): Lang =>
  request.type === "ask" ? guessLang(request.q) : request.lang;
