import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeFeedbackValue } from "../../src/core/feedback-codec.js";
import type { RunningServer } from "../../src/server/server.js";
import { runScript, SCRIPTS } from "../helpers/conversation-script.js";
import { type CapturedLogger, postJson, startTestServer } from "./helpers.js";

let server: RunningServer & { log: CapturedLogger };
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface AskBody {
  answer: { intent: string; items: { id: string }[]; title: string; summary: string };
  page: number;
  slack: { blocks: unknown[] };
  teams: { body: unknown[] };
}

async function ask(
  body: unknown,
): Promise<{ status: number; body: AskBody & { error?: { message: string } } }> {
  const res = await postJson(`${server.url}/api/ask`, body);
  return { status: res.status, body: (await res.json()) as AskBody & { error?: { message: string } } };
}

describe("playground: POST /api/ask with a conversation id", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`${lang}: list → narrow → swap → compare by position → why → more`, async () => {
      const conversation = `script-${lang}`;
      await runScript(SCRIPTS[lang], async (q) => {
        const { status, body } = await ask({ q, conversation });
        expect(status).toBe(200);
        return {
          intent: body.answer.intent,
          items: body.answer.items.map((i) => i.id),
          text: `${body.answer.summary}\n${JSON.stringify(body.slack)}`,
        };
      });
    });
  }

  it("without a conversation id, every question stands alone", async () => {
    await ask({ q: "which options work fully air-gapped?" });
    expect((await ask({ q: "which of those are open source?" })).body.answer.intent).not.toBe("clarify");
    await ask({ q: "which options work fully air-gapped?", conversation: "solo" });
    expect((await ask({ q: "why?", conversation: "other" })).body.answer.intent).toBe("clarify");
  });

  it("refuses a malformed conversation id with 400", async () => {
    for (const conversation of ["", "has space", "x".repeat(101), 42, "../etc", "ünïcode"]) {
      const { status, body } = await ask({ q: "kubesphere", conversation });
      expect(status, String(conversation)).toBe(400);
      expect(body.error?.message).toMatch(/conversation/);
    }
    expect((await ask({ state: "help::en", conversation: "abc" })).status).toBe(400);
    expect((await ask({ q: "kubesphere", conversation: "A-z_09".repeat(16).slice(0, 100) })).status).toBe(
      200,
    );
  });
});

describe("playground: POST /api/feedback", () => {
  it("records a vote from the Slack preview or the card, logs one feedback line, stores no words", async () => {
    const { body } = await ask({ q: "Which options work fully air-gapped?", conversation: "fb" });
    const up = JSON.stringify(body.slack).match(
      /"action_id":"paas_fb_up","text":\{[^}]*\},"value":"([^"]*)"/,
    )?.[1];
    expect(decodeFeedbackValue(up)?.intent).toBe("filter");
    const slackVote = await postJson(`${server.url}/api/feedback`, { value: up, verdict: "down" });
    expect(slackVote.status).toBe(200);
    expect(((await slackVote.json()) as { message: string }).message).toMatch(/Thanks/);

    const zh = await ask({ q: "华为有哪些产品", conversation: "fb" });
    const cardVote = JSON.stringify(zh.body.teams).match(/"data":(\{"feedback":"up"[^}]*\})/)?.[1];
    expect(cardVote).toBeDefined();
    const res = await postJson(`${server.url}/api/feedback`, { action: JSON.parse(cardVote as string) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { message: string }).message).toMatch(/谢谢/);

    const logged = server.log
      .events()
      .filter((e) => e.msg === "feedback")
      .map((e) => e.feedback as Record<string, unknown>);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({
      verdict: "down",
      intent: "filter",
      lang: "en",
      platform: "playground",
    });
    expect(logged[0]?.catalogVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(logged[1]).toMatchObject({ verdict: "up", intent: "vendor", lang: "zh" });
    const lines = server.log.lines.filter((l) => l.includes('"msg":"feedback"')).join("\n");
    expect(lines).not.toMatch(/air-gapped\?|华为有哪些/);
  });

  it("refuses forged votes with 400", async () => {
    for (const body of [
      {},
      { value: "fb1|filter|en|||rancher" },
      { value: "fb1|filter|en|||Rancher!", verdict: "up" },
      { value: "product:rancher:en", verdict: "up" },
      {
        action: {
          feedback: "up",
          intent: "filter",
          lang: "en",
          items: [],
          qHash: "",
          catalog: "",
          q: "words",
        },
      },
      { action: { paas: { r: { type: "help", lang: "en" } } } },
    ]) {
      const res = await postJson(`${server.url}/api/feedback`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // A vote sent to /api/ask is pointed at /api/feedback.
    const res = await ask({
      action: { feedback: "up", intent: "filter", lang: "en", items: [], qHash: "", catalog: "" },
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toMatch(/api\/feedback/);
  });
});
