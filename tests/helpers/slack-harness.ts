import type { AddressInfo } from "node:net";
import { type Logger, LogLevel } from "@slack/bolt";
import { Conversations } from "../../src/adapters/conversations.js";
import { defaultEngine, type Engine } from "../../src/adapters/slack/answering.js";
import { createSlackBot, type SlackBot } from "../../src/adapters/slack/app.js";
import type { SlackConfig } from "../../src/adapters/slack/config.js";
import type { Catalog } from "../../src/core/catalog/catalog.js";
import { fixedCatalog } from "../../src/core/catalog/catalog.js";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { FakeSlackApi } from "./slack-fake-api.js";
import { TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./slack-requests.js";

let cached: Catalog | undefined;
/** The real catalog, loaded once per test file. */
export const realCatalog = (): Catalog => {
  cached ??= loadCatalog("knowledge");
  return cached;
};

/** A Bolt logger that keeps every line, so tests can check what was (and was not) logged. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  private level: LogLevel = LogLevel.DEBUG;
  private record =
    (level: string) =>
    (...msg: unknown[]) => {
      this.lines.push(
        `${level} ${msg.map((m) => (m instanceof Error ? `${m.message} ${m.stack}` : String(m))).join(" ")}`,
      );
    };
  debug = this.record("debug");
  info = this.record("info");
  warn = this.record("warn");
  error = this.record("error");
  setLevel(level: LogLevel): void {
    this.level = level;
  }
  getLevel(): LogLevel {
    return this.level;
  }
  setName(): void {}
}

/** The engine, counting calls: a request that must run no handler must leave the count alone. */
export class CountingEngine implements Engine {
  calls = 0;
  constructor(private readonly inner: Engine = defaultEngine) {}
  answer: Engine["answer"] = (q, c) => {
    this.calls += 1;
    return this.inner.answer(q, c);
  };
  respond: Engine["respond"] = (r, c) => {
    this.calls += 1;
    return this.inner.respond(r, c);
  };
  converse: Engine["converse"] = (q, c, previous) => {
    this.calls += 1;
    return this.inner.converse(q, c, previous);
  };
}

export interface HttpHarness {
  api: FakeSlackApi;
  bot: SlackBot;
  /** POST /slack/events on the bot. */
  url: string;
  engine: CountingEngine;
  logger: RecordingLogger;
  /** The bot's conversation store and feedback (in memory). */
  conversations: Conversations;
  close(): Promise<void>;
}

/** The real Bolt app over HTTP on 127.0.0.1, talking to a fake Slack Web API. */
export async function startHttpBot(
  options: { engine?: Engine; conversations?: Conversations } = {},
): Promise<HttpHarness> {
  const api = await FakeSlackApi.start();
  const engine = new CountingEngine(options.engine);
  const logger = new RecordingLogger();
  const conversations = options.conversations ?? new Conversations();
  const config: SlackConfig = { mode: "http", botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET };
  const bot = await createSlackBot({
    config,
    catalog: fixedCatalog(realCatalog()),
    engine,
    conversations,
    slackApiUrl: api.apiUrl,
    logger,
  });
  const server = await bot.start({ port: 0, host: "127.0.0.1" });
  if (!server) throw new Error("the HTTP bot did not return its server");
  const { port } = server.address() as AddressInfo;
  return {
    api,
    bot,
    url: `http://127.0.0.1:${port}/slack/events`,
    engine,
    logger,
    conversations,
    async close() {
      await bot.stop();
      await api.close();
    },
  };
}
