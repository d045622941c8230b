import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createTeamsBot, type QuestionEngine, type TeamsLogger } from "../../../src/adapters/teams/index.js";
import type { Catalog } from "../../../src/core/catalog/catalog.js";
import { fixedCatalog } from "../../../src/core/catalog/catalog.js";
import { loadCatalog } from "../../../src/core/catalog/load.js";
import { coreEngine as engine } from "../../../src/core/port.js";
import { readSubmitValue, STATE_KEY } from "../../../src/render/teams/actions.js";
import type { AdaptiveCard } from "../../../src/render/teams/types.js";
import { LoadConnector } from "../../helpers/load-connector.js";
import {
  botAdded,
  CHANNEL_THREAD,
  channelMention,
  extensionQuery,
  PERSONAL,
  personalMessage,
  submitValue,
} from "../../helpers/teams-activities.js";
import { actionsOf, adaptiveCardProblems } from "../../helpers/teams-cards.js";
import {
  type BotServer,
  type FakeConnector,
  startBotServer,
  startFakeConnector,
} from "../../helpers/teams-http.js";

const quietLog = (): TeamsLogger & { errors: unknown[]; lines: string[] } => {
  const errors: unknown[] = [];
  const lines: string[] = [];
  return {
    errors,
    lines,
    info: (m) => lines.push(m),
    warn: (m) => lines.push(m),
    error: (m, e) => errors.push([m, e]),
  };
};

const cardOf = (call: { body: Record<string, unknown> }): AdaptiveCard => {
  const attachments = call.body.attachments as { contentType: string; content: AdaptiveCard }[];
  expect(attachments).toHaveLength(1);
  expect(attachments[0]?.contentType).toBe("application/vnd.microsoft.card.adaptive");
  return attachments[0]?.content as AdaptiveCard;
};

const submitTitled = (card: AdaptiveCard, title: string) => {
  const action = actionsOf(card).find((a) => a.type === "Action.Submit" && a.title === title);
  if (action?.type !== "Action.Submit") throw new Error(`no Action.Submit titled ${title}`);
  return action.data;
};

let catalog: Catalog;
let connector: FakeConnector;
let server: BotServer;
let log: ReturnType<typeof quietLog>;
const spy = {
  answer: vi.fn(engine.answer),
  respond: vi.fn(engine.respond),
  converse: vi.fn(engine.converse),
} satisfies QuestionEngine;

beforeAll(async () => {
  catalog = loadCatalog("knowledge");
  connector = await startFakeConnector();
  log = quietLog();
  const bot = createTeamsBot({ catalog: fixedCatalog(catalog), config: { mode: "local" }, engine: spy, log });
  server = await startBotServer(bot.handler);
});

afterAll(async () => {
  await server.close();
  await connector.close();
});

afterEach(() => {
  connector.calls.length = 0;
  connector.refuseCards = false;
  spy.answer.mockClear();
  spy.respond.mockClear();
  spy.converse.mockClear();
});

