import {
  type Activity,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  TeamsActivityHandler,
  TurnContext,
} from "botbuilder";
import type { Answer, Lang } from "../../core/answer.js";
import type { Catalog, CatalogProvider } from "../../core/catalog/catalog.js";
import { languageOf } from "../../core/normalize.js";
import type { QuestionEngine } from "../../core/port.js";
import { t } from "../../render/strings.js";
import { readSubmitValue } from "../../render/teams/actions.js";
import { renderTeamsMessage } from "../../render/teams/card.js";
import {
  categoryResult,
  type ExtensionAttachment,
  extensionMessage,
  extensionResults,
  productResult,
} from "../../render/teams/extension.js";
import { TEAMS_LIMITS } from "../../render/teams/limits.js";
import { ADAPTIVE_CARD_CONTENT_TYPE } from "../../render/teams/types.js";
import { renderWelcomeCard } from "../../render/teams/welcome.js";
import {
  type Conversations,
  Conversations as ConversationsImpl,
  type FeedbackTag,
} from "../conversations.js";
import { distinctCompare } from "../state.js";
import {
  deadlineOf,
  SEND_DEADLINE_KEY,
  SendDeadline,
  SendTimeoutError,
  validSendTimeout,
} from "./deadline.js";

export type { QuestionEngine } from "../../core/port.js";

export interface TeamsLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Must match appPackage/manifest.json composeExtensions[0].commands[0]. */
export const SEARCH_COMMAND_ID = "searchProducts";
export const SEARCH_PARAMETER = "query";

export interface PaasTeamsBotDeps {
  catalog: CatalogProvider;
  engine: QuestionEngine;
  log: TeamsLogger;
  /**
   * The conversation store (follow-ups in a personal chat or a channel reply chain, keyed by
   * `conversation.id`) and feedback recording; default: in memory, for this bot alone.
   */
  conversations?: Conversations;
  /**
   * The send budget of a turn that arrives without one (`createTeamsBot` starts it when the request
   * arrives); see `DEFAULT_SEND_TIMEOUT_MS`.
   */
  sendTimeoutMs?: number;
}

/** Teams says "zh-CN", "zh-cn", "en-US"; anything not Chinese gets English. */
export const langOfLocale = (locale: string | undefined): Lang =>
  locale?.toLowerCase().startsWith("zh") ? "zh" : "en";
const langOfText = (text: string, locale: string | undefined): Lang => languageOf(text, langOfLocale(locale));

/** What one turn shows: an answer, on a page. */
interface Shown {
  answer: Answer;
  page?: number;
  feedback: FeedbackTag;
}

export class PaasTeamsBot extends TeamsActivityHandler {
  private readonly conversations: Conversations;

