import type { Answer } from "../../core/answer.js";
import { renderJson, renderPlainText } from "../../render/plain.js";
import { renderSlackMessage } from "../../render/slack/index.js";
import { renderAdaptiveCard } from "../../render/teams/card.js";
import type { OutputFormat } from "./args.js";

/** One answer in the requested format; `compact` puts JSON on one line for JSON Lines output. */
export function formatAnswer(answer: Answer, format: OutputFormat, compact = false): string {
  const json = (value: unknown) => JSON.stringify(value, null, compact ? undefined : 2);
  switch (format) {
    case "text":
      return renderPlainText(answer);
    case "json":
      return renderJson(answer, !compact);
    case "slack":
      // The body chat.postMessage would send (less the channel), ready for Block Kit Builder.
      return json(renderSlackMessage(answer));
    case "teams":
      return json(renderAdaptiveCard(answer));
  }
}
