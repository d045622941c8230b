import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../../src/adapters/slack/answering.js";
import { ACTION } from "../../../src/render/slack/actions.js";
import { type HttpHarness, startHttpBot } from "../../helpers/slack-harness.js";
import {
  BOT_USER_ID,
  blockActions,
  eventCallback,
  postSlack,
  slashCommand,
} from "../../helpers/slack-requests.js";

const broken: Engine = {
  answer: () => {
    throw new Error("engine exploded");
  },
  respond: () => {
    throw new Error("engine exploded");
  },
  converse: () => {
    throw new Error("engine exploded");
  },
};

let h: HttpHarness;
beforeAll(async () => {
  h = await startHttpBot({ engine: broken });
});
afterAll(async () => {
  await h.close();
});

describe("when the engine fails", () => {
  it("/paas still acks, with a friendly message in the question's language", async () => {
    const en = await postSlack(h.url, slashCommand("What is ACP?", h.api.responseUrl("a")), "form");
    expect(en.status).toBe(200);
    expect((en.json as { text: string }).text).toContain("Sorry, something went wrong");
    const zh = await postSlack(h.url, slashCommand("ACP 是什么？", h.api.responseUrl("b")), "form");
    expect((zh.json as { text: string }).text).toContain("抱歉");
    expect(JSON.stringify(zh.json)).not.toContain("exploded");
  });

  it("a mention gets the friendly message in its thread", async () => {
    await postSlack(
      h.url,
      eventCallback({
        type: "app_mention",
        user: "U2",
        text: `<@${BOT_USER_ID}> hi`,
        ts: "1700000800.000100",
        channel: "C0FAIL",
        event_ts: "1",
      }),
      "json",
    );
    const post = await h.api.waitForApi("chat.postMessage", (c) => c.body.channel === "C0FAIL");
    expect(post.body.thread_ts).toBe("1700000800.000100");
    expect(String(post.body.text)).toContain("Sorry");
  });

  it("a click gets the friendly message", async () => {
    const value = JSON.stringify({ r: { type: "product", id: "acp", lang: "en" } });
    await postSlack(
      h.url,
      blockActions(
        { action_id: `${ACTION.details}:0`, type: "button", value },
        { type: "ephemeral", channel: "C1" },
        h.api.responseUrl("click"),
      ),
      "form",
    );
    const reply = await h.api.waitForResponse("click");
    expect(String(reply.body.text)).toContain("Sorry");
  });

  it("logs the failure for the operator", () => {
    expect(h.logger.lines.some((l) => l.includes("engine exploded"))).toBe(true);
  });
});