  constructor(private readonly deps: PaasTeamsBotDeps) {
    super();
    this.conversations = deps.conversations ?? new ConversationsImpl();
    this.onMessage(async (context, next) => {
      await this.onQuestionOrClick(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcome(context);
      await next();
    });
  }

  /** Every turn has a send deadline: the HTTP handler's, or one started here. */
  override async run(context: TurnContext): Promise<void> {
    if (deadlineOf(context)) return super.run(context);
    const deadline = new SendDeadline(validSendTimeout(this.deps.sendTimeoutMs));
    context.turnState.set(SEND_DEADLINE_KEY, deadline);
    try {
      await super.run(context);
    } finally {
      deadline.dispose();
    }
  }

  private async onQuestionOrClick(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const hasText = typeof activity.text === "string" && activity.text.trim().length > 0;
    const hasValue = activity.value !== undefined && activity.value !== null;
    // Teams can send a submit's data along with text (the card's text, or a typed reply): data that
    // is one of our buttons is the click, whatever text came with it.
    if (hasValue && (!hasText || readSubmitValue(activity.value).kind !== "invalid")) {
      await this.onClick(context);
      return;
    }
    const question = questionText(activity);
    const lang = langOfText(question, activity.locale);
    // The conversation is the chat or the channel reply chain (its id carries ";messageid=").
    const conversationId = activity.conversation?.id;
    await this.reply(context, lang, async (catalog) => {
      if (!question) {
        const request = { type: "help", lang } as const;
        return {
          answer: this.deps.engine.respond(request, catalog),
          feedback: this.conversations.tag(request),
        };
      }
      const reply = await this.conversations.converse(this.deps.engine, catalog, conversationId, question);
      return { answer: reply.answer, page: reply.page, feedback: this.conversations.tag(question) };
    });
  }

  /** Action.Submit arrives as a message whose `value` is the action's data plus any input values. */
  private async onClick(context: TurnContext): Promise<void> {
    const lang = langOfLocale(context.activity.locale);
    const read = readSubmitValue(context.activity.value);
    if (read.kind === "invalid") {
      await this.sendText(context, t(lang, "teamsBadButton"));
      return;
    }
    if (read.kind === "pick-incomplete") {
      await this.sendText(context, t(read.lang, "teamsPickMore"));
      return;
    }
    if (read.kind === "feedback") {
      // Recorded (what was answered, never the words), then a short thanks in the answer's language.
      await this.conversations.recordFeedback(read.vote, "teams");
      await this.sendText(context, t(read.vote.lang, "feedbackThanks"));
      return;
    }
    const { request, page } = distinctCompare(read.state);
    const replyLang = request.type === "ask" ? langOfText(request.q, context.activity.locale) : request.lang;
    await this.reply(context, replyLang, async (catalog) => ({
      answer: this.deps.engine.respond(request, catalog),
      ...(page ? { page } : {}),
      feedback: this.conversations.tag(request),
    }));
  }

  /** Answers in the same conversation (and thread: the reply is addressed to the incoming activity). */
  private async reply(context: TurnContext, lang: Lang, produce: (c: Catalog) => Promise<Shown>) {
    let message: ReturnType<typeof renderTeamsMessage>;
    try {
      const shown = await produce(this.deps.catalog.current());
      message = renderTeamsMessage(shown.answer, {
        ...(shown.page ? { page: shown.page } : {}),
        feedback: shown.feedback,
      });
    } catch (error) {
      this.deps.log.error("Teams: answering failed", error);
      await this.sendText(context, t(lang, "teamsError"));
      return;
    }
    const card = await this.send(context, {
      type: "message",
      summary: message.summary,
      attachments: message.attachments,
    });
    if (card.kind === "sent") return;
    if (card.kind !== "refused") {
      // A connector that is down, throttling or silent will not take the text either: give up.
      this.logFailure(card, "answer");
      return;
    }
    // Teams refuses a card it cannot take (size, schema); the text still answers the question.
    this.deps.log.warn(`Teams: card refused (${card.reason}); sending the text fallback`);
    const text = await this.send(context, textMessage(message.text));
    if (text.kind !== "sent") this.logFailure(text, "text fallback");
  }

  private async sendText(context: TurnContext, text: string): Promise<void> {
    const sent = await this.send(context, textMessage(text));
    if (sent.kind !== "sent") this.logFailure(sent, "reply");
  }

  /**
   * One send within the turn's deadline. The connector client has already retried what is worth
   * retrying (5xx, 408, 429 and network errors, a few times with backoff); what is left is sorted
   * so the caller can tell a refused message from a connector that cannot take any.
   */
  private async send(context: TurnContext, activity: Partial<Activity>): Promise<SendOutcome> {
    const deadline = deadlineOf(context);
    try {
      const sending = context.sendActivity(activity);
      await (deadline ? deadline.bound(sending) : sending);
      return { kind: "sent" };
    } catch (error) {
      // Whatever failed once the deadline has passed failed because of it (an aborted request).
      if (deadline?.signal.aborted) return { kind: "timeout", ms: deadline.ms };
      return sendFailure(error);
    }
  }

  /** One line per failed reply: what failed and why, never the reply's text. */
  private logFailure(outcome: Exclude<SendOutcome, { kind: "sent" }>, what: string): void {
    switch (outcome.kind) {
      case "timeout":
        this.deps.log.warn(
          `Teams: the Bot Connector did not answer within ${outcome.ms} ms; gave up on the ${what}`,
        );
        return;
      case "unavailable":
        this.deps.log.warn(`Teams: could not send the ${what} (${outcome.reason}); giving up`);
        return;
      case "refused":
        this.deps.log.error(`Teams: the Bot Connector refused the ${what} (${outcome.reason})`);
        return;
      case "error":
        this.deps.log.error(`Teams: could not send the ${what}`, outcome.error);
        return;
    }
  }

  /** Welcome once, when the bot itself is added to a personal chat (Emulator chats have no type). */
  private async welcome(context: TurnContext): Promise<void> {
    const { membersAdded, recipient, conversation } = context.activity;
    if (!membersAdded?.some((m) => m.id === recipient.id)) return;
    const scope = conversation.conversationType;
    if (scope && scope !== "personal") return;
    let card: ReturnType<typeof renderWelcomeCard>;
    try {
      const catalog = this.deps.catalog.current();
      const examples = (lang: Lang) => {
        const help = this.deps.engine.respond({ type: "help", lang }, catalog);
        return help.intent === "help" ? help.examples : [];
      };
      card = renderWelcomeCard({ en: examples("en"), zh: examples("zh") });
    } catch (error) {
      this.deps.log.error("Teams: welcome failed", error);
      return;
    }
    const sent = await this.send(context, {
      type: "message",
      summary: t("en", "teamsWelcomeTitle"),
      attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
    });
    if (sent.kind !== "sent") this.logFailure(sent, "welcome");
  }

  /**
   * Invokes this bot has no handler for (Universal Actions, task modules, other extension
   * commands): a 200 with a short note the client can show, instead of botbuilder's 501, which
   * Teams shows as an error and the access log counts as a server fault.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const response = await super.onInvokeActivity(context);
    if (response.status !== 501) return response;
    const note = t(langOfLocale(context.activity.locale), "teamsBadButton");
    const name = String(context.activity.name ?? "");
    this.deps.log.info(`Teams: answered an unsupported invoke (${name.slice(0, 64)}) with a note`);
    if (name === "adaptiveCard/action")
      return {
        status: 200,
        body: { statusCode: 200, type: "application/vnd.microsoft.activity.message", value: note },
      };
    if (name.startsWith("task/")) return { status: 200, body: { task: { type: "message", value: note } } };
    if (name.startsWith("composeExtension/")) return { status: 200, body: extensionMessage(note) };
    return { status: 200 };
  }

  /** composeExtension/query: the return value is the synchronous invoke response body. */
  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const localeLang = langOfLocale(context.activity.locale);
    // The value is the client's JSON: nothing about its shape is taken on trust.
    const q = (query ?? {}) as Partial<Record<keyof MessagingExtensionQuery, unknown>>;
    if (q.commandId !== SEARCH_COMMAND_ID)
      return extensionMessage(t(localeLang, "teamsSearchUnknownCommand"));
    const parameters = Array.isArray(q.parameters) ? (q.parameters as unknown[]) : [];
    const raw = parameters.find(
      (p): p is { value?: unknown } =>
        typeof p === "object" && p !== null && (p as { name?: unknown }).name === SEARCH_PARAMETER,
    )?.value;
    const text = typeof raw === "string" ? raw.trim().slice(0, 500) : "";
    const options = (typeof q.queryOptions === "object" && q.queryOptions !== null ? q.queryOptions : {}) as {
      skip?: unknown;
      count?: unknown;
    };
    const skip = nonNegative(options.skip, 0);
    const count = Math.min(
      nonNegative(options.count, TEAMS_LIMITS.extensionMaxResults),
      TEAMS_LIMITS.extensionMaxResults,
    );
    try {
      const results = this.search(text, localeLang).slice(skip, skip + count);
      return extensionResults(results.map((build) => build()));
    } catch (error) {
      this.deps.log.error("Teams: search failed", error);
      return extensionMessage(t(localeLang, "teamsError"));
    }
  }

