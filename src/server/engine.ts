import type { Answer, Request } from "../core/answer.js";
import type { Catalog } from "../core/catalog/catalog.js";
import { answer as coreAnswer, respond as coreRespond } from "../core/engine.js";
import type { Logger } from "./logger.js";
import { currentContext, textFingerprint } from "./request-context.js";

/** The core engine's shape, which both adapters accept as an injectable engine. */
export interface QuestionEngine {
  answer(question: string, catalog: Catalog): Answer;
  respond(request: Request, catalog: Catalog): Answer;
}

/**
 * The core engine, logging one "answered" event per answer (intent, language, time taken) and
 * recording the intent on the current request so its access line carries it too. The question
 * itself is logged only on a separate debug line; at info only its length and hash.
 */
export function instrumentedEngine(
  logger: Logger,
  core: QuestionEngine = { answer: coreAnswer, respond: coreRespond },
): QuestionEngine {
  const record = (a: Answer, started: number, fields: Record<string, unknown>) => {
    const ctx = currentContext();
    if (ctx) {
      ctx.intent = a.intent;
      ctx.lang = a.lang;
    }
    logger.info("answered", {
      reqId: ctx?.id,
      platform: ctx?.platform,
      intent: a.intent,
      lang: a.lang,
      items: a.items.length,
      latencyMs: round(performance.now() - started),
      ...fields,
    });
  };
  return {
    answer(question, catalog) {
      const started = performance.now();
      const a = core.answer(question, catalog);
      const text = typeof question === "string" ? question : "";
      const fingerprint = textFingerprint(text);
      record(a, started, { request: "ask", ...fingerprint });
      // The words go only on their own debug line, so no info line can ever carry them.
      logger.debug("question", {
        reqId: currentContext()?.id,
        qHash: fingerprint.qHash,
        q: text.slice(0, 500),
      });
      return a;
    },
    respond(request, catalog) {
      if (request.type === "ask") return this.answer(request.q, catalog);
      const started = performance.now();
      const a = core.respond(request, catalog);
      record(a, started, { request: request.type });
      return a;
    },
  };
}

export const round = (ms: number): number => Math.round(ms * 10) / 10;
