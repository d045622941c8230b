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

  it("wraps converse too: a follow-up is noted with its kind, never its words", () => {
    const engine = instrumentedEngine(captureLogger([], "info").logger);
    const first = engine.converse("which options work fully air-gapped?", catalog);
    const ctx: RequestContext = { id: "req-00000009", platform: "playground" };
    const followUp = "which of those are open source?";
    runWithContext(ctx, () => engine.converse(followUp, catalog, first.turn));
    expect(answerFields(ctx.answer)).toMatchObject({
      request: "ask",
      followUp: "refine",
      ...textFingerprint(followUp),
    });
    const log = captureLogger([], "info");
    instrumentedEngine(log.logger).converse("and Huawei?", catalog, first.turn);
    expect(log.events()[0]).toMatchObject({ msg: "answered", followUp: "swap" });
    expect(log.lines.join("\n")).not.toContain("Huawei");
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

describe("scrubbing and hashing", () => {
  it("scrubs a secret holding a quote or a backslash, however deep it is serialised", () => {
    const secret = 'pa"ss\\word-with-quote';
    const log = captureLogger([secret], "info");
    log.logger.info("x", {
      plain: secret,
      nested: JSON.stringify({ s: secret }),
      error: new Error(`bad ${secret}`),
    });
    expect(log.lines).toHaveLength(1);
    const line = log.lines[0] as string;
    expect(line).not.toContain('pa\\"ss');
    expect(line).not.toContain("word-with-quote");
    expect(line).toContain("[REDACTED]");
  });

  it("scrubs a Slack token after an underscore or other word characters", () => {
    const log = captureLogger([], "info");
    log.logger.info("token_xoxb-1111111111-abcdefghijkl and id_xapp-1-A111-abcdefghij");
    expect(log.lines[0]).not.toMatch(/xoxb-1111|xapp-1-A111/);
  });

  it("hashes questions with a key of this process: a guessed question's plain SHA-256 is not in the log", async () => {
    const { createHash } = await import("node:crypto");
    const { qHash } = textFingerprint("tcs");
    expect(qHash).toMatch(/^[0-9a-f]{12}$/);
    expect(qHash).not.toBe(createHash("sha256").update("tcs").digest("hex").slice(0, 12));
    expect(textFingerprint("tcs").qHash).toBe(qHash);
  });

  it("routes console output (botbuilder's stack traces) through the logger as one JSON line each", async () => {
    const { routeConsole } = await import("../../src/server/logger.js");
    const log = captureLogger(["Sup3r-Secret-Value"], "debug");
    const fake = { ...console };
    const restore = routeConsole(log.logger, fake as Console);
    try {
      fake.error(new Error("invalid signature\n    at verify (jwt.js:1:1)"));
      fake.error("Error finding key for token. Available keys: -----BEGIN PUBLIC KEY-----\nMIIB\n-----END");
      fake.warn("key Sup3r-Secret-Value leaked");
    } finally {
      restore();
    }
    expect(log.lines).toHaveLength(3);
    for (const line of log.lines) expect(() => JSON.parse(line)).not.toThrow();
    const events = log.events();
    expect(events[0]).toMatchObject({
      level: "error",
      component: "console",
      msg: "Error: invalid signature",
    });
    expect(String(events[1]?.msg)).not.toContain("MIIB");
    expect(log.lines[2]).not.toContain("Sup3r-Secret-Value");
  });
});
