import { createInterface } from "node:readline";
import type { Answer } from "../../core/answer.js";
import type { Catalog } from "../../core/catalog/catalog.js";
import { CatalogError } from "../../core/catalog/errors.js";
import { loadCatalog } from "../../core/catalog/load.js";
import { answer } from "../../core/engine.js";
import { defaultKnowledgeDir } from "../../knowledge-dir.js";
import { type CliOptions, type OutputFormat, parseArgs, USAGE, UsageError } from "./args.js";
import { type FormatOptions, formatAnswer, wantsColor } from "./format.js";

async function main(argv: readonly string[]): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`ask: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let catalog: Catalog;
  const dir = options.knowledgeDir ?? defaultKnowledgeDir();
  try {
    catalog = loadCatalog(dir);
  } catch (error) {
    if (error instanceof CatalogError) {
      process.stderr.write(
        `ask: the catalog in ${dir} cannot be loaded (${error.code}):\n${error.message}\n`,
      );
      return 1;
    }
    throw error;
  }
  const style: FormatOptions = {
    page: options.page,
    color: wantsColor(process.stdout, process.env),
    ...(process.stdout.isTTY && process.stdout.columns ? { width: process.stdout.columns } : {}),
  };
  const print = (a: Answer) => process.stdout.write(`${formatAnswer(a, options.format, style)}\n`);
  if (options.question) {
    print(answer(options.question, catalog));
    return 0;
  }
  if (process.stdin.isTTY) return interactive(catalog, options.format, style);
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    // One answer per input line, blank lines included, so callers can pair answers with questions.
    const a = answer(line, catalog);
    process.stdout.write(
      options.format === "text"
        ? `${formatAnswer(a, "text", style)}\n\n`
        : `${formatAnswer(a, options.format, { ...style, compact: true })}\n`,
    );
  }
  return 0;
}

async function interactive(catalog: Catalog, format: OutputFormat, style: FormatOptions): Promise<number> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: "paas-bot> " });
  process.stdout.write(
    "Ask about container PaaS / hybrid-cloud Kubernetes in China (English or 中文). Ctrl-D to quit.\n",
  );
  rl.prompt();
  for await (const line of rl) {
    if (line.trim()) process.stdout.write(`\n${formatAnswer(answer(line, catalog), format, style)}\n\n`);
    rl.prompt();
  }
  return 0;
}

// `npm run ask -- "…" | head`: the reader going away ends the output, not the process with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `ask: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
