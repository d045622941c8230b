import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROUTES } from "../../src/server/routes.js";
import type { RunningServer } from "../../src/server/server.js";
import { FakeSlackApi } from "../helpers/slack-fake-api.js";
import {
  eventCallback,
  postSlack,
  slashCommand,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  urlVerification,
} from "../helpers/slack-requests.js";
import { personalMessage } from "../helpers/teams-activities.js";
import { type FakeConnector, startFakeConnector } from "../helpers/teams-http.js";
import { type CapturedLogger, postJson, startTestServer } from "./helpers.js";

/** Slack (HTTP mode) and Teams (local mode) both served by the one server, end to end, nothing leaving 127.0.0.1. */
describe("both platforms through the one server", () => {
  let slack: FakeSlackApi;
  let connector: FakeConnector;
  let server: RunningServer & { log: CapturedLogger };
  const slackUrl = () => `${server.url}${ROUTES.slack}`;

  beforeAll(async () => {
    slack = await FakeSlackApi.start();
    connector = await startFakeConnector();
    server = await startTestServer({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      // auth.test at start goes to the fake too: this is the variable's whole point.
      SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(async () => {
    await server?.close();
    await slack?.close();
    await connector?.close();
  });

  it("starts with Slack on in HTTP mode, checked against the (fake) Slack API", async () => {
    expect(server.log.events().map((e) => e.msg)).toContain(`slack: on (HTTP mode: POST ${ROUTES.slack})`);
    expect(slack.of("auth.test")).toHaveLength(1);
    const ready = (await (await fetch(`${server.url}${ROUTES.ready}`)).json()) as {
      frontDoors: Record<string, string>;
    };
    expect(ready.frontDoors.slack).toBe("on");
  });

  it("answers Slack's URL verification", async () => {
    const res = await postSlack(slackUrl(), urlVerification("challenge-123"), "json");
    expect(res.status).toBe(200);
    expect(res.text).toContain("challenge-123");
  });

  it("answers a signed /paas command in the acknowledgement", async () => {
    const res = await postSlack(
      slackUrl(),
      slashCommand("What is ACK One?", slack.responseUrl("r1")),
      "form",
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_type: "ephemeral" });
    expect(JSON.stringify(res.json)).toContain("ACK One");
    const line = server.log.events().find((e) => e.msg === "request" && e.platform === "slack" && e.intent);
    expect(line).toMatchObject({ intent: "product", lang: "en", status: 200, outcome: "ok" });
    // The answer is on the request's one line: no "answered" line of its own.
    expect(line).toMatchObject({ request: "ask", items: 1, qLen: "What is ACK One?".length });
    expect(server.log.events().filter((e) => e.reqId === line?.reqId && e.level !== "debug")).toHaveLength(1);
  });

  it("answers a direct message through the (fake) Web API", async () => {
    const event = {
      type: "message",
      channel_type: "im",
      channel: "D0001",
      user: "UASKER1",
      text: "华为有哪些容器产品",
      ts: "1700000000.000100",
    };
    const res = await postSlack(slackUrl(), eventCallback(event), "json");
    expect(res.status).toBe(200);
    const posted = await slack.waitForApi("chat.postMessage", (c) => c.body.channel === "D0001");
    expect(posted.token).toBe(TEST_BOT_TOKEN);
    expect(JSON.stringify(posted.body.blocks)).toMatch(/华为/);
  });

  it("refuses an unsigned Slack request and a wrongly signed one with 401", async () => {
    const body = slashCommand("What is ACK One?", slack.responseUrl("r2"));
    expect((await postSlack(slackUrl(), body, "form", { unsigned: true })).status).toBe(401);
    expect((await postSlack(slackUrl(), body, "form", { secret: "f".repeat(32) })).status).toBe(401);
  });

  it("answers a Teams message (local mode) with a card sent to the Bot Connector", async () => {
    const res = await postJson(
      `${server.url}${ROUTES.teams}`,
      personalMessage(connector.url, "阿里云 ACK One 是什么？", "zh-CN"),
    );
    expect(res.status).toBeLessThan(300);
    const reply = connector.calls.at(-1);
    expect(reply?.body.attachments).toEqual([
      expect.objectContaining({ contentType: "application/vnd.microsoft.card.adaptive" }),
    ]);
    const line = server.log.events().find((e) => e.msg === "request" && e.platform === "teams");
    expect(line).toMatchObject({ intent: "product", lang: "zh", outcome: "ok" });
  });

  it("refuses a malformed Teams activity with 400 and a non-JSON one with 415, and keeps serving", async () => {
    expect((await postJson(`${server.url}${ROUTES.teams}`, { type: "message" })).status).toBe(400);
    expect((await postJson(`${server.url}${ROUTES.teams}`, "{oops")).status).toBe(400);
    const form = await fetch(`${server.url}${ROUTES.teams}`, {
      method: "POST",
      body: "a=b",
      headers: { "content-type": "text/plain" },
    });
    expect(form.status).toBe(415);
    expect((await fetch(`${server.url}${ROUTES.health}`)).status).toBe(200);
  });

  it("never logs a secret or a question's words at info level", async () => {
    const text = server.log.lines.join("\n");
    expect(text).not.toContain(TEST_SIGNING_SECRET);
    expect(text).not.toContain(TEST_BOT_TOKEN);
    const info = server.log.events().filter((e) => e.level !== "debug");
    expect(JSON.stringify(info)).not.toContain("ACK One 是什么");
    // Each answered request's access line carries what it was answered, and the question only as its
    // length and hash; the hash is the one on the debug line with the words, so they can be joined.
    const answered = info.filter((e) => e.msg === "request" && e.intent !== undefined);
    expect(answered.map((e) => e.platform)).toEqual(expect.arrayContaining(["slack", "teams"]));
    for (const e of answered) {
      expect(e).toMatchObject({
        reqId: expect.any(String),
        intent: expect.any(String),
        lang: expect.stringMatching(/^(en|zh)$/),
        request: expect.any(String),
        items: expect.any(Number),
        answerMs: expect.any(Number),
        latencyMs: expect.any(Number),
      });
    }
    const asked = answered.filter((e) => e.request === "ask");
    expect(asked.length).toBeGreaterThan(0);
    for (const e of asked) {
      expect(e.qLen).toEqual(expect.any(Number));
      expect(e.qHash).toMatch(/^[0-9a-f]{12}$/);
      const debug = server.log.events().find((d) => d.msg === "question" && d.reqId === e.reqId);
      expect(debug?.qHash).toBe(e.qHash);
    }
  });
});
