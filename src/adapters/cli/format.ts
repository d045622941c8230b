import type { Answer } from "../../core/answer.js";
import { renderJson } from "../../render/plain.js";
import { renderSlackMessage } from "../../render/slack/index.js";
import { renderAdaptiveCard } from "../../render/teams/card.js";
import { renderText } from "../../render/text/index.js";
import type { OutputFormat } from "./args.js";

export interface FormatOptions {
  /** JSON on one line, for JSON Lines output. */
  compact?: boolean;
  page?: number;
  /** Text: wrap to this many columns. */
  width?: number;
  /** Text: ANSI colour. */
  color?: boolean;
}

/** One answer in the requested format. */
export function formatAnswer(answer: Answer, format: OutputFormat, options: FormatOptions = {}): string {
  const json = (value: unknown) => JSON.stringify(value, null, options.compact ? undefined : 2);
  const page = options.page ?? 1;
  switch (format) {
    case "text":
      return renderText(answer, {
        page,
        ...(options.width ? { width: options.width } : {}),
        color: options.color === true,
      });
    case "json":
      // The Answer with its plain text (page 1), which the evaluation reads.
      return renderJson(answer, !options.compact);
    case "slack":
      // The body chat.postMessage would send (less the channel), ready for Block Kit Builder.
      return json(renderSlackMessage(answer, { page }));
    case "teams":
      return json(renderAdaptiveCard(answer, { page }));
  }
}

/** Colour only on a terminal, never with NO_COLOR set (no-color.org) or on a dumb terminal. */
export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "" && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true && env.TERM !== "dumb";
}
