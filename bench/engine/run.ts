import type { Catalog } from "../../src/core/catalog/catalog.js";
import { buildCatalog, readCatalogFiles } from "../../src/core/catalog/load.js";
import { answer } from "../../src/core/engine.js";
import { type BenchQuestion, QUESTIONS } from "../../tests/helpers/load-questions.js";
import { collectGarbage, percentile, round } from "../lib/stats.js";
import { scaleCatalog } from "./synthetic.js";

export interface EngineRow {
  factor: number;
  products: number;
  vendors: number;
  /** Parse + validate + cross-check every file (buildCatalog). */
  loadMs: number;
  /** The first answer after loading: builds the entity index, which is lazy. */
  firstAnswerMs: number;
  answers: number;
  answersPerSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The questions whose slowest answer was slowest: where to look when p99 grows. */
  slowest: { q: string; intent: string; items: number; maxMs: number }[];
  /** Questions whose intent differs from the real catalog's: should be none. */
  intentChanges: string[];
}

export interface EngineOptions {
  knowledgeDir: string;
  factors: readonly number[];
  /** Time spent answering per catalog size (after one warm-up pass). */
  budgetMs: number;
  questions?: readonly BenchQuestion[];
}

/** Engine rows, one per catalog size: load cost, first answer, then warm answers over the question mix. */
export function benchEngine(options: EngineOptions): EngineRow[] {
  const base = readCatalogFiles(options.knowledgeDir);
  const questions = options.questions ?? QUESTIONS;
  return options.factors.map((factor) => {
    collectGarbage();
    const files = scaleCatalog(base, factor);
    let started = performance.now();
    const catalog = buildCatalog(files);
    const loadMs = performance.now() - started;
    started = performance.now();
    answer(questions[0]?.q ?? "help", catalog);
    const firstAnswerMs = performance.now() - started;
    const row = measure(catalog, questions, options.budgetMs);
    return {
      factor,
      products: catalog.products.size,
      vendors: catalog.vendors.size,
      loadMs: round(loadMs),
      firstAnswerMs: round(firstAnswerMs),
      ...row,
    };
  });
}

function measure(catalog: Catalog, questions: readonly BenchQuestion[], budgetMs: number) {
  const intentChanges = new Set<string>();
  // Warm-up: the JIT and the caches see every path once before anything is timed.
  for (const { q, intent } of questions) {
    const got = answer(q, catalog).intent;
    if (got !== intent) intentChanges.add(`${q} → ${got} (expected ${intent})`);
  }
  collectGarbage();
  const latencies: number[] = [];
  const worst = new Map<BenchQuestion, { ms: number; items: number }>();
  const deadline = performance.now() + budgetMs;
  // Whole rounds only, so every question weighs the same in the percentiles.
  for (let pass = 0; pass < 5 || (performance.now() < deadline && pass < 400); pass++) {
    for (const question of questions) {
      const started = performance.now();
      const a = answer(question.q, catalog);
      const ms = performance.now() - started;
      latencies.push(ms);
      const w = worst.get(question);
      if (!w || ms > w.ms) worst.set(question, { ms, items: a.items.length });
    }
  }
  const total = latencies.reduce((s, x) => s + x, 0);
  const slowest = [...worst]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 5)
    .map(([q, w]) => ({ q: q.q, intent: q.intent, items: w.items, maxMs: round(w.ms) }));
  return {
    answers: latencies.length,
    answersPerSec: round((latencies.length / total) * 1000),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    maxMs: round(percentile(latencies, 100)),
    slowest,
    intentChanges: [...intentChanges],
  };
}
