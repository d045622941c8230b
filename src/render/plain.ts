import type { Answer } from "../core/answer.js";

/** Plain text: the core writes it with the answer, since every platform needs it as a fallback. */
export const renderPlainText = (answer: Answer): string => answer.text;

/** The Answer's JSON form, as the CLI and the evaluation read it. */
export const renderJson = (answer: Answer, pretty = false): string =>
  JSON.stringify(answer, null, pretty ? 2 : undefined);
