import type { Answer, Request } from "./answer.js";
import type { Catalog } from "./catalog/catalog.js";
import { type ConversationReply, converse } from "./conversation/converse.js";
import type { Turn } from "./conversation/turn.js";
import { answer, respond } from "./engine.js";

/**
 * The one port every front door (Slack, Teams, the playground, the CLI) calls the core through.
 * Adapters take it as a dependency so tests can count, slow down or break it; the server wraps it
 * to log each answer (`instrumentedEngine`).
 */
export interface QuestionEngine {
  /** A question on its own. */
  answer(question: string, catalog: Catalog): Answer;
  /** What a button asked for (it carries its own request: no conversation needed). */
  respond(request: Request, catalog: Catalog): Answer;
  /** A message in a conversation: a follow-up refines the previous turn; see `converse`. */
  converse(question: string, catalog: Catalog, previous?: Turn): ConversationReply;
}

/** The core engine itself. */
export const coreEngine: QuestionEngine = { answer, respond, converse };

export type { ConversationReply } from "./conversation/converse.js";
export type { Turn } from "./conversation/turn.js";
