import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeFeedbackValue } from "../../../src/core/feedback-codec.js";
import { ACTION } from "../../../src/render/slack/actions.js";
import { runScript, SCRIPTS, type Seen } from "../../helpers/conversation-script.js";
import { interactiveElements } from "../../helpers/slack-blocks.js";
import { EPHEMERAL, find, SlackUser } from "../../helpers/slack-client.js";
import { type HttpHarness, startHttpBot } from "../../helpers/slack-harness.js";
import { BOT_USER_ID, blockActions, eventCallback, postSlack } from "../../helpers/slack-requests.js";

let h: HttpHarness;
let counter = 0;
beforeAll(async () => {
  h = await startHttpBot();
});
afterAll(async () => {
  await h.close();
});

/** What a chat.postMessage showed: the 👍 value says which items and intent it answered with. */
function seen(body: Record<string, unknown>): Seen {
  const blocks = (body.blocks as unknown[]) ?? [];
  const up = find({ blocks }, ACTION.feedbackUp);
  const target = decodeFeedbackValue(up?.value);
  if (!target) throw new Error(`no 👍 on the answer: ${JSON.stringify(blocks).slice(0, 300)}`);
  return { intent: target.intent, items: target.items, text: JSON.stringify(blocks) };
}

/** A mention in channel `channel`: the first starts a thread at its own ts, the rest are written in it. */
async function mention(channel: string, thread: string | undefined, q: string) {
  const ts = `1700001${String(++counter).padStart(3, "0")}.000100`;
  const next = h.api.waitForNextApi("chat.postMessage", (c) => c.body.channel === channel);
  const res = await postSlack(
    h.url,
    eventCallback({
      type: "app_mention",
      user: "UASKER1",
      text: `<@${BOT_USER_ID}> ${q}`,
      ts,
      ...(thread ? { thread_ts: thread } : {}),
      channel,
      event_ts: ts,
    }),
    "json",
  );
  expect(res.status).toBe(200);
  return { ts, post: await next };
}

describe("Slack: follow-ups in a thread", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`${lang}: list → narrow → swap → compare by position → why → more, each in the thread`, async () => {
      const channel = `C0CONV${lang.toUpperCase()}`;
      let thread: string | undefined;
      await runScript(SCRIPTS[lang], async (q) => {
        const { ts, post } = await mention(channel, thread, q);
        thread ??= ts;
        // Every answer goes to the thread the conversation started with.
        expect(post.body.thread_ts).toBe(thread);
        return seen(post.body);
      });
    });
  }

  it("a follow-up in another thread has nothing to refine", async () => {
    await mention("C0OTHER", undefined, "which options work fully air-gapped?");
    const { post } = await mention("C0OTHER", undefined, "which of those are open source?");
    expect(seen(post.body).intent).toBe("clarify");
  });

  it("a DM outside any thread is one conversation", async () => {
    const dm = async (q: string) => {
      const ts = `1700002${String(++counter).padStart(3, "0")}.000100`;
      const next = h.api.waitForNextApi("chat.postMessage", (c) => c.body.channel === "D0CONV");
      await postSlack(
        h.url,
        eventCallback({
          type: "message",
          channel_type: "im",
          user: "UASKER1",
          text: q,
          ts,
          channel: "D0CONV",
        }),
        "json",
      );
      return seen((await next).body);
    };
    await dm("which options work fully air-gapped?");
    expect((await dm("which of those are open source?")).items).toEqual([
      "rancher-rke",
      "redhat-acm",
      "rancher",
      "kubesphere",
    ]);
  });

  it("/paas stays stateless: a follow-up there has nothing to refine", async () => {
    const user = new SlackUser(h);
    await user.paas("which options work fully air-gapped?");
    const reply = await user.paas("which of those are open source?");
    expect(decodeFeedbackValue(find(reply, ACTION.feedbackUp)?.value)?.intent).toBe("clarify");
  });
});

