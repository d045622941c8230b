import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import type { Request } from "../../../core/answer.js";
import type { Answering } from "../answering.js";
import { describe } from "../deliver.js";
import { helpLanguage, questionFromSlack } from "../question.js";

const requestFor = (question: string): Request => {
  const lang = helpLanguage(question);
  return lang ? { type: "help", lang } : { type: "ask", q: question };
};

/**
 * `/paas <question>`: the answer is the body of the ack itself, so it arrives with the 200 (no second
 * round trip, nothing can miss the 3-second window) and is ephemeral, with a Share button.
 */
export const onCommand =
  (answering: Answering) =>
  async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const request = requestFor(questionFromSlack(command.text));
    const message = answering.message(request, { shareable: request.type !== "help" });
    await ack({ response_type: "ephemeral", ...message });
  };

/** A mention in a channel: answer in the mention's thread (or the thread it was written in). */
export const onMention =
  (answering: Answering) =>
  async ({ event, client, context, logger }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    // Another bot mentioning us could start a loop of bots answering bots.
    if (event.bot_id) return;
    const request = requestFor(questionFromSlack(event.text, context.botUserId));
    const message = answering.message(request);
    try {
      await client.chat.postMessage({
        channel: event.channel,
        thread_ts: event.thread_ts ?? event.ts,
        ...message,
      });
    } catch (error) {
      logger.error(`paas-bot: could not answer a mention: ${describe(error)}`);
    }
  };

/**
 * Message subtypes that are a person writing: a plain message, and one with a file attached (the
 * text is the question). Edits, deletions, joins and bot messages are not.
 */
const QUESTION_SUBTYPES = new Set<string | undefined>([undefined, "file_share"]);

/** A direct message: only what a person wrote, never our own messages, edits, joins or other bots. */
export const onDirectMessage =
  (answering: Answering) =>
  async ({
    event: received,
    client,
    context,
    logger,
  }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    if (received.channel_type !== "im" || !QUESTION_SUBTYPES.has(received.subtype)) return;
    // Both kept subtypes carry a person's text, user and thread.
    const event = received as typeof received & {
      bot_id?: string;
      user?: string;
      text?: string;
      thread_ts?: string;
    };
    if (event.bot_id || !event.user || event.user === context.botUserId) return;
    const request = requestFor(questionFromSlack(event.text, context.botUserId));
    const message = answering.message(request);
    const thread = event.thread_ts ? { thread_ts: event.thread_ts } : {};
    try {
      await client.chat.postMessage({ channel: event.channel, ...thread, ...message });
    } catch (error) {
      logger.error(`paas-bot: could not answer a direct message: ${describe(error)}`);
    }
  };
