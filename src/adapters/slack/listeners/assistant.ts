import { Assistant } from "@slack/bolt";
import type { Lang } from "../../../core/answer.js";
import { clip } from "../../../render/layout/text.js";
import { t } from "../../../render/strings.js";
import type { Answering } from "../answering.js";
import { describe } from "../deliver.js";
import { questionFromSlack } from "../question.js";
import { conversationKey } from "./conversation.js";

/** Slack shows at most four suggested prompts. */
const MAX_PROMPTS = 4;
const TITLE_CHARS = 80;

/**
 * Slack's assistant surface (the split-view pane, and threads in the app's DM): suggested prompts
 * when a thread starts (the catalog's own examples, two per language), a thread title from its
 * first question, and every message answered in its thread through the same conversation store
 * as mentions, so follow-ups work there too. Thread context (the channel the user is looking at)
 * is not used, so nothing is read or written for it.
 */
export function createAssistant(answering: Answering): Assistant {
  return new Assistant({
    threadContextStore: { get: async () => ({}), save: async () => {} },
    threadStarted: async ({ setSuggestedPrompts, logger }) => {
      const prompts = suggestedPrompts(answering);
      if (!prompts.length) return;
      try {
        await setSuggestedPrompts({ prompts, title: t("en", "tryAsking") });
      } catch (error) {
        logger.warn(`paas-bot: could not set the suggested prompts: ${describe(error)}`);
      }
    },
    threadContextChanged: async () => {},
    userMessage: async ({ message, client, context, logger, setTitle, setStatus }) => {
      const m = message as typeof message & {
        bot_id?: string;
        user?: string;
        text?: string;
        thread_ts?: string;
        channel: string;
      };
      if (m.bot_id || !m.user || m.user === context.botUserId || !m.thread_ts) return;
      const question = questionFromSlack(m.text, context.botUserId);
      // Best effort: outside the assistant pane (a thread in the app's DM) these are refused.
      await setStatus("…").catch((error: unknown) => logger.debug(`setStatus: ${describe(error)}`));
      const { message: reply, followUp } = await answering.converseDetailed(
        question,
        conversationKey(context.teamId, m.channel, m.thread_ts),
      );
      try {
        await client.chat.postMessage({ channel: m.channel, thread_ts: m.thread_ts, ...reply });
      } catch (error) {
        logger.error(`paas-bot: could not answer in an assistant thread: ${describe(error)}`);
        return;
      }
      // The thread is named after the question that started it, not after "why?".
      if (!followUp && question)
        await setTitle(clip(question, TITLE_CHARS)).catch((error: unknown) =>
          logger.debug(`setTitle: ${describe(error)}`),
        );
    },
  });
}

/** Two example questions in each language, from the help answer (so each has an answer). */
export function suggestedPrompts(answering: Answering): { title: string; message: string }[] {
  const of = (lang: Lang) => {
    const help = answering.answerFor({ type: "help", lang });
    return help?.intent === "help" ? help.examples.slice(0, MAX_PROMPTS / 2) : [];
  };
  return [...of("en"), ...of("zh")].map((q) => ({ title: clip(q, 60), message: q }));
}
