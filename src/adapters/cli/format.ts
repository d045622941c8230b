import type { Answer } from "../../core/answer.js";
import type { OutputFormat } from "./args.js";

export function formatAnswer(answer: Answer, format: OutputFormat): string {
  switch (format) {
    case "text":
      return answer.text;
    case "json":
      return JSON.stringify(answer, null, 2);
    case "slack":
    case "teams":
      return JSON.stringify({ error: `${format} output is not available yet` });
  }
}