describe("Slack: 👍 / 👎", () => {
  it("records one event (no words), and thanks the clicker privately in the answer's language", async () => {
    const user = new SlackUser(h);
    const before = (await h.conversations.feedbackStore.recent()).length;
    for (const [q, verdict, thanks] of [
      ["Which options work fully air-gapped?", "down", /Thanks/],
      ["对比 Rancher 和 OpenShift", "up", /谢谢/],
    ] as const) {
      const answer = await user.paas(q);
      const button = find(answer, verdict === "up" ? ACTION.feedbackUp : ACTION.feedbackDown);
      if (!button) throw new Error("no feedback button");
      const id = await user.click(button, EPHEMERAL);
      const reply = (await h.api.waitForResponse(id)).body;
      expect(reply.response_type).toBe("ephemeral");
      expect(reply.replace_original).toBe(false);
      expect(String(reply.text)).toMatch(thanks);
    }
    const events = await h.conversations.feedbackStore.recent();
    expect(events.length - before).toBe(2);
    const [zh, en] = events;
    expect(zh).toMatchObject({ verdict: "up", intent: "compare", lang: "zh", platform: "slack" });
    expect(zh?.items).toEqual(expect.arrayContaining(["rancher", "redhat-openshift"]));
    expect(en).toMatchObject({ verdict: "down", intent: "filter", lang: "en" });
    expect(en?.qHash).toMatch(/^[0-9a-f]{12}$/);
    const stored = JSON.stringify(events);
    expect(stored).not.toMatch(/air-gapped\?|Which options|对比/);
  });

  it("refuses a forged value, and records nothing", async () => {
    const before = (await h.conversations.feedbackStore.recent()).length;
    for (const value of [
      "fb1|filter|en|0123|abc|rancher",
      "fb1|nonsense|en|||rancher",
      "fb1|filter|en|||Rancher Is <great>",
      '{"r":{"type":"help","lang":"en"}}',
      "fb1|filter|en|zz|||",
    ]) {
      const id = `forged-${++counter}`;
      const res = await postSlack(
        h.url,
        blockActions(
          { action_id: ACTION.feedbackDown, type: "button", value },
          EPHEMERAL,
          h.api.responseUrl(id),
        ),
        "form",
      );
      expect(res.status).toBe(200);
      const reply = (await h.api.waitForResponse(id)).body;
      expect(String(reply.text)).toMatch(/no longer works/);
    }
    expect((await h.conversations.feedbackStore.recent()).length).toBe(before);
  });

  it("every answer has exactly one 👍 and one 👎, within Block Kit limits", async () => {
    const user = new SlackUser(h);
    for (const q of ["kubesphere", "华为有哪些产品", "help", "xyzzy plugh"]) {
      const m = await user.paas(q);
      const kinds = interactiveElements(m.blocks ?? []).map((e) => e.action_id);
      expect(kinds.filter((k) => k === ACTION.feedbackUp)).toHaveLength(1);
      expect(kinds.filter((k) => k === ACTION.feedbackDown)).toHaveLength(1);
      expect(m.blocks?.length ?? 0).toBeLessThanOrEqual(50);
    }
  });
});

describe("Slack: the assistant pane", () => {
  it("suggests prompts when a thread starts, names the thread, and follows up in it", async () => {
    const channel = "D0ASSIST";
    const thread = "1700003000.000100";
    const prompts = h.api.waitForNextApi("assistant.threads.setSuggestedPrompts");
    await postSlack(
      h.url,
      eventCallback({
        type: "assistant_thread_started",
        assistant_thread: { user_id: "UASKER1", context: {}, channel_id: channel, thread_ts: thread },
        event_ts: thread,
      }),
      "json",
    );
    const suggested = (await prompts).body;
    expect(suggested.channel_id).toBe(channel);
    expect(suggested.thread_ts).toBe(thread);
    const list = (
      typeof suggested.prompts === "string" ? JSON.parse(suggested.prompts) : suggested.prompts
    ) as { message: string }[];
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(list.length).toBeLessThanOrEqual(4);

    const say = async (q: string, expectTitle: boolean) => {
      const ts = `1700003${String(++counter).padStart(3, "0")}.000100`;
      const next = h.api.waitForNextApi("chat.postMessage", (c) => c.body.channel === channel);
      const title = expectTitle ? h.api.waitForNextApi("assistant.threads.setTitle") : undefined;
      await postSlack(
        h.url,
        eventCallback({
          type: "message",
          channel_type: "im",
          user: "UASKER1",
          text: q,
          ts,
          thread_ts: thread,
          channel,
        }),
        "json",
      );
      const post = await next;
      expect(post.body.thread_ts).toBe(thread);
      if (title) expect((await title).body.title).toBe(q);
      return seen(post.body);
    };
    expect((await say("which options work fully air-gapped?", true)).intent).toBe("filter");
    expect((await say("which of those are open source?", false)).items).toEqual([
      "rancher-rke",
      "redhat-acm",
      "rancher",
      "kubesphere",
    ]);
  });
});
