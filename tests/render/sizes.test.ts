import { describe, expect, it } from "vitest";
import { measure, summarize } from "../../bench/sizes/measure.js";
import { sizeTargets } from "../../bench/sizes/targets.js";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answer } from "../../src/core/engine.js";
import { QUESTIONS } from "../helpers/load-questions.js";

/**
 * Issue 11's readability targets over the project's own question mix (both languages, every
 * intent, typos): answers read on a phone. `npm run bench -- --only sizes` measures the same over
 * the evaluation sets beside the project when they exist.
 */
describe("answer sizes over the question mix", () => {
  const catalog = loadCatalog("knowledge");
  const sizes = QUESTIONS.map(({ q }) => measure(q, answer(q, catalog)));
  const summary = summarize(sizes);

  it.each(sizeTargets(summary))("$name: $value $op $limit", (target) => {
    expect(target.ok, JSON.stringify(summary)).toBe(true);
  });

  it("keeps every single answer within Slack's block limit and under six sources", () => {
    for (const s of sizes) {
      expect(s.slackBlocks, s.q).toBeLessThanOrEqual(20);
      expect(s.sourcesShown, s.q).toBeLessThanOrEqual(6);
    }
  });
});
