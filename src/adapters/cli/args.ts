import { CodedError } from "../../core/coded-error.js";
export type OutputFormat = "text" | "json" | "slack" | "teams";

export interface CliOptions {
  format: OutputFormat;
  knowledgeDir?: string;
  question?: string;
  /** 1-based page of the answer (text, slack, teams); the last page lists every source. */
  page: number;
  help: boolean;
}

/** A command line the CLI cannot act on; the message is shown as is, with the usage. */
export class UsageError extends CodedError<"CLI_USAGE"> {
  override readonly name = "UsageError";
  constructor(message: string) {
    super("CLI_USAGE", message);
  }
}

export const USAGE = `Usage: npx paas-bot [options] [question]      (or: npm run ask -- [options] [question])

Answers a question about container PaaS / hybrid-cloud Kubernetes offerings in China.
With no question: reads questions from stdin, one a line (an interactive prompt on a terminal).

Options:
  --json                 print the Answer as JSON (one object a line when reading stdin)
  --format <f>           text (default), json, slack (chat.postMessage body), teams (Adaptive Card)
  --page <n>             show page n of the answer (its last page lists every source)
  --knowledge <dir>      catalog folder (default: knowledge/ of this project, or $KNOWLEDGE_DIR)
  -h, --help             show this help

On a terminal, text is wrapped to its width and coloured (set NO_COLOR=1 for none).`;

const FORMATS: readonly OutputFormat[] = ["text", "json", "slack", "teams"];

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { format: "text", page: 1, help: false };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new UsageError(`${arg} needs a value`);
      return v;
    };
    if (arg === "--") words.push(...argv.slice(i + 1));
    if (arg === "--") break;
    if (arg === "--json") options.format = "json";
    else if (arg === "--format") {
      const f = value();
      if (!FORMATS.includes(f as OutputFormat))
        throw new UsageError(`--format must be one of ${FORMATS.join(", ")}, not '${f}'`);
      options.format = f as OutputFormat;
    } else if (arg === "--knowledge") options.knowledgeDir = value();
    else if (arg === "--page") {
      const p = value();
      if (!/^[1-9]\d{0,2}$/.test(p))
        throw new UsageError(`--page must be a number from 1 to 999, not '${p}'`);
      options.page = Number(p);
    } else if (arg === "-h" || arg === "--help") options.help = true;
    else if (arg.startsWith("-") && arg.length > 1 && !/^-\d/.test(arg))
      throw new UsageError(`unknown option ${arg}`);
    else words.push(arg);
  }
  const question = words.join(" ").trim();
  if (question) options.question = question;
  return options;
}
