import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSlackBot, type SlackBot } from "../../../src/adapters/slack/app.js";
import { SeenEvents } from "../../../src/adapters/slack/guards.js";
import { fixedCatalog } from "../../../src/core/catalog/catalog.js";
import { encodeButtonState } from "../../../src/core/request-codec.js";
import { FakeSlackApi } from "../../helpers/slack-fake-api.js";
import { type HttpHarness, RecordingLogger, realCatalog, startHttpBot } from "../../helpers/slack-harness.js";
import {
  blockActions,
  eventCallback,
  postSlack,
  slashCommand,
  TEST_APP_TOKEN,
  TEST_BOT_TOKEN,
} from "../../helpers/slack-requests.js";
import { FakeSocketServer } from "../../helpers/slack-socket.js";

const dm = (text: string, extra: Record<string, unknown> = {}) => ({
  type: "message",
  channel: "D0DM",
  channel_type: "im",
  user: "UASKER1",
  text,
  ts: `1700000400.${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`,
  event_ts: "1.0",
  ...extra,
});

const settle = () => new Promise((r) => setTimeout(r, 150));

describe("Slack over HTTP: retries, unknown interactions, real payloads", () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpBot();
  });
  afterAll(() => h.close());
  afterEach(() => {
    h.api.calls.length = 0;
  });

  it("answers an event once when Slack redelivers it (X-Slack-Retry-Num)", async () => {
    const body = eventCallback(dm("What is KubeSphere?"));
    expect((await postSlack(h.url, body, "json")).status).toBe(200);
    for (const n of ["1", "2"]) {
      const retry = await postSlack(h.url, body, "json", {
        headers: { "x-slack-retry-num": n, "x-slack-retry-reason": "http_timeout" },
      });
      expect(retry.status).toBe(200);
    }
    await h.api.waitForApi("chat.postMessage");
    await settle();
    expect(h.api.of("chat.postMessage")).toHaveLength(1);
  });

  it("acknowledges a button it does not know with 200 and tells the clicker, instead of 404 after 3 s", async () => {
    const before = h.engine.calls;
    const body = blockActions(
      { action_id: "another_apps_button", type: "button", value: "x" },
      { type: "message", channel: "C0CHAN1", ts: "1700000000.000100" },
      h.api.responseUrl("unknown-click"),
    );
    const res = await postSlack(h.url, body, "form");
    expect(res.status).toBe(200);
    const note = await h.api.waitForResponse("unknown-click");
    expect(note.body.response_type).toBe("ephemeral");
    expect(note.body.replace_original).toBe(false);
    expect(String(note.body.text)).toMatch(/no longer works/);
    expect(h.engine.calls).toBe(before);
  });

  it("acknowledges interactions it never registers (a shortcut, a modal submit) with 200", async () => {
    for (const payload of [
      { type: "shortcut", callback_id: "x", trigger_id: "1.2", user: { id: "U1" }, team: { id: "T0001" } },
      {
        type: "view_submission",
        user: { id: "U1" },
        team: { id: "T0001" },
        view: { id: "V1", callback_id: "x", state: { values: {} } },
      },
    ]) {
      const res = await postSlack(
        h.url,
        new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
        "form",
      );
      expect(res.status, payload.type).toBe(200);
    }
  });

  it("answers a DM with a file and a question (subtype file_share)", async () => {
    const event = dm("What is EKS Anywhere?", {
      subtype: "file_share",
      files: [{ id: "F0001", name: "diagram.png", mimetype: "image/png" }],
      upload: false,
    });
    await postSlack(h.url, eventCallback(event), "json");
    const post = await h.api.waitForApi("chat.postMessage", (c) => c.body.channel === "D0DM");
    expect(String(post.body.text)).toContain("EKS Anywhere");
  });

  it("compares nothing with itself: a menu choice equal to its base answers that product", async () => {
    const base = encodeButtonState({ request: { type: "product", id: "kubesphere", lang: "en" } });
    const body = blockActions(
      { action_id: "paas_compare_pick", block_id: base, type: "static_select", selected: "kubesphere" },
      { type: "ephemeral", channel: "C0CHAN1" },
      h.api.responseUrl("self-compare"),
    );
    expect((await postSlack(h.url, body, "form")).status).toBe(200);
    const answer = await h.api.waitForResponse("self-compare");
    expect(String(answer.body.text)).toContain("KubeSphere");
    expect(String(answer.body.text)).not.toMatch(/KubeSphere\b.{0,40}\bvs\.?\b.{0,40}KubeSphere/s);
  });

  it("cuts a 40,000-character message before parsing it", async () => {
    const answered = h.engine.calls;
    await postSlack(h.url, eventCallback(dm("<".repeat(40_000))), "json");
    await h.api.waitForApi("chat.postMessage", (c) => c.body.channel === "D0DM");
    expect(h.engine.calls).toBe(answered + 1);
  });
});

