import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answer } from "../../src/core/engine.js";
import { QUESTIONS } from "../../tests/helpers/load-questions.js";
import { round } from "../lib/stats.js";
import { formatTable, num } from "../table.js";
import type { Target } from "../targets.js";
import { type AnswerSize, measure, type SizeSummary, summarize } from "./measure.js";
import { sizeTargets } from "./targets.js";

export interface SizeRow {
  /** Which questions: the bench mix, or an evaluation set beside the project. */
  set: string;
  summary: SizeSummary;
  largest: AnswerSize[];
}

/** Questions of JSON Lines files ({"q": …} a line). */
export function questionsOf(files: readonly string[]): string[] {
  return files.flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .filter((l) => l.trim())
      .map((l) => String((JSON.parse(l) as { q: unknown }).q)),
  );
}

/** The evaluation sets beside the project (../shared/eval/*.jsonl), when there are any. */
export function evalSets(root: string): string[] {
  const dir = join(root, "..", "shared", "eval");
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".jsonl"))
        .map((f) => join(dir, f))
    : [];
}

/** Sizes of page 1 of every answer, over the bench's question mix and the evaluation sets. */
export function benchSizes(root: string): SizeRow[] {
  const catalog = loadCatalog(join(root, "knowledge"));
  const row = (set: string, questions: readonly string[]): SizeRow => {
    const sizes = questions.map((q) => measure(q, answer(q, catalog)));
    return {
      set,
      summary: summarize(sizes),
      largest: [...sizes].sort((a, b) => b.slackBytes - a.slackBytes).slice(0, 5),
    };
  };
  const rows = [
    row(
      "bench question mix",
      QUESTIONS.map((x) => x.q),
    ),
  ];
  const files = evalSets(root);
  if (files.length) rows.push(row("../shared/eval", questionsOf(files)));
  return rows;
}

/** The readability targets, checked on the evaluation sets when present, else on the bench mix. */
export function sizeTargetsOf(rows: readonly SizeRow[]): Target[] {
  const row = rows.find((r) => r.set === "../shared/eval") ?? rows[0];
  return row ? sizeTargets(row.summary).map((t) => ({ ...t, name: `${t.name} (${row.set})` })) : [];
}

const kb = (bytes: number) => `${num(round(bytes / 1024, 2))} KB`;

export function renderSizes(rows: readonly SizeRow[]): string {
  const lines: string[][] = [];
  for (const { set, summary: s } of rows) {
    lines.push([
      `Slack message, ${set}`,
      String(s.answers),
      `${kb(s.slackBytes.median)} / ${kb(s.slackBytes.p90)}`,
      `${s.slackBlocks.median} / ${s.slackBlocks.p90}`,
      `${s.sourcesShown.median} / ${s.sourcesShown.max}`,
    ]);
    lines.push([
      `Teams card, ${set}`,
      String(s.answers),
      `${kb(s.teamsBytes.median)} / ${kb(s.teamsBytes.p90)}`,
      `${s.teamsElements.median} / ${s.teamsElements.p90}`,
      `${s.sourcesShown.median} / ${s.sourcesShown.max}`,
    ]);
    lines.push([
      `plain text, ${set}`,
      String(s.answers),
      `${s.textLines.median} / ${s.textLines.p90} lines`,
      "",
      "",
    ]);
  }
  return formatTable(
    [
      "answer size (page 1)",
      "answers",
      "size median / p90",
      "blocks (elements) median / p90",
      "sources median / max",
    ],
    lines,
  );
}
