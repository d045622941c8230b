import type { Answer } from "../core/answer.js";
import { coreEngine, type QuestionEngine } from "../core/port.js";
import type { Logger } from "./logger.js";
import { type AnswerNote, currentContext, textFingerprint } from "./request-context.js";

export type { QuestionEngine } from "../core/port.js";

/**
 * The core engine, noting each answer (intent, language, items, engine time, and the question's length
 * and hash) on the current request, whose one access line then carries it. An answer with no request
 * to carry it (Socket Mode) or after that line was written (a Slack event is acked before it is
 * answered) gets an "answered" line of its own. The question itself is logged only on a separate debug
 * line; at info only its length and hash, computed only for a line that is written.
 */
export function instrumentedEngine(logger: Logger, core: QuestionEngine = coreEngine): QuestionEngine {
  const record = (a: Answer, started: number, request: string, question?: string, followUp?: string) => {
    const answerMs = performance.now() - started;
    const ctx = currentContext();
    if (ctx && !ctx.logged) {
      ctx.intent = a.intent;
      ctx.lang = a.lang;
      const previous = ctx.answer;
      ctx.answer = {
        request,
        items: a.items.length,
        answerMs: answerMs + (previous?.answerMs ?? 0),
        count: (previous?.count ?? 0) + 1,
        ...(question !== undefined ? { question } : {}),
        ...(followUp ? { followUp } : {}),
      };
      return;
    }
    if (!logger.enabled("info")) return;
    logger.info("answered", {
      reqId: ctx?.id,
      platform: ctx?.platform,
      intent: a.intent,
      lang: a.lang,
      items: a.items.length,
      latencyMs: round(answerMs),
      request,
      ...(followUp ? { followUp } : {}),
      ...(question !== undefined ? textFingerprint(question) : {}),
    });
  };
  const debugQuestion = (text: string) => {
    // The words go only on their own debug line, so no info line can ever carry them.
    if (logger.enabled("debug")) {
      logger.debug("question", {
        reqId: currentContext()?.id,
        qHash: textFingerprint(text).qHash,
        q: text.slice(0, 500),
      });
    }
  };
  return {
    answer(question, catalog) {
      const started = performance.now();
      const a = core.answer(question, catalog);
      const text = typeof question === "string" ? question : "";
      record(a, started, "ask", text);
      debugQuestion(text);
      return a;
    },
    converse(question, catalog, previous) {
      const started = performance.now();
      const reply = core.converse(question, catalog, previous);
      const text = typeof question === "string" ? question : "";
      record(reply.answer, started, "ask", text, reply.followUp);
      debugQuestion(text);
      return reply;
    },
    respond(request, catalog) {
      if (request.type === "ask") return this.answer(request.q, catalog);
      const started = performance.now();
      const a = core.respond(request, catalog);
      record(a, started, request.type);
      return a;
    },
  };
}

/** The access line's fields for a request's answer: computed (the hash included) only when it is written. */
export function answerFields(note: AnswerNote | undefined): Record<string, unknown> {
  if (!note) return {};
  return {
    request: note.request,
    items: note.items,
    ...(note.count > 1 ? { answers: note.count } : {}),
    ...(note.followUp ? { followUp: note.followUp } : {}),
    ...(note.question !== undefined ? textFingerprint(note.question) : {}),
    answerMs: round(note.answerMs),
  };
}

export const round = (ms: number): number => Math.round(ms * 10) / 10;
