import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackBot, type SlackBot } from "../../../src/adapters/slack/app.js";
import { fixedCatalog } from "../../../src/core/catalog/catalog.js";
import { decodeButtonState } from "../../../src/core/request-codec.js";
import { ACTION } from "../../../src/render/slack/actions.js";
import { interactiveElements, limitViolations } from "../../helpers/slack-blocks.js";
import { FakeSlackApi } from "../../helpers/slack-fake-api.js";
import { RecordingLogger, realCatalog } from "../../helpers/slack-harness.js";
import { BOT_USER_ID, TEST_APP_TOKEN, TEST_BOT_TOKEN } from "../../helpers/slack-requests.js";
import { FakeSocketServer } from "../../helpers/slack-socket.js";

let api: FakeSlackApi;
let sockets: FakeSocketServer;
let bot: SlackBot;
const logger = new RecordingLogger();

beforeAll(async () => {
  api = await FakeSlackApi.start();
  sockets = await FakeSocketServer.start();
  api.socketUrl = sockets.url;
  bot = await createSlackBot({
    config: { mode: "socket", botToken: TEST_BOT_TOKEN, appToken: TEST_APP_TOKEN },
    catalog: fixedCatalog(realCatalog()),
    slackApiUrl: api.apiUrl,
    logger,
  });
  await bot.start();
});

afterAll(async () => {
  await bot.stop();
  await sockets.close();
  await api.close();
});

describe("Socket Mode", () => {
  it("opens the connection with the app token, not the bot token", async () => {
    const open = await api.waitForApi("apps.connections.open");
    expect(open.token).toBe(TEST_APP_TOKEN);
    expect(bot.mode).toBe("socket");
    expect(bot.router).toBeUndefined();
  });

  it("answers /paas in the ack of the envelope", async () => {
    const ack = await sockets.send("slash_commands", {
      command: "/paas",
      text: "What is EKS Anywhere?",
      user_id: "UASKER1",
      channel_id: "C0CHAN1",
      team_id: "T0001",
      api_app_id: "A0001",
      response_url: api.responseUrl("socket-cmd"),
      trigger_id: "1.2.3",
    });
    expect(ack.payload?.response_type).toBe("ephemeral");
    expect(String(ack.payload?.text)).toContain("EKS Anywhere");
    expect(limitViolations(ack.payload?.blocks as unknown[])).toEqual([]);
  });

  it("answers a mention in its thread", async () => {
    const ack = await sockets.send("events_api", {
      type: "event_callback",
      team_id: "T0001",
      api_app_id: "A0001",
      event_id: "Ev1",
      event_time: 1,
      event: {
        type: "app_mention",
        user: "U2",
        text: `<@${BOT_USER_ID}> compare ACP and DCE`,
        ts: "1700000700.000100",
        channel: "C0SOCK",
        event_ts: "1700000700.000100",
      },
    });
    expect(ack.envelope_id).toBeDefined();
    const post = await api.waitForApi("chat.postMessage", (c) => c.body.channel === "C0SOCK");
    expect(post.body.thread_ts).toBe("1700000700.000100");
  });

  it("handles a button click", async () => {
    const value = JSON.stringify({
      r: { type: "category", id: [...realCatalog().categories.keys()][0], lang: "en" },
    });
    expect(decodeButtonState(value)).toBeDefined();
    await sockets.send("interactive", {
      type: "block_actions",
      user: { id: "UASKER1", username: "asker", team_id: "T0001" },
      team: { id: "T0001", domain: "fake" },
      api_app_id: "A0001",
      token: "t",
      trigger_id: "1.2.3",
      container: { type: "message", message_ts: "1.1", channel_id: "C0CHAN1", is_ephemeral: true },
      channel: { id: "C0CHAN1", name: "general" },
      response_url: api.responseUrl("socket-click"),
      actions: [
        { action_id: `${ACTION.category}:0`, block_id: "b", type: "button", value, action_ts: "1.2" },
      ],
    });
    const reply = await api.waitForResponse("socket-click");
    expect(interactiveElements(reply.body.blocks as unknown[]).length).toBeGreaterThan(0);
  });

  it("publishes the Home tab", async () => {
    await sockets.send("events_api", {
      type: "event_callback",
      team_id: "T0001",
      api_app_id: "A0001",
      event_id: "Ev2",
      event_time: 1,
      event: { type: "app_home_opened", user: "U0SOCKHOME", channel: "D1", tab: "home", event_ts: "1.0" },
    });
    const publish = await api.waitForApi("views.publish", (c) => c.body.user_id === "U0SOCKHOME");
    expect((publish.body.view as { type: string }).type).toBe("home");
  });

  it("never logs either token", () => {
    const all = logger.lines.join("\n");
    expect(logger.lines.length).toBeGreaterThan(5);
    expect(all).not.toContain(TEST_APP_TOKEN);
    expect(all).not.toContain(TEST_BOT_TOKEN);
  });
});
