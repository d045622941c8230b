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
 * `/paas <question>`, stateless: the answer is the body of the ack itself, so it arrives with the 200 (no second
 * round trip, nothing can miss the 3-second window) and is ephemeral, with a Share button.
 */
export const onCommand =
  (answering: Answering) =>
  async ({ command, ack }: SlackCommandMiddlewareArgs & AllMiddlewareArgs): Promise<void> => {
    const question = questionFromSlack(command.text);
    // No conversation: a follow-up ("which of those…") says there is nothing to refine.
    const message = helpLanguage(question)
      ? answering.message(requestFor(question))
      : await answering.converse(question, undefined, { shareable: true });
    await ack({ response_type: "ephemeral", ...message });
  };

/**
 * The conversation a message belongs to: its thread (`team:channel:thread`) or, for a DM outside any
 * thread, the DM itself (`team:channel`). Follow-ups refine the previous answer of the same one.
 */
export const conversationKey = (team: string | undefined, channel: string, thread?: string): string =>
  thread ? `${team ?? ""}:${channel}:${thread}` : `${team ?? ""}:${channel}`;

/**
 * A mention in a channel: answer in the mention's thread (or the thread it was written in). The
 * thread is the conversation: a later mention in it ("@paas-bot which of those are open source?")
 * refines the previous answer.
 */
export const onMention =
  (answering: Answering) =>
  async ({ event, client, context, logger }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    // Another bot mentioning us could start a loop of bots answering bots.
    if (event.bot_id) return;
    const thread = event.thread_ts ?? event.ts;
    const message = await answering.converse(
      questionFromSlack(event.text, context.botUserId),
      conversationKey(context.teamId ?? event.team, event.channel, thread),
    );
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
    const message = await answering.converse(
      questionFromSlack(event.text, context.botUserId),
      conversationKey(context.teamId, event.channel, event.thread_ts),
    );
    const thread = event.thread_ts ? { thread_ts: event.thread_ts } : {};
    try {
      await client.chat.postMessage({ channel: event.channel, ...thread, ...message });
    } catch (error) {
      logger.error(`paas-bot: could not answer a direct message: ${describe(error)}`);
    }
  };
