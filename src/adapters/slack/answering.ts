import type { Answer, Lang, Request } from "../../core/answer.js";
import type { CatalogProvider } from "../../core/catalog/catalog.js";
import { languageOf } from "../../core/normalize.js";
import { coreEngine, type QuestionEngine } from "../../core/port.js";
import { renderNotice, renderSlackMessage, type SlackRenderOptions } from "../../render/slack/blocks.js";
import type { SlackMessage } from "../../render/slack/types.js";
import { Conversations } from "../conversations.js";
import { helpLanguage } from "./question.js";

/** The question engine as the adapter sees it (the core's one port); tests swap in a failing one. */
export type Engine = QuestionEngine;

export const defaultEngine: Engine = coreEngine;

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
    readonly conversations: Conversations = new Conversations(),
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

  /** A request on its own (a button, `/paas`): no conversation. */
  message(request: Request, options: SlackRenderOptions = {}): SlackMessage {
    const answer = this.answerFor(request);
    if (!answer) return renderNotice(langOf(request), "slackError");
    return this.render(answer, { feedback: this.conversations.tag(request), ...options });
  }

  /**
   * A message of a conversation (a thread, a DM): follow-ups refine the previous answer of the same
   * conversation id. Help words get the help, as everywhere.
   */
  async converse(
    question: string,
    conversationId: string | undefined,
    options: SlackRenderOptions = {},
  ): Promise<SlackMessage> {
    return (await this.converseDetailed(question, conversationId, options)).message;
  }

  /** `converse`, and how the message followed up the previous one (if it did). */
  async converseDetailed(
    question: string,
    conversationId: string | undefined,
    options: SlackRenderOptions = {},
  ): Promise<{ message: SlackMessage; followUp?: string }> {
    const help = helpLanguage(question);
    if (help) return { message: this.message({ type: "help", lang: help }) };
    let reply: Awaited<ReturnType<Conversations["converse"]>>;
    try {
      reply = await this.conversations.converse(
        this.engine,
        this.catalog.current(),
        conversationId,
        question,
      );
    } catch (error) {
      this.logger.error("paas-bot: the engine failed on a conversation message:", error);
      return { message: renderNotice(languageOf(question), "slackError") };
    }
    const message = this.render(reply.answer, {
      ...options,
      page: reply.page,
      feedback: this.conversations.tag(question),
    });
    return reply.followUp ? { message, followUp: reply.followUp } : { message };
  }

  private render(answer: Answer, options: SlackRenderOptions): SlackMessage {
    try {
      return renderSlackMessage(answer, options);
    } catch (error) {
      this.logger.error(`paas-bot: rendering a ${answer.intent} answer for Slack failed:`, error);
      return renderNotice(answer.lang, "slackError");
    }
  }
}

export const langOf = (request: Request): Lang =>
  request.type === "ask" ? languageOf(request.q) : request.lang;
