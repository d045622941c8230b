import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeButtonState } from "../../../src/core/request-codec.js";
import { ACTION } from "../../../src/render/slack/actions.js";
import { interactiveElements, limitViolations, mrkdwnTexts } from "../../helpers/slack-blocks.js";
import { EPHEMERAL, find, header, SlackUser } from "../../helpers/slack-client.js";
import { type HttpHarness, startHttpBot } from "../../helpers/slack-harness.js";
import {
  BOT_ID,
  BOT_USER_ID,
  blockActions,
  eventCallback,
  postSlack,
  slashCommand,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
  urlVerification,
} from "../../helpers/slack-requests.js";

let h: HttpHarness;
let user: SlackUser;

beforeAll(async () => {
  h = await startHttpBot();
  user = new SlackUser(h);
});

afterAll(async () => {
  await h.close();
  console.info(`[slack e2e] ${user.latencySummary()}`);
});

describe("signatures", () => {
  it("answers a signed url_verification with its challenge", async () => {
    const res = await postSlack(h.url, urlVerification("chal-123"), "json");
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: "chal-123" });
  });

  const cases: [string, Parameters<typeof postSlack>[3]][] = [
    ["unsigned", { unsigned: true }],
    ["signed with another secret", { secret: "ffffffffffffffffffffffffffffffff" }],
    ["with a forged signature", { signature: `v0=${"0".repeat(64)}` }],
    ["stale (over 5 minutes old)", { timestamp: Math.floor(Date.now() / 1000) - 5 * 60 - 30 }],
  ];
  for (const [name, signing] of cases) {
    it(`rejects a request ${name} with 401 and runs no handler`, async () => {
      const before = { engine: h.engine.calls, api: h.api.calls.length };
      const bodies: [string, "form" | "json"][] = [
        [slashCommand("What is EKS Anywhere?", h.api.responseUrl("forged")), "form"],
        [
          eventCallback({
            type: "app_mention",
            user: "U1",
            text: `<@${BOT_USER_ID}> hi`,
            ts: "1.1",
            channel: "C1",
            event_ts: "1.1",
          }),
          "json",
        ],
        [urlVerification("nope"), "json"],
        [
          blockActions(
            { action_id: ACTION.details, type: "button", value: '{"r":{"type":"help","lang":"en"}}' },
            EPHEMERAL,
            h.api.responseUrl("forged"),
          ),
          "form",
        ],
      ];
      for (const [body, type] of bodies) {
        const res = await postSlack(h.url, body, type, signing);
        expect(res.status).toBe(401);
        expect(res.text).not.toContain("challenge");
      }
      // A signed request after them runs fully, so any handler the forged ones started would have finished.
      await user.paas("help");
      expect(h.engine.calls).toBe(before.engine + 1);
      expect(h.api.calls.length).toBe(before.api);
    });
  }
});

describe("bodies Bolt cannot use", () => {
  const MB = 1024 * 1024;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

  it("refuses a body over 1 MB with 413, signed or not, and runs no handler", async () => {
    const before = { engine: h.engine.calls, lines: h.logger.lines.length };
    // Under Bolt's default limit (4 MB), over the bot's: this used to be read whole, then answered.
    const big = form({ ...commandFields("kubesphere"), padding: "a".repeat(1.5 * MB) });
    expect((await postSlack(h.url, big, "form")).status).toBe(413);
    expect((await postSlack(h.url, big, "form", { unsigned: true })).status).toBe(413);
    expect(h.engine.calls).toBe(before.engine);
    const logged = h.logger.lines.slice(before.lines);
    expect(logged.filter((l) => l.startsWith("warn") && /maximum allowed size/.test(l))).toHaveLength(2);
    expect(logged.filter((l) => l.startsWith("error"))).toEqual([]);
    // fetch keeps its connections alive: the next request goes where the refused bodies were cut off,
    // and is answered (Bolt leaves the rest of a refused body unread; the bot discards it).
    expect(header(await user.paas("What is EKS Anywhere?"))).toContain("EKS Anywhere");
  });

  it("still answers a signed command just under the limit", async () => {
    const res = await postSlack(
      h.url,
      form({ ...commandFields("kubesphere"), padding: "a".repeat(MB - 4096) }),
      "form",
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain("KubeSphere");
  });

  it("answers a signed payload missing the fields Bolt routes by with 400 and a warning, not 500", async () => {
    const before = h.logger.lines.length;
    const payloads = [
      '{"type":"block_actions","actions":[{"action_id":"paas_details:0","type":"button","value":"x"}]}',
      '{"type":"view_submission"}',
      '{"type":"shortcut","callback_id":"x"}',
    ];
    for (const payload of payloads) {
      const res = await postSlack(h.url, form({ payload }), "form");
      expect(res.status, payload).toBe(400);
    }
    expect((await postSlack(h.url, "null", "json")).status).toBe(400);
    const logged = h.logger.lines.slice(before);
    expect(
      logged.filter((l) => l.startsWith("warn") && l.includes("missing or malformed fields")),
    ).toHaveLength(4);
    expect(logged.filter((l) => l.startsWith("error"))).toEqual([]);
    // Still serving.
    expect(header(await user.paas("What is EKS Anywhere?"))).toContain("EKS Anywhere");
  });
});

/** The fields of a slash command, to add others to. */
function commandFields(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(slashCommand(text, h.api.responseUrl("big"))));
}

