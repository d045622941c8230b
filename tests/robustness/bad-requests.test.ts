import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LoadConnector } from "../helpers/load-connector.js";
import {
  type RawResponse,
  rawRequest,
  type ServerProcess,
  startServerProcess,
} from "../helpers/load-process.js";
import { FakeSlackApi } from "../helpers/slack-fake-api.js";
import { sign, slashCommand } from "../helpers/slack-requests.js";
import { personalMessage } from "../helpers/teams-activities.js";

/**
 * Hostile and broken requests to the real server process (`npm start`, spawned), with fake but
 * real-looking secrets in its environment and everything it prints captured: each gets a 4xx, the
 * process keeps serving, and no line it writes — at any level — contains a secret. Logging at
 * debug, the most it ever says.
 */
const SLACK_SECRETS = {
  SLACK_BOT_TOKEN: "xoxb-4242424242-4242424242-BadRequestBotToken",
  SLACK_SIGNING_SECRET: "5ec7e75ec7e75ec7e75ec7e75ec7e75e",
};
const TEAMS_PASSWORD = "Pa55~w0rd.ForTheTeamsApp-0123456789";
const TEAMS_APP_ID = "0b5e55ed-0000-4000-8000-00000000c0de";
const FORM = "application/x-www-form-urlencoded";
const JSON_TYPE = "application/json";
const MB = 1024 * 1024;

let slackApi: FakeSlackApi;
/** Refuses every reply (400): the bot's failure path, logged, runs without a retry's wait. */
let refusing: LoadConnector;
let local: ServerProcess;
let authenticated: ServerProcess;
const ts = () => Math.floor(Date.now() / 1000);

/** Headers Slack would send for this body, signed with `secret`. */
function slackHeaders(
  body: string,
  type: string | undefined,
  secret = SLACK_SECRETS.SLACK_SIGNING_SECRET,
  at = ts(),
) {
  return {
    ...(type ? { "content-type": type } : {}),
    "x-slack-request-timestamp": String(at),
    "x-slack-signature": sign(body, secret, at),
  };
}

interface Case {
  name: string;
  path: string;
  method?: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The status expected; every one is a 4xx except where a comment says why. */
  status: number;
}

beforeAll(async () => {
  slackApi = await FakeSlackApi.start();
  refusing = await LoadConnector.start();
  refusing.mode = { kind: "status", status: 400 };
  [local, authenticated] = await Promise.all([
    startServerProcess({
      ...SLACK_SECRETS,
      SLACK_API_URL: slackApi.apiUrl,
      TEAMS_LOCAL: "1",
      LOG_LEVEL: "debug",
    }),
    startServerProcess({
      MicrosoftAppId: TEAMS_APP_ID,
      MicrosoftAppPassword: TEAMS_PASSWORD,
      LOG_LEVEL: "debug",
    }),
  ]);
}, 60_000);

afterAll(async () => {
  await local?.stop();
  await authenticated?.stop();
  await slackApi?.close();
  await refusing?.close();
});

// The requests carry the secrets themselves: a server that logs what it was sent must still not leak them.
const command = slashCommand(`what is ${SLACK_SECRETS.SLACK_BOT_TOKEN}?`, "http://127.0.0.1:9/response/1");
const activity = (extra: Record<string, unknown> = {}, text = Object.values(SLACK_SECRETS).join(" ")) =>
  JSON.stringify({ ...personalMessage("http://127.0.0.1:9", text), ...extra });
const withoutField = (field: string) => {
  const a = JSON.parse(activity()) as Record<string, unknown>;
  delete a[field];
  return JSON.stringify(a);
};