  /**
   * Results are built lazily so only the requested slice costs a card each. An empty query (what
   * Teams sends when the search opens) lists the categories; a query lists the engine's products.
   */
  private search(text: string, localeLang: Lang): (() => ExtensionAttachment)[] {
    const catalog = this.deps.catalog.current();
    const { respond } = this.deps.engine;
    const found = text
      ? this.deps.engine.answer(text, catalog)
      : respond({ type: "categories", lang: localeLang }, catalog);
    const lang = found.lang;
    if (found.intent === "categories") {
      return found.categories.map(
        (c) => () => categoryResult(c, lang, respond({ type: "category", id: c.id, lang }, catalog)),
      );
    }
    if (found.intent === "not-found") {
      // The engine's "did you mean" products are still useful results while the user types.
      return found.suggestions.flatMap((s) => {
        if (s.request.type !== "product") return [];
        const detail = respond(s.request, catalog);
        const product = detail.items[0];
        return product ? [() => productResult(product, detail)] : [];
      });
    }
    return found.items.map(
      (p) => () => productResult(p, respond({ type: "product", id: p.id, lang }, catalog)),
    );
  }
}

/** The question with the bot's own @mention removed (channels and group chats prefix it). */
export function questionText(activity: Activity): string {
  let text = typeof activity.text === "string" ? activity.text : "";
  try {
    text = TurnContext.removeRecipientMention(activity) ?? text;
  } catch {
    // A mention entity without `mentioned` makes botbuilder throw; strip the markup instead.
  }
  return text
    .replace(/<at>[^<]*<\/at>/gi, " ")
    .replace(/&nbsp;/gi, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const nonNegative = (v: unknown, fallback: number) =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : fallback;

const textMessage = (text: string): Partial<Activity> => ({ type: "message", text, textFormat: "markdown" });

/** How a send ended. `reason` is the status and the first line of the connector's error, nothing of ours. */
export type SendOutcome =
  | { kind: "sent" }
  /** The connector refused this message (400, 413…): a different message may still get through. */
  | { kind: "refused"; reason: string }
  /** The connector is down, throttling, unreachable or refuses us whatever we send (401, 403, 404). */
  | { kind: "unavailable"; reason: string }
  /** The turn's deadline passed first; the request was aborted. */
  | { kind: "timeout"; ms: number }
  /** Not an answer from the connector at all: a bug on our side, logged with its stack. */
  | { kind: "error"; error: unknown };

/** 4xx answers that are about the caller or the conversation, not about the message sent. */
const NOT_ABOUT_THE_MESSAGE = new Set([401, 403, 404, 408, 429]);

export function sendFailure(error: unknown): Exclude<SendOutcome, { kind: "sent" }> {
  if (error instanceof SendTimeoutError) return { kind: "timeout", ms: error.ms };
  // The connector client throws a RestError: with the HTTP status, or without one for network errors.
  if (!(error instanceof Error) || error.name !== "RestError") return { kind: "error", error };
  const status = (error as { statusCode?: unknown }).statusCode;
  if (typeof status !== "number") return { kind: "unavailable", reason: errorLine(error) };
  const reason = `${status} ${errorLine(error)}`;
  return status >= 400 && status < 500 && !NOT_ABOUT_THE_MESSAGE.has(status)
    ? { kind: "refused", reason }
    : { kind: "unavailable", reason };
}

const errorLine = (error: unknown) =>
  (error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)).slice(0, 200);