describe("/paas", () => {
  it("acks with the ephemeral answer itself, with a Share button and a text fallback", async () => {
    const m = await user.paas("What is EKS Anywhere?");
    expect(m.response_type).toBe("ephemeral");
    expect(header(m)).toContain("EKS Anywhere");
    expect(m.text?.length).toBeGreaterThan(0);
    expect(limitViolations(m.blocks ?? [])).toEqual([]);
    expect(find(m, ACTION.share)).toBeDefined();
    expect(h.api.of("chat.postMessage").length + h.api.of("chat.postEphemeral").length).toBe(0);
  });

  it.each([
    ["", "en"],
    ["help", "en"],
    ["帮助", "zh"],
  ])("shows help with clickable examples for %j", async (text, lang) => {
    const m = await user.paas(text);
    const examples = interactiveElements(m.blocks ?? []).filter((e) =>
      e.action_id.startsWith(ACTION.example),
    );
    expect(examples.length).toBeGreaterThan(2);
    for (const e of examples) expect(decodeButtonState(e.value)?.request.type).toBe("ask");
    expect(find(m, ACTION.share)).toBeUndefined();
    expect(JSON.stringify(m.blocks)).toContain(lang === "zh" ? "试着问" : "Try asking");
  });

  it("answers in the language of the question", async () => {
    const m = await user.paas("哪些产品支持离线部署？");
    expect(JSON.stringify(m.blocks)).toMatch(/分享到频道/);
  });

  it("escapes hostile text from the question", async () => {
    const m = await user.paas("&lt;!channel&gt; <!here> <@U999> <https://evil.example|x>");
    for (const t of mrkdwnTexts(m.blocks ?? [])) expect(t).not.toMatch(/<[!@#]|<https:\/\/evil/);
    expect(m.text).not.toMatch(/<[!@#]|<https:\/\/evil/);
  });
});

describe("events", () => {
  it("answers a mention in the mention's thread, without the mention in the question", async () => {
    const res = await postSlack(
      h.url,
      eventCallback({
        type: "app_mention",
        user: "U2",
        text: `<@${BOT_USER_ID}> compare ACP and DCE`,
        ts: "1700000100.000100",
        channel: "C0MENTION",
        event_ts: "1700000100.000100",
      }),
      "json",
    );
    expect(res.status).toBe(200);
    const post = await h.api.waitForApi("chat.postMessage", (c) => c.body.channel === "C0MENTION");
    expect(post.body.thread_ts).toBe("1700000100.000100");
    expect(post.token).toBe(TEST_BOT_TOKEN);
    expect(String(post.body.text)).toMatch(/ACP/);
    expect(JSON.stringify(post.body.blocks)).not.toContain(BOT_USER_ID);
    expect(limitViolations(post.body.blocks as unknown[])).toEqual([]);
  });

  it("answers a mention inside a thread in that thread", async () => {
    await postSlack(
      h.url,
      eventCallback({
        type: "app_mention",
        user: "U2",
        text: `<@${BOT_USER_ID}>   what is EKS Anywhere?`,
        ts: "1700000200.000200",
        thread_ts: "1700000150.000100",
        channel: "C0THREAD",
        event_ts: "1700000200.000200",
      }),
      "json",
    );
    const post = await h.api.waitForApi("chat.postMessage", (c) => c.body.channel === "C0THREAD");
    expect(post.body.thread_ts).toBe("1700000150.000100");
    expect(String(post.body.text)).toContain("EKS Anywhere");
  });

  it("answers a direct message, and ignores its own messages, edits, joins and other bots", async () => {
    const dm = { type: "message", channel: "D0DM", channel_type: "im", event_ts: "1.0" };
    const ignored = [
      { ...dm, user: BOT_USER_ID, text: "my own answer", ts: "1700000300.000001" },
      { ...dm, bot_id: BOT_ID, text: "my own bot message", ts: "1700000300.000002" },
      { ...dm, user: "U0OTHERBOT", bot_id: "B0OTHER", text: "another bot", ts: "1700000300.000003" },
      { ...dm, subtype: "message_changed", message: { text: "edited" }, ts: "1700000300.000004" },
      { ...dm, subtype: "channel_join", user: "U3", text: "joined", ts: "1700000300.000005" },
      { ...dm, subtype: "bot_message", bot_id: "B0OTHER", text: "hi", ts: "1700000300.000006" },
      {
        type: "message",
        channel: "C0PUBLIC",
        channel_type: "channel",
        user: "U3",
        text: "what is ACP",
        ts: "1700000300.000007",
        event_ts: "1.0",
      },
    ];
    for (const event of ignored)
      expect((await postSlack(h.url, eventCallback(event), "json")).status).toBe(200);
    await postSlack(
      h.url,
      eventCallback({ ...dm, user: "U3", text: "What is ACK One?", ts: "1700000300.000010" }),
      "json",
    );
    const post = await h.api.waitForApi("chat.postMessage", (c) => c.body.channel === "D0DM");
    expect(String(post.body.text)).toContain("ACK One");
    expect(post.body.thread_ts).toBeUndefined();
    expect(
      h.api.of("chat.postMessage").filter((c) => c.body.channel === "D0DM" || c.body.channel === "C0PUBLIC"),
    ).toHaveLength(1);
  });

  it("publishes the Home tab on app_home_opened, and only for the Home tab", async () => {
    await postSlack(
      h.url,
      eventCallback({
        type: "app_home_opened",
        user: "U0MSGTAB",
        channel: "D1",
        tab: "messages",
        event_ts: "1.0",
      }),
      "json",
    );
    await postSlack(
      h.url,
      eventCallback({ type: "app_home_opened", user: "U0HOME", channel: "D1", tab: "home", event_ts: "1.0" }),
      "json",
    );
    const publish = await h.api.waitForApi("views.publish", (c) => c.body.user_id === "U0HOME");
    const view = publish.body.view as { type: string; blocks: unknown[]; private_metadata: string };
    expect(view.type).toBe("home");
    expect(view.private_metadata).toBe("en");
    expect(limitViolations(view.blocks, 100)).toEqual([]);
    expect(
      interactiveElements(view.blocks).filter((e) => e.action_id.startsWith(ACTION.category)).length,
    ).toBeGreaterThan(3);
    expect(h.api.of("views.publish").filter((c) => c.body.user_id === "U0MSGTAB")).toHaveLength(0);
  });

  it("keeps the Home tab in the language last chosen", async () => {
    await postSlack(
      h.url,
      eventCallback({
        type: "app_home_opened",
        user: "U0HOMEZH",
        channel: "D1",
        tab: "home",
        event_ts: "1.0",
        view: { type: "home", private_metadata: "zh" },
      }),
      "json",
    );
    const publish = await h.api.waitForApi("views.publish", (c) => c.body.user_id === "U0HOMEZH");
    expect(JSON.stringify(publish.body.view)).toContain("类别");
  });
});

describe("secrets", () => {
  it("never logs the bot token or the signing secret", () => {
    const all = h.logger.lines.join("\n");
    expect(all).not.toContain(TEST_BOT_TOKEN);
    expect(all).not.toContain(TEST_SIGNING_SECRET);
  });
});