function slackCases(): Case[] {
  // Over the 1 MB limit the Slack route sets, and under Bolt's default 4 MB, which it used to read
  // whole before checking the signature (so these got 401 or an answer). Bolt reads up to the limit,
  // then answers 413; kept well under 2 MB so the unread rest fits in the socket buffers and the
  // client still reads that answer.
  const big = `text=${"a".repeat(1.5 * MB)}`;
  const path = "/slack/events";
  return [
    { name: "oversized signed form", path, headers: slackHeaders(big, FORM), body: big, status: 413 },
    { name: "oversized unsigned form", path, headers: { "content-type": FORM }, body: big, status: 413 },
    { name: "unsigned command", path, headers: { "content-type": FORM }, body: command, status: 401 },
    {
      name: "signature made with the bot token",
      path,
      headers: slackHeaders(command, FORM, SLACK_SECRETS.SLACK_BOT_TOKEN),
      body: command,
      status: 401,
    },
    {
      name: "wrong signature",
      path,
      headers: { ...slackHeaders(command, FORM), "x-slack-signature": `v0=${"0".repeat(64)}` },
      body: command,
      status: 401,
    },
    {
      name: "stale timestamp",
      path,
      headers: slackHeaders(command, FORM, SLACK_SECRETS.SLACK_SIGNING_SECRET, ts() - 3600),
      body: command,
      status: 401,
    },
    {
      name: "signed malformed JSON",
      path,
      headers: slackHeaders("{nope", JSON_TYPE),
      body: "{nope",
      status: 400,
    },
    {
      name: "signed form whose payload is not JSON",
      path,
      headers: slackHeaders("payload=%7Bnope", FORM),
      body: "payload=%7Bnope",
      status: 400,
    },
    {
      name: "signed text/plain",
      path,
      headers: slackHeaders(command, "text/plain"),
      body: command,
      status: 400,
    },
    {
      name: "signed, no content type",
      path,
      headers: slackHeaders(command, undefined),
      body: command,
      status: 400,
    },
    // Bolt cannot tell what these are: it waits 3 s for an ack that never comes, then answers 404.
    { name: "signed empty form", path, headers: slackHeaders("", FORM), body: "", status: 404 },
    {
      name: "signed empty JSON object",
      path,
      headers: slackHeaders("{}", JSON_TYPE),
      body: "{}",
      status: 404,
    },
    {
      // Acknowledged at once with a note (issue 13): never Bolt's 404 after 3 s.
      name: "signed command that is not ours",
      path,
      headers: slackHeaders("command=%2Fother&text=x", FORM),
      body: "command=%2Fother&text=x",
      status: 200,
    },
    { name: "GET on the Slack route", path, method: "GET", headers: {}, status: 404 },
  ];
}

function teamsCases(): Case[] {
  const path = "/api/messages";
  const json = { "content-type": JSON_TYPE };
  const big = activity({ text: "a".repeat(2 * MB) });
  return [
    { name: "oversized activity", path, headers: json, body: big, status: 413 },
    { name: "malformed JSON", path, headers: json, body: '{"type":"message",', status: 400 },
    { name: "a JSON array", path, headers: json, body: "[]", status: 400 },
    { name: "text/plain", path, headers: { "content-type": "text/plain" }, body: activity(), status: 415 },
    { name: "a form", path, headers: { "content-type": FORM }, body: "type=message", status: 415 },
    { name: "no content type", path, headers: {}, body: activity(), status: 415 },
    {
      name: "unknown charset",
      path,
      headers: { "content-type": `${JSON_TYPE}; charset=ebcdic` },
      body: activity(),
      status: 415,
    },
    { name: "empty object", path, headers: json, body: "{}", status: 400 },
    ...["type", "serviceUrl", "conversation", "from", "recipient", "channelId"].map((field) => ({
      name: `no ${field}`,
      path,
      headers: json,
      body: withoutField(field),
      status: 400,
    })),
    {
      name: "serviceUrl not http",
      path,
      headers: json,
      body: activity({ serviceUrl: "file:///etc/passwd" }),
      status: 400,
    },
    { name: "text not a string", path, headers: json, body: activity({ text: 42 }), status: 400 },
    { name: "entities not a list", path, headers: json, body: activity({ entities: "x" }), status: 400 },
    { name: "invoke without a name", path, headers: json, body: activity({ type: "invoke" }), status: 400 },
    // Local mode answers only a service URL on this machine: nothing can make it post elsewhere.
    {
      name: "remote serviceUrl in local mode",
      path,
      headers: json,
      body: activity({ serviceUrl: "https://smba.trafficmanager.net/amer/" }),
      status: 403,
    },
  ];
}

function playgroundCases(): Case[] {
  const path = "/api/ask";
  const json = { "content-type": JSON_TYPE };
  return [
    {
      name: "oversized question",
      path,
      headers: json,
      body: JSON.stringify({ q: "a".repeat(100_000) }),
      status: 413,
    },
    { name: "malformed JSON", path, headers: json, body: "{", status: 400 },
    { name: "a form", path, headers: { "content-type": FORM }, body: "q=x", status: 415 },
    { name: "no field", path, headers: json, body: "{}", status: 400 },
    { name: "q not a string", path, headers: json, body: '{"q":42}', status: 400 },
    { name: "q too long", path, headers: json, body: JSON.stringify({ q: "b".repeat(3000) }), status: 400 },
    {
      name: "forged button state",
      path,
      headers: json,
      body: '{"state":"{\\"r\\":{\\"type\\":\\"x\\"}}"}',
      status: 400,
    },
    { name: "forged card action", path, headers: json, body: '{"action":{"paas":1}}', status: 400 },
    { name: "two fields", path, headers: json, body: '{"q":"x","state":"y"}', status: 400 },
    { name: "unknown route", path: "/api/nope", headers: json, body: "{}", status: 404 },
    { name: "PUT on the ask route", path, method: "PUT", headers: json, body: "{}", status: 404 },
  ];
}

