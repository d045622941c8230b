import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSlackBot } from "../../src/adapters/slack/app.js";
import { fixedCatalog } from "../../src/core/catalog/catalog.js";
import { ACTION } from "../../src/render/slack/actions.js";
import { LoadConnector } from "../helpers/load-connector.js";
import { type LoadServer, startLoadServer } from "../helpers/load-server.js";
import { FaultySlackApi } from "../helpers/load-slack-api.js";
import { RecordingLogger, realCatalog } from "../helpers/slack-harness.js";
import {
  BOT_USER_ID,
  blockActions,
  eventCallback,
  postSlack,
  slashCommand,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../helpers/slack-requests.js";
import { personalMessage } from "../helpers/teams-activities.js";

/**
 * What the bots do when the platform misbehaves: Slack's Web API rate-limiting (429 with
 * Retry-After) or failing (500), a response_url that fails, Teams' connector throttling, failing or
 * never answering. Each time: retry or give up cleanly, log it once, keep serving everyone else.
 */
let api: FaultySlackApi;
let s: LoadServer;
/** Teams connectors with a fault of their own, so one can hang while another works. */
let outage: LoadConnector;
let hanging: LoadConnector;

/** The slow cases start first and are checked last: everything else runs while they wait. */
let hung: Promise<{ status: number } | "error">;
let hungAt = 0;
let failing: Promise<{ status: number } | "error">;
let logsBeforeOutage = { warnings: 0, errors: 0 };

beforeAll(async () => {
  api = await FaultySlackApi.start();
  s = await startLoadServer({}, { shutdownTimeoutMs: 1000 }, api);
  outage = await LoadConnector.start();
  outage.mode = { kind: "status", status: 500 };
  hanging = await LoadConnector.start();
  hanging.mode = { kind: "hang" };
  const settle = (p: Promise<Response>) =>
    p.then(
      (r) => ({ status: r.status }),
      () => "error" as const,
    );
  logsBeforeOutage = { warnings: s.log.warnings.length, errors: s.log.errors.length };
  hungAt = Date.now();
  hung = settle(teams(hanging.url, "What is Rancher?"));
  failing = settle(teams(outage.url, "which options work fully air-gapped?"));
});

afterAll(async () => {
  await hanging?.close();
  await outage?.close();
  await s?.close();
});

const dm = (channel: string, text: string) =>
  eventCallback({
    type: "message",
    channel_type: "im",
    channel,
    user: "UASKER1",
    text,
    ts: "1700000000.000100",
  });
const linesAbout = (lines: string[], needle: RegExp) => lines.filter((l) => needle.test(l));
/** Slack's error lines only: the Teams outage started in beforeAll logs its own meanwhile. */
const slackErrors = () => s.log.errors.filter((l) => !l.includes('"platform":"teams"'));

/** A /paas answered in its ack: proof the server serves while something else is stuck or waiting. */
async function expectServing(): Promise<void> {
  const res = await postSlack(
    s.slackUrl,
    slashCommand("What is KubeSphere?", api.responseUrl("serving")),
    "form",
  );
  expect(res.status).toBe(200);
  expect(JSON.stringify(res.json)).toContain("KubeSphere");
}

async function teams(serviceUrl: string, text: string): Promise<Response> {
  return fetch(`${s.server.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(personalMessage(serviceUrl, text)),
  });
}

describe("Slack Web API faults", () => {
  it("429 with Retry-After: waits, retries once, delivers once, warns once, serves meanwhile", async () => {
    api.script("chat.postMessage", {
      status: 429,
      headers: { "retry-after": "1" },
      body: { ok: false, error: "ratelimited" },
    });
    const warnings = s.log.warnings.length;
    expect((await postSlack(s.slackUrl, dm("D0429", "kubesphere"), "json")).status).toBe(200);
    await expectServing();
    const [limited, retried] = await api.waitForCalls("chat.postMessage", 2);
    expect(limited?.status).toBe(429);
    expect(retried?.status).toBe(200);
    expect(retried?.body.channel).toBe("D0429");
    // Retry-After is a protocol rule, not a speed: the retry must not come before it.
    expect((retried?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(linesAbout(s.log.warnings.slice(warnings), /rate limit/i)).toHaveLength(1);
    expect(slackErrors()).toEqual([]);
  });

  it("500 from chat.postMessage: retried and delivered, nothing logged as an error", async () => {
    const before = api.of("chat.postMessage").length;
    api.script("chat.postMessage", { status: 500, body: { ok: false, error: "internal_error" } });
    const mention = eventCallback({
      type: "app_mention",
      user: "UASKER1",
      text: `<@${BOT_USER_ID}> rancher vs openshift`,
      ts: "1700000100.000100",
      channel: "C0500",
      event_ts: "1700000100.000100",
    });
    expect((await postSlack(s.slackUrl, mention, "json")).status).toBe(200);
    await expectServing();
    const calls = (await api.waitForCalls("chat.postMessage", before + 2)).slice(before);
    expect(calls.map((c) => c.status)).toEqual([500, 200]);
    expect(calls[1]?.body.channel).toBe("C0500");
    expect(slackErrors()).toEqual([]);
  });

  it("a click whose response_url fails: acked, given up and logged, and the next click is answered", async () => {
    const errors = slackErrors().length;
    const value = JSON.stringify({ r: { type: "product", id: "kubesphere", lang: "en" } });
    const click = (id: string) =>
      postSlack(
        s.slackUrl,
        blockActions(
          { action_id: `${ACTION.details}:0`, type: "button", value },
          { type: "ephemeral", channel: "C1" },
          api.responseUrl(id),
        ),
        "form",
      );
    // Both the answer and the "something went wrong" notice fail: there is nobody left to tell.
    api.script("response_url", { status: 500 }, { status: 500 });
    expect((await click("broken")).status).toBe(200);
    await api.waitForCalls("response_url", 2);
    const logged = slackErrors().slice(errors);
    await expectServing();
    expect(logged.length).toBeGreaterThanOrEqual(1);
    // The answer failing and the notice about it failing are one line each, at most.
    expect(logged.length).toBeLessThanOrEqual(2);
    expect((await click("fine")).status).toBe(200);
    const calls = await api.waitForCalls("response_url", 3);
    expect(calls[2]?.status).toBe(200);
    expect(JSON.stringify(calls[2]?.body)).toContain("KubeSphere");
  });
});

describe("Teams connector faults", () => {
  it("429 with Retry-After once: retried, the card delivered, nothing logged about it", async () => {
    s.connector.mode = { kind: "status", status: 429, headers: { "retry-after": "1" }, times: 1 };
    const accepted = s.connector.accepted;
    expect((await teams(s.connector.url, "kubesphere")).status).toBe(200);
    expect(s.connector.accepted - accepted).toBe(1);
    expect(JSON.stringify(s.connector.recent.at(-1)?.body)).toContain(
      "application/vnd.microsoft.card.adaptive",
    );
    expect(linesAbout([...s.log.warnings, ...s.log.errors], /fake status 429/)).toEqual([]);
  });

  it("503 once: retried and delivered", async () => {
    s.connector.mode = { kind: "status", status: 503, times: 1 };
    const accepted = s.connector.accepted;
    expect((await teams(s.connector.url, "对比 Rancher 和 OpenShift")).status).toBe(200);
    expect(s.connector.accepted - accepted).toBe(1);
  });

  it("an outage (500 on every try): gives up, answers the request, logs it, and others are served", async () => {
    // Served meanwhile (the outage request started before every test), on both platforms.
    await expectServing();
    expect((await teams(s.connector.url, "TCS")).status).toBe(200);
    expect(await failing).toEqual({ status: 200 });
    expect(outage.received).toBeGreaterThan(1);
    const logged = [
      ...s.log.warnings.slice(logsBeforeOutage.warnings),
      ...s.log.errors.slice(logsBeforeOutage.errors),
    ].filter((l) => l.includes('"platform":"teams"') && /fake status 500/.test(l));
    // One line: a connector that fails the card after its retries is not sent the text fallback.
    expect(logged).toHaveLength(1);
  }, 30_000);

  it("a connector that never answers does not stop the server from serving", async () => {
    await expectServing();
    expect((await teams(s.connector.url, "kubesphere")).status).toBe(200);
    expect(hanging.received).toBe(1);
  });

  // Each turn has a send deadline (createTeamsBot's sendTimeoutMs, 10 s by default): the pending
  // send is aborted, one warning is logged, and the POST is answered well inside Teams' 15 s.
  it("a connector that never answers is given up within Teams' 15 s window", async () => {
    const remaining = Math.max(0, 15_000 - (Date.now() - hungAt));
    const outcome = await Promise.race([
      hung,
      new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), remaining)),
    ]);
    expect(outcome).not.toBe("still waiting");
    expect(outcome).toEqual({ status: 200 });
    const gaveUp = linesAbout(s.log.warnings, /did not answer within/).filter((l) =>
      l.includes('"platform":"teams"'),
    );
    expect(gaveUp).toHaveLength(1);
    expect(gaveUp[0]).not.toContain("Rancher");
  }, 20_000);
});

/** Polls until `read` gives something (a condition, not a duration: the deadline only stops a hang). */
async function until<T>(read: () => T | undefined, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a Slack Web API that never answers", () => {
  let hung: FaultySlackApi;
  /** A server of its own, whose calls to Slack time out quickly. */
  let quick: LoadServer;

  beforeAll(async () => {
    hung = await FaultySlackApi.start();
    quick = await startLoadServer({}, { slackApiTimeoutMs: 300 }, hung);
  });
  afterAll(async () => {
    await quick?.close();
  });

  it("a chat.postMessage that never answers is given up, logged once, and the bot keeps serving", async () => {
    hung.script("chat.postMessage", { status: 200, hang: true });
    const before = { warnings: quick.log.warnings.length, errors: quick.log.errors.length };
    const logged = () => [
      ...quick.log.warnings.slice(before.warnings),
      ...quick.log.errors.slice(before.errors),
    ];
    expect((await postSlack(quick.slackUrl, dm("D0HUNG", "kubesphere"), "json")).status).toBe(200);
    await hung.waitForCalls("chat.postMessage", 1);
    const [line] = await until(
      () => (logged().length > 0 ? logged() : undefined),
      "the give-up to be logged",
    );

    // Served after: a slash command, and a direct message whose answer is posted this time.
    const res = await postSlack(
      quick.slackUrl,
      slashCommand("What is KubeSphere?", hung.responseUrl("q")),
      "form",
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.json)).toContain("KubeSphere");
    expect((await postSlack(quick.slackUrl, dm("D0NEXT", "rancher"), "json")).status).toBe(200);
    const calls = await hung.waitForCalls("chat.postMessage", 2);
    expect(calls.map((c) => c.body.channel)).toEqual(["D0HUNG", "D0NEXT"]);
    expect(calls[1]?.status).toBe(200);

    // One line for the hung call, naming the timeout; no retry of it; no secret.
    expect(logged()).toEqual([line]);
    expect(line).toMatch(/timeout/i);
    expect(line).toContain("direct message");
    expect(line).not.toContain(TEST_BOT_TOKEN);
    expect(line).not.toContain(TEST_SIGNING_SECRET);
    expect(quick.server.inFlight()).toBe(0);
  });

  it("an auth.test that never answers fails the start as unreachable, instead of hanging it", async () => {
    hung.script("auth.test", { status: 200, hang: true });
    const asked = hung.of("auth.test").length;
    const logger = new RecordingLogger();
    const starting = createSlackBot({
      config: { mode: "http", botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET },
      catalog: fixedCatalog(realCatalog()),
      slackApiUrl: hung.apiUrl,
      apiTimeoutMs: 200,
      logger,
    });
    await expect(starting).rejects.toMatchObject({ name: "SlackAuthError", code: "SLACK_UNREACHABLE" });
    await expect(starting).rejects.toThrow(/timeout/i);
    // Not retried: a hung auth.test would otherwise hold the start for another timeout.
    expect(hung.of("auth.test")).toHaveLength(asked + 1);
    expect(logger.lines.filter((l) => /^(warn|error)/.test(l))).toEqual([]);
  });
});