describe("Teams bot over HTTP with the real CloudAdapter (local mode)", () => {
  it("reports local mode loudly at start", () => {
    expect(log.lines.some((l) => /LOCAL MODE/.test(l) && /NOT authenticated/.test(l))).toBe(true);
  });

  it("answers a personal-chat question with an Adaptive Card addressed to the question", async () => {
    const activity = personalMessage(connector.url, "What is KubeSphere?");
    const res = await server.post(activity);
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    const call = connector.calls[0];
    expect(call?.conversationId).toBe(PERSONAL.id);
    expect(call?.replyToId).toBe(activity.id);
    expect(call?.body.type).toBe("message");
    expect(typeof call?.body.summary).toBe("string");
    const card = cardOf(call as NonNullable<typeof call>);
    expect(adaptiveCardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain("KubeSphere");
    expect(spy.converse.mock.lastCall?.slice(0, 2)).toEqual(["What is KubeSphere?", catalog]);
  });

  it("answers in Chinese when asked in Chinese", async () => {
    await server.post(personalMessage(connector.url, "列出所有类别", "zh-CN"));
    const card = cardOf(connector.calls[0] as NonNullable<(typeof connector.calls)[0]>);
    expect(JSON.stringify(card)).toMatch(/[\u4e00-\u9fff]/);
    expect(spy.converse.mock.results[0]?.value.answer.lang).toBe("zh");
  });

  it("strips the @mention in a channel and answers in the same thread", async () => {
    const activity = channelMention(connector.url, "compare ACP and DCE");
    const res = await server.post(activity);
    expect(res.status).toBe(200);
    expect(spy.converse.mock.lastCall?.slice(0, 2)).toEqual(["compare ACP and DCE", catalog]);
    expect(connector.calls).toHaveLength(1);
    const call = connector.calls[0] as NonNullable<(typeof connector.calls)[0]>;
    // The thread is the conversation id (with ;messageid=) and the reply is addressed to the question.
    expect(call.conversationId).toBe(CHANNEL_THREAD.id);
    expect(call.replyToId).toBe(activity.id);
    expect(call.body.replyToId).toBe(activity.id);
    const card = cardOf(call);
    expect(JSON.stringify(card)).toContain('"ColumnSet"');
  });

  it("treats a bare @mention as a request for help", async () => {
    await server.post(channelMention(connector.url, ""));
    expect(spy.converse).not.toHaveBeenCalled();
    expect(spy.respond).toHaveBeenCalledWith({ type: "help", lang: "en" }, catalog);
    expect(connector.calls).toHaveLength(1);
  });

  it("pages a long list through Action.Submit values", async () => {
    await server.post(personalMessage(connector.url, "Which products work air-gapped?"));
    const first = cardOf(connector.calls[0] as NonNullable<(typeof connector.calls)[0]>);
    const more = submitTitled(first, "More");
    expect(more[STATE_KEY]).toMatchObject({ p: 2 });
    connector.calls.length = 0;

    const res = await server.post(submitValue(connector.url, more));
    expect(res.status).toBe(200);
    expect(spy.respond).toHaveBeenLastCalledWith((more[STATE_KEY] as { r: unknown }).r, catalog);
    const second = cardOf(connector.calls[0] as NonNullable<(typeof connector.calls)[0]>);
    expect(adaptiveCardProblems(second)).toEqual([]);
    expect(submitTitled(second, "Previous")[STATE_KEY]).not.toHaveProperty("p");
    expect(JSON.stringify(second)).not.toEqual(JSON.stringify(first));
  });

  it("answers Details, Compare picker and follow-up clicks", async () => {
    await server.post(personalMessage(connector.url, "Which products work air-gapped?"));
    const list = cardOf(connector.calls[0] as NonNullable<(typeof connector.calls)[0]>);
    // A long list opens details from its menu: the picked product goes with the button's data.
    const details = { ...submitTitled(list, "Details"), paasPick: [...catalog.products.keys()][0] };
    connector.calls.length = 0;
    await server.post(submitValue(connector.url, details));
    const product = cardOf(connector.calls[0] as NonNullable<(typeof connector.calls)[0]>);
    expect(spy.respond.mock.lastCall?.[0]).toMatchObject({ type: "product", lang: "en" });
    expect(adaptiveCardProblems(product)).toEqual([]);
    const shown = spy.respond.mock.results.at(-1)?.value.items[0];
    const openUrls = actionsOf(product).filter((a) => a.type === "Action.OpenUrl");
    expect(openUrls.map((a) => a.url)).toEqual(shown?.url ? [new URL(shown.url).href] : []);

    const ids = [...catalog.products.keys()].slice(0, 3);
    connector.calls.length = 0;
    await server.post(
      submitValue(connector.url, { ...submitTitled(list, "Compare"), paasPick: ids.join(",") }),
    );
    expect(spy.respond.mock.lastCall?.[0]).toEqual({ type: "compare", ids, lang: "en" });
    expect(JSON.stringify(cardOf(connector.calls[0] as NonNullable<(typeof connector.calls)[0]>))).toContain(
      '"ColumnSet"',
    );

    const followUp = product.actions?.find((a) => a.type === "Action.Submit");
    if (followUp?.type !== "Action.Submit") throw new Error("a product card has follow-up buttons");
    connector.calls.length = 0;
    await server.post(submitValue(connector.url, followUp.data));
    expect(spy.respond.mock.lastCall?.[0]).toEqual(
      readSubmitValue(followUp.data).kind === "state" && (followUp.data.paas as { r: unknown }).r,
    );
    expect(connector.calls).toHaveLength(1);
    expect(
      adaptiveCardProblems(cardOf(connector.calls[0] as NonNullable<(typeof connector.calls)[0]>)),
    ).toEqual([]);
  });

  it("asks for more picks, and answers forged or stale button values with a text, not a crash", async () => {
    await server.post(submitValue(connector.url, { paasCompare: { lang: "zh" }, paasPick: "one-only" }));
    expect(connector.calls[0]?.body.text).toMatch(/两到四个/);
    for (const value of [
      { paas: { r: { type: "product", id: "../../etc" } } },
      { paas: "{not json" },
      42,
      ["x"],
    ]) {
      connector.calls.length = 0;
      const res = await server.post(submitValue(connector.url, value));
      expect(res.status).toBe(200);
      expect(connector.calls).toHaveLength(1);
      expect(connector.calls[0]?.body.text).toMatch(/button/);
    }
    expect(spy.respond).not.toHaveBeenCalled();
  });

  it("welcomes with a card when the bot is added to a personal chat, and only then", async () => {
    const res = await server.post(botAdded(connector.url));
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
    const card = cardOf(connector.calls[0] as NonNullable<(typeof connector.calls)[0]>);
    expect(adaptiveCardProblems(card)).toEqual([]);
    const asks = actionsOf(card).filter((a) => a.type === "Action.Submit");
    expect(asks.some((a) => /[\u4e00-\u9fff]/.test(a.title))).toBe(true);
    expect(asks.some((a) => /^[\x20-\x7e]+$/.test(a.title))).toBe(true);

    connector.calls.length = 0;
    await server.post(botAdded(connector.url, CHANNEL_THREAD));
    await server.post({ ...botAdded(connector.url), membersAdded: [{ id: "29:someone-else" }] });
    expect(connector.calls).toHaveLength(0);
  });

  it("answers composeExtension/query synchronously with list results: hero preview + Adaptive Card", async () => {
    const res = await server.post(extensionQuery(connector.url, "air-gapped"));
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(0);
    const body = res.body as {
      composeExtension: {
        type: string;
        attachmentLayout: string;
        attachments: {
          contentType: string;
          content: AdaptiveCard;
          preview: { contentType: string; content: { title: string } };
        }[];
      };
    };
    expect(body.composeExtension.type).toBe("result");
    expect(body.composeExtension.attachmentLayout).toBe("list");
    expect(body.composeExtension.attachments.length).toBeGreaterThan(1);
    for (const a of body.composeExtension.attachments) {
      expect(a.contentType).toBe("application/vnd.microsoft.card.adaptive");
      expect(a.preview.contentType).toBe("application/vnd.microsoft.card.hero");
      expect(a.preview.content.title.length).toBeGreaterThan(0);
      expect(adaptiveCardProblems(a.content)).toEqual([]);
      // Inserted cards go to conversations the bot may not be in: no buttons back to the bot.
      expect(actionsOf(a.content).every((x) => x.type === "Action.OpenUrl")).toBe(true);
    }
    expect(spy.answer).toHaveBeenCalledWith("air-gapped", catalog);
  });

  it("lists the categories for an empty search (initial run), in the user's locale", async () => {
    const res = await server.post({ ...extensionQuery(connector.url, undefined), locale: "zh-CN" });
    const body = res.body as {
      composeExtension: { attachments: { preview: { content: { title: string } } }[] };
    };
    expect(body.composeExtension.attachments).toHaveLength(catalog.categories.size);
    expect(body.composeExtension.attachments[0]?.preview.content.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it("honours queryOptions paging and rejects unknown commands politely", async () => {
    const all = await server.post(extensionQuery(connector.url, "air-gapped"));
    const page = await server.post(
      extensionQuery(connector.url, "air-gapped", { queryOptions: { skip: 2, count: 3 } }),
    );
    type R = { composeExtension: { attachments: { preview: unknown }[] } };
    expect((page.body as R).composeExtension.attachments).toEqual(
      (all.body as R).composeExtension.attachments.slice(2, 5),
    );
    const unknown = await server.post(extensionQuery(connector.url, "x", { commandId: "nope" }));
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ composeExtension: { type: "message" } });
  });

  it("sends the text fallback when the connector refuses the card", async () => {
    connector.refuseCards = true;
    const res = await server.post(personalMessage(connector.url, "What is KubeSphere?"));
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(2);
    expect(connector.calls[1]?.body.attachments).toBeUndefined();
    expect(connector.calls[1]?.body.text).toContain("KubeSphere");
  });

  it("rejects malformed activities with a 4xx, runs no handler, and keeps serving", async () => {
    const good = personalMessage(connector.url, "help");
    const bad: unknown[] = [
      "{not json",
      [],
      "null",
      {},
      { ...good, type: undefined },
      { ...good, type: 42 },
      { ...good, serviceUrl: "file:///etc/passwd" },
      { ...good, serviceUrl: undefined },
      { ...good, conversation: undefined },
      { ...good, conversation: { id: "" } },
      { ...good, from: null },
      { ...good, recipient: "bot" },
      { ...good, text: { $gt: "" } },
      { ...good, entities: "mention" },
      { ...good, membersAdded: [{}], type: "conversationUpdate" },
      { ...good, type: "invoke", name: undefined },
    ];
    for (const body of bad) {
      const res = await server.post(body);
      expect(res.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(res.status, JSON.stringify(body)).toBeLessThan(500);
    }
    const noJson = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "hi",
    });
    expect(noJson.status).toBe(415);
    // Local mode checks no token: it must not be talked into posting to another host.
    const elsewhere = await server.post({ ...good, serviceUrl: "https://connector.example.com/" });
    expect(elsewhere.status).toBe(403);
    expect(connector.calls).toHaveLength(0);
    expect(spy.answer).not.toHaveBeenCalled();
    expect(spy.converse).not.toHaveBeenCalled();

    const res = await server.post(good);
    expect(res.status).toBe(200);
    expect(connector.calls).toHaveLength(1);
  });

  it("survives hostile questions and a broken mention entity", async () => {
    const questions = [
      "",
      " ",
      "<at>x</at>",
      "[x](http://evil) **b** <at>Bot</at>",
      "a".repeat(20_000),
      "\u0000\uffff",
      "🙂".repeat(500),
    ];
    for (const q of questions) {
      connector.calls.length = 0;
      const res = await server.post(personalMessage(connector.url, q));
      expect(res.status).toBe(200);
      expect(connector.calls).toHaveLength(1);
    }
    connector.calls.length = 0;
    const broken = {
      ...channelMention(connector.url, "KubeSphere"),
      entities: [{ type: "mention", text: "<at>x</at>" }],
    };
    expect((await server.post(broken)).status).toBe(200);
    expect(connector.calls).toHaveLength(1);
  });
});

describe("Teams bot when the Bot Connector fails", () => {
  /** A bot of its own, so its log holds only this test's lines. */
  async function botAgainst(sendTimeoutMs?: number) {
    const botLog = quietLog();
    const bot = createTeamsBot({
      catalog: fixedCatalog(catalog),
      config: { mode: "local" },
      log: botLog,
      ...(sendTimeoutMs ? { sendTimeoutMs } : {}),
    });
    const srv = await startBotServer(bot.handler);
    botLog.lines.length = 0; // the local-mode warning at start
    return { srv, botLog };
  }

  it("5xx on every try: retried, then given up with one log line and no text fallback", async () => {
    const down = await LoadConnector.start();
    // Retry-After: 0 keeps the client's retries immediate; they are the same retries as for a 500.
    down.mode = { kind: "status", status: 503, headers: { "retry-after": "0" } };
    const { srv, botLog } = await botAgainst();
    try {
      const res = await srv.post(personalMessage(down.url, "What is KubeSphere?"));
      expect(res.status).toBe(200);
      expect(down.received).toBeGreaterThan(1);
      // Every attempt was the card: no plain-text copy was tried against a connector that is down.
      expect(down.recent.every((r) => Array.isArray(r.body.attachments))).toBe(true);
      expect(down.recent.some((r) => r.body.text !== undefined)).toBe(false);
      expect(botLog.lines).toHaveLength(1);
      expect(botLog.lines[0]).toMatch(/503/);
      expect(botLog.errors).toEqual([]);
    } finally {
      await srv.close();
      await down.close();
    }
  });

  it("a connector that never answers: gives up at the deadline, warns once, answers the request", async () => {
    const silent = await LoadConnector.start();
    silent.mode = { kind: "hang" };
    const { srv, botLog } = await botAgainst(300);
    try {
      const res = await srv.post(personalMessage(silent.url, "What is KubeSphere?"));
      expect(res.status).toBe(200);
      expect(silent.received).toBe(1);
      expect(botLog.lines).toHaveLength(1);
      expect(botLog.lines[0]).toMatch(/did not answer within 300 ms/);
      // No secrets, no user text in the line.
      expect(botLog.lines[0]).not.toMatch(/KubeSphere/);
      expect(botLog.errors).toEqual([]);
    } finally {
      await srv.close();
      await silent.close();
    }
  });
});

describe("Teams bot when the engine fails", () => {
  it("answers with an apology, not a crash", async () => {
    const fake = await startFakeConnector();
    const failing: QuestionEngine = {
      answer: () => {
        throw new Error("boom");
      },
      respond: () => {
        throw new Error("boom");
      },
      converse: () => {
        throw new Error("boom");
      },
    };
    const failLog = quietLog();
    const bot = createTeamsBot({
      catalog: fixedCatalog(catalog),
      config: { mode: "local" },
      engine: failing,
      log: failLog,
    });
    const srv = await startBotServer(bot.handler);
    try {
      expect((await srv.post(personalMessage(fake.url, "What is KubeSphere?"))).status).toBe(200);
      expect(fake.calls[0]?.body.text).toMatch(/went wrong/);
      const search = await srv.post(extensionQuery(fake.url, "x"));
      expect(search.body).toMatchObject({ composeExtension: { type: "message" } });
      expect(failLog.errors.length).toBeGreaterThan(0);
    } finally {
      await srv.close();
      await fake.close();
    }
  });
});

describe("Teams bot with an app id set", () => {
  it("answers 401 to a request without a token and runs no handler", async () => {
    const fake = await startFakeConnector();
    const engineSpy = {
      answer: vi.fn(engine.answer),
      respond: vi.fn(engine.respond),
      converse: vi.fn(engine.converse),
    };
    const authLog = quietLog();
    const bot = createTeamsBot({
      catalog: fixedCatalog(catalog),
      config: teamsConfig(),
      engine: engineSpy,
      log: authLog,
    });
    const srv = await startBotServer(bot.handler);
    // botbuilder logs the AuthenticationError itself; keep the test output clean.
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      for (const headers of [{}, { authorization: "Bearer not-a-jwt" }] as Record<string, string>[]) {
        const res = await srv.post(personalMessage(fake.url, "What is KubeSphere?"), headers);
        expect(res.status).toBe(401);
      }
      expect(engineSpy.answer).not.toHaveBeenCalled();
      expect(engineSpy.converse).not.toHaveBeenCalled();
      expect(fake.calls).toHaveLength(0);
      expect(authLog.lines.join("\n")).not.toMatch(/LOCAL MODE/);
      expect(authLog.lines.join("\n")).not.toContain("s3cret-value");
    } finally {
      consoleError.mockRestore();
      await srv.close();
      await fake.close();
    }
  });
});

function teamsConfig() {
  const config = {
    mode: "authenticated" as const,
    appId: "11111111-2222-3333-4444-555555555555",
    appType: "MultiTenant" as const,
  };
  Object.defineProperty(config, "password", { value: "s3cret-value", enumerable: false });
  return config;
}
