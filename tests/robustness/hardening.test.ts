import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CATALOG_FILE_BYTES } from "../../src/core/catalog/load.js";
import { ALIAS_BOMB } from "../helpers/hostile-yaml.js";
import { type ServerProcess, startServerProcess } from "../helpers/load-process.js";
import { FakeSlackApi } from "../helpers/slack-fake-api.js";
import {
  blockActions,
  eventCallback,
  postSlack,
  TEST_BOT_TOKEN,
  TEST_SIGNING_SECRET,
} from "../helpers/slack-requests.js";
import { personalMessage } from "../helpers/teams-activities.js";

/**
 * The hardening of issue 13 against the real process (`npm start`'s entry point, its own node, its
 * own output): hostile catalog files under watch, SIGTERM with Slack answers in flight, Slack
 * redeliveries, buttons the bot does not know, forged Teams tokens. No timing is asserted.
 */
const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 20));
};
const jsonLinesOnly = (lines: string[]) => lines.filter((l) => !l.startsWith("{"));
const ask = async (origin: string) => {
  const res = await fetch(`${origin}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ q: "What is KubeSphere?" }),
  });
  await res.arrayBuffer();
  return res.status;
};

describe("a watched catalog folder receiving hostile files", () => {
  let dir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "paas-bot-hostile-watch-"));
    cpSync(join(import.meta.dirname, "..", "..", "knowledge"), dir, { recursive: true });
    server = await startServerProcess({ KNOWLEDGE_DIR: dir, KNOWLEDGE_WATCH: "1", LOG_LEVEL: "info" });
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an alias bomb, then a file over the cap, and keeps answering throughout", async () => {
    const refusals = () => server.lines().filter((l) => l.includes("catalog reload refused")).length;
    writeFileSync(join(dir, "vendors", "zz-bomb.yaml"), ALIAS_BOMB);
    await until(() => refusals() >= 1 || !server.alive());
    expect(server.alive()).toBe(true);
    expect(await ask(server.origin)).toBe(200);
    rmSync(join(dir, "vendors", "zz-bomb.yaml"));
    writeFileSync(join(dir, "vendors", "zz-huge.yaml"), `x: "${"y".repeat(MAX_CATALOG_FILE_BYTES + 10)}"`);
    await until(() => server.lines().some((l) => l.includes("CATALOG_TOO_LARGE")) || !server.alive());
    expect(server.alive()).toBe(true);
    expect(await ask(server.origin)).toBe(200);
    expect((await fetch(`${server.origin}/readyz`)).status).toBe(200);
    const refused = server.lines().filter((l) => l.includes("catalog reload refused"));
    expect(refused.some((l) => l.includes("vendors/zz-bomb.yaml"))).toBe(true);
    expect(refused.some((l) => l.includes("vendors/zz-huge.yaml"))).toBe(true);
    expect(jsonLinesOnly(server.lines())).toEqual([]);
  });
});

describe("Slack in HTTP mode, as a process", () => {
  let api: FakeSlackApi;
  beforeAll(async () => {
    api = await FakeSlackApi.start();
  });
  afterAll(() => api.close());
  const slackEnv = () => ({
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    LOG_LEVEL: "info",
  });
  const dm = (channel: string, text: string, ts: string) =>
    eventCallback({ type: "message", channel, channel_type: "im", user: "U1", text, ts, event_ts: ts });

  it("SIGTERM with answers still to post: every answer is posted, then it exits 0", async () => {
    const server = await startServerProcess(slackEnv());
    const release = api.hold("chat.postMessage");
    const held = api.held;
    const url = `${server.origin}/slack/events`;
    const channels = ["D0TERM1", "D0TERM2", "D0TERM3", "D0TERM4"];
    for (const [i, channel] of channels.entries())
      expect(
        (await postSlack(url, dm(channel, "What is Rancher?", `1700000600.00000${i}`), "json")).status,
      ).toBe(200);
    await until(() => api.held - held === channels.length);
    const stopping = server.stop();
    await new Promise((r) => setTimeout(r, 200));
    release();
    expect(await stopping).toBe(0);
    for (const channel of channels)
      expect(api.of("chat.postMessage").filter((c) => c.body.channel === channel)).toHaveLength(1);
  });

  it("answers a redelivered event once, and acks a button it does not know", async () => {
    const server = await startServerProcess(slackEnv());
    try {
      const url = `${server.origin}/slack/events`;
      const body = dm("D0RETRY", "What is OpenShift?", "1700000700.000001");
      await postSlack(url, body, "json");
      for (const n of ["1", "2", "3"])
        await postSlack(url, body, "json", {
          headers: { "x-slack-retry-num": n, "x-slack-retry-reason": "http_timeout" },
        });
      await api.waitForApi("chat.postMessage", (c) => c.body.channel === "D0RETRY");
      const click = blockActions(
        { action_id: "someone_elses_button", type: "button", value: "v" },
        { type: "ephemeral", channel: "C0CHAN1" },
        api.responseUrl("process-unknown"),
      );
      expect((await postSlack(url, click, "form")).status).toBe(200);
      await api.waitForResponse("process-unknown");
      await new Promise((r) => setTimeout(r, 200));
      expect(api.of("chat.postMessage").filter((c) => c.body.channel === "D0RETRY")).toHaveLength(1);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });
});

describe("Teams with credentials, as a process", () => {
  it("answers forged tokens 401 with a generic body, and logs JSON lines only", async () => {
    const server = await startServerProcess({
      MicrosoftAppId: "0b5e55ed-0000-4000-8000-00000000c0de",
      MicrosoftAppPassword: "Pa55~w0rd.ForTheTeamsApp-0123456789",
      LOG_LEVEL: "debug",
    });
    try {
      const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
      const claims = {
        iss: "https://api.botframework.com",
        aud: "0b5e55ed-0000-4000-8000-00000000c0de",
        exp: 4e9,
      };
      for (const token of [
        `${b64({ alg: "none", typ: "JWT" })}.${b64(claims)}.`,
        `${b64({ alg: "HS256", typ: "JWT", kid: "k" })}.${b64(claims)}.c2ln`,
        "not-a-jwt",
      ]) {
        const res = await fetch(`${server.origin}/api/messages`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify(personalMessage("https://smba.trafficmanager.net/emea/", "hi")),
        });
        expect(res.status).toBe(401);
        expect(await res.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "not authenticated" } });
      }
      expect(jsonLinesOnly(server.lines())).toEqual([]);
      expect(server.lines().join("\n")).not.toContain("Pa55~w0rd");
    } finally {
      await server.stop();
    }
  });
});
