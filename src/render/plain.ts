import type { Answer } from "../core/answer.js";
import { renderText } from "./text/index.js";

/** Plain text, page 1 by default: the renderer every platform falls back to. */
export const renderPlainText = (answer: Answer, page = 1): string => renderText(answer, { page });

/**
 * The Answer's JSON form, as the CLI and the evaluation read it: the Answer with its plain-text
 * rendering (`text`, page 1) last.
 */
export const renderJson = (answer: Answer, pretty = false): string =>
  JSON.stringify({ ...answer, text: renderPlainText(answer) }, null, pretty ? 2 : undefined);
