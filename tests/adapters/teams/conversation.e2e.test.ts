import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { Conversations } from "../../../src/adapters/conversations.js";
import { createTeamsBot, type TeamsLogger } from "../../../src/adapters/teams/index.js";
import { fixedCatalog } from "../../../src/core/catalog/catalog.js";
import { loadCatalog } from "../../../src/core/catalog/load.js";
import { readFeedbackData } from "../../../src/core/feedback-codec.js";
import type { AdaptiveCard, SubmitAction } from "../../../src/render/teams/types.js";
import { runScript, SCRIPTS, type Seen } from "../../helpers/conversation-script.js";
import {
  CHANNEL_THREAD,
  channelMention,
  personalMessage,
  submitValue,
} from "../../helpers/teams-activities.js";
import { actionsOf, adaptiveCardProblems, markdownOf } from "../../helpers/teams-cards.js";
import {
  type BotServer,
  type FakeConnector,
  startBotServer,
  startFakeConnector,
} from "../../helpers/teams-http.js";

const log: TeamsLogger = { info: () => {}, warn: () => {}, error: () => {} };
let connector: FakeConnector;
let server: BotServer;
const conversations = new Conversations();

beforeAll(async () => {
  connector = await startFakeConnector();
  const bot = createTeamsBot({
    catalog: fixedCatalog(loadCatalog("knowledge")),
    config: { mode: "local" },
    log,
    conversations,
  });
  server = await startBotServer(bot.handler);
});
afterAll(async () => {
  await server.close();
  await connector.close();
});
afterEach(() => {
  connector.calls.length = 0;
});

const cardOf = (body: Record<string, unknown>): AdaptiveCard =>
  (body.attachments as { content: AdaptiveCard }[])[0]?.content as AdaptiveCard;

const votesOf = (card: AdaptiveCard): SubmitAction[] =>
  actionsOf(card).filter(
    (a): a is SubmitAction => a.type === "Action.Submit" && "feedback" in (a.data as object),
  );

/** What a card showed: its 👍 data says which items and intent it answered with. */
function seen(card: AdaptiveCard): Seen {
  const vote = readFeedbackData(votesOf(card)[0]?.data);
  if (!vote) throw new Error("no 👍 on the card");
  expect(adaptiveCardProblems(card)).toEqual([]);
  return { intent: vote.intent, items: vote.items, text: markdownOf(card).join("\n") };
}

/** A message in a personal chat of its own (conversation.id), as Teams posts it. */
async function say(chat: string, text: string, locale: string): Promise<AdaptiveCard> {
  const activity = personalMessage(connector.url, text, locale);
  const before = connector.calls.length;
  const res = await server.post({ ...activity, conversation: { ...activity.conversation, id: chat } });
  expect(res.status).toBe(200);
  const call = connector.calls[before];
  if (!call) throw new Error("no reply");
  expect(call.conversationId).toBe(chat);
  return cardOf(call.body);
}

describe("Teams: follow-ups in a personal chat", () => {
  for (const [lang, locale] of [
    ["en", "en-US"],
    ["zh", "zh-CN"],
  ] as const) {
    it(`${lang}: list → narrow → swap → compare by position → why → more`, async () => {
      await runScript(SCRIPTS[lang], async (q) => seen(await say(`a:1conv-${lang}`, q, locale)));
    });
  }

  it("chats do not share turns: a follow-up in a new chat has nothing to refine", async () => {
    await say("a:1chat-one", "which options work fully air-gapped?", "en-US");
    expect(seen(await say("a:1chat-two", "which of those are open source?", "en-US")).intent).toBe("clarify");
  });

  it("a channel reply chain (conversation id with ;messageid=) is a conversation too", async () => {
    await server.post(channelMention(connector.url, "which options work fully air-gapped?"));
    await server.post(channelMention(connector.url, "which of those are open source?"));
    const last = connector.calls.at(-1);
    expect(last?.conversationId).toBe(CHANNEL_THREAD.id);
    expect(seen(cardOf(last?.body ?? {})).items).toEqual([
      "rancher-rke",
      "redhat-acm",
      "rancher",
      "kubesphere",
    ]);
  });
});

describe("Teams: 👍 / 👎", () => {
  it("records one event (no words) and answers with a short thanks in the answer's language", async () => {
    const card = await say("a:1feedback", "对比 Rancher 和 OpenShift", "zh-CN");
    const [up, down] = votesOf(card);
    expect(up?.title).toBe("👍");
    expect(down?.title).toBe("👎");
    const before = (await conversations.feedbackStore.recent()).length;
    // Teams merges the card's inputs into the data; a list card's menu is one of them.
    await server.post(submitValue(connector.url, { ...(down?.data as object), paasPick: "rancher" }));
    const reply = connector.calls.at(-1)?.body;
    expect(reply?.text).toMatch(/谢谢/);
    expect(reply?.attachments).toBeUndefined();
    const events = await conversations.feedbackStore.recent();
    expect(events.length - before).toBe(1);
    expect(events[0]).toMatchObject({ verdict: "down", intent: "compare", lang: "zh", platform: "teams" });
    expect(events[0]?.items).toEqual(expect.arrayContaining(["rancher", "redhat-openshift"]));
    expect(JSON.stringify(events[0])).not.toMatch(/对比|和/);
  });

  it("refuses forged feedback data and records nothing", async () => {
    const before = (await conversations.feedbackStore.recent()).length;
    for (const value of [
      { feedback: "meh", intent: "filter", lang: "en", items: [], qHash: "", catalog: "" },
      { feedback: "up", intent: "filter", lang: "en", items: ["Not An Id"], qHash: "", catalog: "" },
      { feedback: "up", intent: "filter", lang: "en", items: [], qHash: "", catalog: "", q: "the words" },
      { feedback: "up", intent: "filter", lang: "fr", items: [], qHash: "", catalog: "" },
    ]) {
      await server.post(submitValue(connector.url, value));
      expect(String(connector.calls.at(-1)?.body.text)).toMatch(/could not be read/);
    }
    expect((await conversations.feedbackStore.recent()).length).toBe(before);
  });
});