describe("Slack over Socket Mode: retries and unknown interactions", () => {
  let api: FakeSlackApi;
  let sockets: FakeSocketServer;
  let bot: SlackBot;
  beforeAll(async () => {
    api = await FakeSlackApi.start();
    sockets = await FakeSocketServer.start();
    api.socketUrl = sockets.url;
    bot = await createSlackBot({
      config: { mode: "socket", botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN },
      catalog: fixedCatalog(realCatalog()),
      slackApiUrl: api.apiUrl,
      logger: new RecordingLogger(),
    });
    await bot.start();
  });
  afterAll(async () => {
    await bot.stop();
    await sockets.close();
    await api.close();
  });

  it("answers an event once when its envelope is redelivered with retry_attempt", async () => {
    const payload = JSON.parse(eventCallback(dm("What is Rancher?", { channel: "D0SOCKET" })));
    await sockets.send("events_api", payload);
    await sockets.send("events_api", payload, { retry_attempt: 1, retry_reason: "timeout" });
    await api.waitForApi("chat.postMessage", (c) => c.body.channel === "D0SOCKET");
    await settle();
    expect(api.of("chat.postMessage").filter((c) => c.body.channel === "D0SOCKET")).toHaveLength(1);
  });

  it("acks a button it does not know (the envelope would otherwise never be acked)", async () => {
    const payload = JSON.parse(
      new URLSearchParams(
        blockActions(
          { action_id: "another_apps_button", type: "button", value: "x" },
          { type: "ephemeral", channel: "C0CHAN1" },
          api.responseUrl("socket-unknown"),
        ),
      ).get("payload") as string,
    );
    const ack = await sockets.send("interactive", payload);
    expect(ack.envelope_id).toMatch(/^env-/);
    const note = await api.waitForResponse("socket-unknown");
    expect(String(note.body.text)).toMatch(/no longer works/);
  });

  it("acks a slash command it does not own with a note", async () => {
    const ack = await sockets.send("slash_commands", {
      ...Object.fromEntries(new URLSearchParams(slashCommand("x", api.responseUrl("cmd")))),
      command: "/other",
    });
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(String(ack.payload?.text)).toMatch(/answers \/paas only/);
  });

  it("counts listener work until its answer is posted", async () => {
    const release = api.hold("chat.postMessage");
    const payload = JSON.parse(eventCallback(dm("What is ACP?", { channel: "D0HELD", user: "U2" })));
    await sockets.send("events_api", payload);
    while (api.held === 0) await new Promise((r) => setTimeout(r, 5));
    expect(bot.work.size).toBe(1);
    const idle = bot.work.idle();
    release();
    await idle;
    expect(api.of("chat.postMessage").some((c) => c.body.channel === "D0HELD")).toBe(true);
    expect(bot.work.size).toBe(0);
  });
});

describe("SeenEvents", () => {
  it("is bounded in size and forgets ids after the TTL", () => {
    let now = 0;
    const seen = new SeenEvents(1000, 3, () => now);
    expect(seen.firstTime("a")).toBe(true);
    expect(seen.firstTime("a")).toBe(false);
    for (const id of ["b", "c", "d"]) seen.firstTime(id);
    expect(seen.size).toBe(3);
    expect(seen.firstTime("a")).toBe(true); // pushed out by size
    now = 5000;
    expect(seen.firstTime("b")).toBe(true); // expired
    expect(seen.size).toBe(1);
  });
});
