/**
 * `npx tsx bench/sizes/run.ts [files.jsonl…]`: how big answers are on each platform, over the
 * questions of the given JSON Lines files ({"q": …} a line; default ../shared/eval/*.jsonl when
 * present, else the benchmark's question mix), checked against the readability targets.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answer } from "../../src/core/engine.js";
import { QUESTIONS } from "../../tests/helpers/load-questions.js";
import { ROOT } from "../http/servers.js";
import { measure, summarize } from "./measure.js";
import { sizeTargets } from "./targets.js";

const shared = join(ROOT, "..", "shared", "eval");
const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const files =
  args.length > 0
    ? args
    : existsSync(shared)
      ? readdirSync(shared)
          .filter((f) => f.endsWith(".jsonl"))
          .map((f) => join(shared, f))
      : [];
const questions =
  files.length > 0
    ? files.flatMap((f) =>
        readFileSync(f, "utf8")
          .split("\n")
          .filter((l) => l.trim())
          .map((l) => String((JSON.parse(l) as { q: unknown }).q)),
      )
    : QUESTIONS.map((x) => x.q);

const catalog = loadCatalog(join(ROOT, "knowledge"));
const sizes = questions.map((q) => measure(q, answer(q, catalog)));
const summary = summarize(sizes);
if (process.argv.includes("--each"))
  for (const s of [...sizes].sort((a, b) => b.slackBytes - a.slackBytes))
    console.log(
      `${String(s.slackBytes).padStart(6)} B ${String(s.slackBlocks).padStart(3)} blk  teams ${String(s.teamsBytes).padStart(6)} B  ${String(s.textLines).padStart(4)} lines  ${String(s.sourcesShown).padStart(2)} src  ${s.intent.padEnd(13)} ${s.q}`,
    );
console.log(
  `${summary.answers} answers from ${files.length ? files.map((f) => f.split("/").pop()).join(", ") : "the bench question mix"}`,
);
console.log(JSON.stringify(summary));
const targets = sizeTargets(summary);
for (const t of targets)
  console.log(`${t.ok ? "ok    " : "MISSED"} ${t.name}: ${t.value} ${t.op} ${t.limit}`);
process.exitCode = targets.every((t) => t.ok) ? 0 : 1;