async function run(server: ServerProcess, cases: Case[]): Promise<string[]> {
  // Concurrently: the cases Bolt holds for 3 s would otherwise add up.
  const results = await Promise.all(
    cases.map(
      async (c): Promise<[Case, RawResponse]> => [
        c,
        await rawRequest(`${server.origin}${c.path}`, c.method ?? "POST", c.headers, c.body ?? ""),
      ],
    ),
  );
  return results
    .filter(([c, r]) => r.status !== c.status)
    .map(([c, r]) => `${c.path} ${c.name}: ${r.status} (expected ${c.status}) ${r.body.slice(0, 120)}`);
}

/**
 * Resolves once the process has written everything it logged before this call: a probe's access line
 * (logged at debug, which these servers run at) with an id of its own comes after all of it on stdout.
 */
async function logsFlushed(server: ServerProcess): Promise<void> {
  const id = `flush-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await rawRequest(`${server.origin}/readyz`, "GET", { "x-request-id": id });
  const deadline = Date.now() + 10_000;
  while (!server.lines().some((l) => l.includes(id))) {
    if (Date.now() > deadline) throw new Error("the probe's access line never came");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Every line the process wrote that contains one of its secrets, whatever its level. */
const leaks = (server: ServerProcess, secrets: string[]) =>
  server.lines().filter((line) => secrets.some((secret) => line.includes(secret)));

describe("bad requests to the real server process", () => {
  it("Slack: oversized, unsigned, forged, stale, malformed, wrong type: each a 4xx", async () => {
    expect(await run(local, slackCases())).toEqual([]);
  });

  it("Teams (local mode): oversized, malformed, wrong type, missing fields: each a 4xx", async () => {
    expect(await run(local, teamsCases())).toEqual([]);
  });

  it("playground API: oversized, malformed, wrong type, missing or forged fields: each a 4xx", async () => {
    expect(await run(local, playgroundCases())).toEqual([]);
  });

  it("Teams with an app id: an unauthenticated or broken activity is refused", async () => {
    // No Authorization header at all: refused before any token check could reach the network.
    const withPassword = activity({}, `is ${TEAMS_PASSWORD} right?`);
    const problems = await run(authenticated, [
      {
        name: "no Authorization",
        path: "/api/messages",
        headers: { "content-type": JSON_TYPE },
        body: withPassword,
        status: 401,
      },
      {
        name: "malformed JSON",
        path: "/api/messages",
        headers: { "content-type": JSON_TYPE },
        body: "{",
        status: 400,
      },
      {
        name: "oversized",
        path: "/api/messages",
        headers: { "content-type": JSON_TYPE },
        body: activity({ text: "a".repeat(2 * MB) }),
        status: 413,
      },
    ]);
    expect(problems).toEqual([]);
  });

  it("valid requests whose text is the secrets are answered (a reply the connector refuses included)", async () => {
    const question = slashCommand(
      `${Object.values(SLACK_SECRETS).join(" ")} kubesphere`,
      "http://127.0.0.1:9/r/1",
    );
    const problems = await run(local, [
      {
        name: "signed /paas",
        path: "/slack/events",
        headers: slackHeaders(question, FORM),
        body: question,
        status: 200,
      },
      // The connector refuses the reply: it fails, is logged (with the error), and the turn still ends.
      {
        name: "Teams message",
        path: "/api/messages",
        headers: { "content-type": JSON_TYPE },
        body: activity({ serviceUrl: refusing.url }),
        status: 200,
      },
      {
        name: "playground question",
        path: "/api/ask",
        headers: { "content-type": JSON_TYPE },
        body: JSON.stringify({ q: Object.values(SLACK_SECRETS).join(" ") }),
        status: 200,
      },
    ]);
    expect(problems).toEqual([]);
  });

  it("both processes still serve, and nothing either wrote contains a secret", async () => {
    for (const server of [local, authenticated]) {
      expect(server.alive()).toBe(true);
      expect((await rawRequest(`${server.origin}/readyz`, "GET", {})).status).toBe(200);
    }
    const answer = await rawRequest(
      `${local.origin}/api/ask`,
      "POST",
      { "content-type": JSON_TYPE },
      '{"q":"kubesphere"}',
    );
    expect(answer.status).toBe(200);
    // Debug logging wrote the questions (which carried the secrets) and Bolt's own details.
    expect(local.lines().length).toBeGreaterThan(50);
    // Error lines exist (Bolt's "not acknowledged" for the bodies it could not place); no line of
    // any level may hold a secret.
    expect(local.lines().some((l) => l.includes('"level":"error"'))).toBe(true);
    expect(leaks(local, Object.values(SLACK_SECRETS)), "local server lines with a secret").toEqual([]);
    // The secrets did reach the log (the debug line with the question): scrubbed, not absent by luck.
    expect(local.lines().filter((l) => l.includes("[REDACTED]")).length).toBeGreaterThan(0);
    expect(leaks(authenticated, [TEAMS_PASSWORD]), "authenticated server lines with a secret").toEqual([]);
  });
});

describe("bad requests that used to get a 5xx", () => {
  // Signed Slack bodies with missing fields make Bolt's App.processEvent throw; ExpressReceiver's
  // default processEventErrorHandler answered 500 and logged "An unhandled error occurred" at error
  // level. createSlackBot's processEventErrorHandler answers 400 and logs at warn. Needs a valid
  // signature to reach.
  it("signed Slack payloads with missing fields get a 4xx", async () => {
    const path = "/slack/events";
    const payload = (json: string) => new URLSearchParams({ payload: json }).toString();
    const bodies = [
      payload(
        '{"type":"block_actions","actions":[{"action_id":"paas_details:0","type":"button","value":"x"}]}',
      ),
      payload('{"type":"view_submission"}'),
      payload('{"type":"shortcut","callback_id":"x"}'),
    ];
    const cases: Case[] = [
      ...bodies.map((body, i) => ({
        name: `payload ${i}`,
        path,
        headers: slackHeaders(body, FORM),
        body,
        status: 400,
      })),
      { name: "JSON null", path, headers: slackHeaders("null", JSON_TYPE), body: "null", status: 400 },
    ];
    const logged = local.lines().length;
    const results = await Promise.all(
      cases.map((c) => rawRequest(`${local.origin}${c.path}`, "POST", c.headers, c.body ?? "")),
    );
    for (const r of results) expect(r.status).toBeLessThan(500);
    for (const r of results) expect(r.status).toBe(400);
    await logsFlushed(local);
    const lines = local.lines().slice(logged);
    // One warning each, and nothing at error level (Bolt's "unhandled error" included).
    expect(lines.filter((l) => l.includes("missing or malformed fields"))).toHaveLength(cases.length);
    expect(lines.filter((l) => l.includes('"level":"warn"') && l.includes("malformed fields"))).toHaveLength(
      cases.length,
    );
    expect(lines.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });

  // body-parser reports a body that claims Content-Encoding: gzip but is not gzip as an http-error
  // with status 400 and no `type`; the error handler used to map only known `type`s and answered
  // 500 INTERNAL with an error line. Now any 4xx status an error carries is the answer.
  it("a corrupt compressed body gets a 4xx", async () => {
    const logged = local.lines().length;
    const headers = { "content-type": JSON_TYPE, "content-encoding": "gzip" };
    const notGzip = await rawRequest(`${local.origin}/api/messages`, "POST", headers, activity());
    const truncated = gzipSync(activity()).subarray(0, 20);
    const cut = await rawRequest(`${local.origin}/api/ask`, "POST", headers, truncated);
    expect(notGzip.status).toBeLessThan(500);
    expect(cut.status).toBeLessThan(500);
    for (const r of [notGzip, cut]) {
      expect(r.status).toBe(400);
      expect(JSON.parse(r.body)).toMatchObject({
        error: { code: "BAD_REQUEST", message: expect.any(String) },
      });
    }
    await logsFlushed(local);
    const lines = local.lines().slice(logged);
    expect(
      lines.filter((l) => l.includes('"msg":"request refused"') && l.includes('"level":"warn"')),
    ).toHaveLength(2);
    expect(lines.filter((l) => l.includes('"level":"error"'))).toEqual([]);
  });
});
