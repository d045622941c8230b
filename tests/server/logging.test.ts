import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answerFields, instrumentedEngine } from "../../src/server/engine.js";
import { type RequestContext, runWithContext, textFingerprint } from "../../src/server/request-context.js";
import { captureLogger, KNOWLEDGE } from "./helpers.js";

/**
 * Where an answer is logged: on its request's one access line when there is a request to carry it,
 * on an "answered" line of its own otherwise. Either way with the same fields, and the question only as
 * its length and hash at info.
 */
describe("answer logging", () => {
  const catalog = loadCatalog(KNOWLEDGE);
  const question = "对比 Rancher 和 OpenShift";

  it("notes the answer on the request, writing nothing itself", () => {
    const log = captureLogger([], "info");
    const engine = instrumentedEngine(log.logger);
    const ctx: RequestContext = { id: "req-00000001", platform: "slack" };
    runWithContext(ctx, () => engine.answer(question, catalog));
    expect(log.lines).toEqual([]);
    expect(ctx).toMatchObject({ intent: "compare", lang: "zh" });
    expect(answerFields(ctx.answer)).toEqual({
      request: "ask",
      items: 2,
      ...textFingerprint(question),
      answerMs: expect.any(Number),
    });
  });

  it("counts and sums several answers to one request (the Home tab asks for two)", () => {
    const engine = instrumentedEngine(captureLogger([], "info").logger);
    const ctx: RequestContext = { id: "req-00000002", platform: "slack" };
    runWithContext(ctx, () => {
      engine.respond({ type: "help", lang: "en" }, catalog);
      engine.respond({ type: "help", lang: "zh" }, catalog);
    });
    expect(answerFields(ctx.answer)).toMatchObject({ request: "help", answers: 2, items: 0 });
    expect(answerFields(ctx.answer)).not.toHaveProperty("qHash");
  });

  it("writes an 'answered' line when no request carries it (Socket Mode)", () => {
    const log = captureLogger([], "info");
    instrumentedEngine(log.logger).answer(question, catalog);
    expect(log.events()).toEqual([
      expect.objectContaining({
        level: "info",
        msg: "answered",
        intent: "compare",
        lang: "zh",
        items: 2,
        request: "ask",
        latencyMs: expect.any(Number),
        ...textFingerprint(question),
      }),
    ]);
    expect(log.lines.join("\n")).not.toContain("Rancher");
  });

  it("writes an 'answered' line with the request id when the access line is already written", () => {
    const log = captureLogger([], "info");
    const ctx: RequestContext = { id: "req-00000003", platform: "slack", logged: true };
    runWithContext(ctx, () => instrumentedEngine(log.logger).answer(question, catalog));
    expect(log.events()).toEqual([
      expect.objectContaining({
        msg: "answered",
        reqId: "req-00000003",
        platform: "slack",
        intent: "compare",
      }),
    ]);
    expect(ctx.answer).toBeUndefined();
  });

  it("at debug, adds the words on a line of their own, joined by the hash", () => {
    const log = captureLogger([], "debug");
    instrumentedEngine(log.logger).answer(question, catalog);
    const [answered, words] = log.events();
    expect(answered).toMatchObject({ level: "info", msg: "answered" });
    expect(words).toMatchObject({ level: "debug", msg: "question", q: question, qHash: answered?.qHash });
  });

  it("writes nothing above info", () => {
    const log = captureLogger([], "warn");
    instrumentedEngine(log.logger).answer(question, catalog);
    expect(log.lines).toEqual([]);
  });
});
