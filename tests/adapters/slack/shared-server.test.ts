import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackBot } from "../../../src/adapters/slack/app.js";
import { fixedCatalog } from "../../../src/core/catalog/catalog.js";
import { FakeSlackApi } from "../../helpers/slack-fake-api.js";
import { RecordingLogger, realCatalog } from "../../helpers/slack-harness.js";
import {
  BOT_ID,
  BOT_USER_ID,
  postSlack,
  slashCommand,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../../helpers/slack-requests.js";

/** One port for Slack, another bot's JSON route and /healthz: the layout a later issue needs. */
let api: FakeSlackApi;
let server: Server;
let origin: string;

const listen = (app: express.Application): Promise<Server> =>
  new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });

beforeAll(async () => {
  api = await FakeSlackApi.start();
  const shared = express();
  shared.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  // A JSON parser for another route must stay off /slack/events, whose signature covers the raw body.
  shared.post("/api/messages", express.json(), (req, res) => {
    res.json({ echo: req.body });
  });
  await createSlackBot({
    config: { mode: "http", botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET },
    catalog: fixedCatalog(realCatalog()),
    expressApp: shared,
    identity: { botId: BOT_ID, botUserId: BOT_USER_ID },
    slackApiUrl: api.apiUrl,
    logger: new RecordingLogger(),
  });
  server = await listen(shared);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await api.close();
});

describe("Slack on an Express app shared with other routes", () => {
  it("serves signed Slack requests on POST /slack/events", async () => {
    const res = await postSlack(`${origin}/slack/events`, slashCommand("help", api.responseUrl("x")), "form");
    expect(res.status).toBe(200);
    expect((res.json as { response_type: string }).response_type).toBe("ephemeral");
  });

  it("still rejects unsigned ones", async () => {
    const res = await postSlack(
      `${origin}/slack/events`,
      slashCommand("help", api.responseUrl("x")),
      "form",
      { unsigned: true },
    );
    expect(res.status).toBe(401);
  });

  it("leaves the other routes alone", async () => {
    expect(await (await fetch(`${origin}/healthz`)).json()).toEqual({ ok: true });
    const echoed = await fetch(`${origin}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ type: "message" }),
    });
    expect(await echoed.json()).toEqual({ echo: { type: "message" } });
  });

  it("needed no auth.test when the identity is given", () => {
    expect(api.of("auth.test")).toHaveLength(0);
  });
});

describe("Slack's router mounted by the caller", () => {
  it("works on any Express app", async () => {
    const bot = await createSlackBot({
      config: { mode: "http", botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET },
      catalog: fixedCatalog(realCatalog()),
      identity: { botId: BOT_ID, botUserId: BOT_USER_ID },
      slackApiUrl: api.apiUrl,
      logger: new RecordingLogger(),
    });
    const other = express();
    other.use(bot.router as express.Router);
    const s = await listen(other);
    try {
      const url = `http://127.0.0.1:${(s.address() as AddressInfo).port}/slack/events`;
      const res = await postSlack(url, slashCommand("What is EKS Anywhere?", api.responseUrl("y")), "form");
      expect(res.status).toBe(200);
      expect(res.text).toContain("EKS Anywhere");
    } finally {
      s.closeAllConnections();
      await new Promise((resolve) => s.close(resolve));
    }
  });
});
