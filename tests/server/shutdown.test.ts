import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VARIABLES } from "../../src/server/config.js";
import { ROUTES } from "../../src/server/routes.js";
import { FakeSlackApi } from "../helpers/slack-fake-api.js";
import { eventCallback, postSlack, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../helpers/slack-requests.js";
import { postJson, ROOT, startTestServer } from "./helpers.js";

/** Starts a POST whose body is only half sent: the request stays in flight until `finish()`. */
function halfSentAsk(url: string, body: string) {
  const target = new URL(`${url}${ROUTES.ask}`);
  const bytes = Buffer.from(body);
  let settle: (v: { status: number; body: string } | { error: string }) => void = () => {};
  const done = new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    settle = resolve;
  });
  const req = request(
    {
      host: target.hostname,
      port: target.port,
      path: target.pathname,
      method: "POST",
      headers: { "content-type": "application/json", "content-length": bytes.length },
    },
    (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        text += c;
      });
      res.on("end", () => settle({ status: res.statusCode ?? 0, body: text }));
      res.on("error", (e) => settle({ error: e.message }));
    },
  );
  req.on("error", (e) => settle({ error: e.message }));
  req.write(bytes.subarray(0, 5));
  return { done, finish: () => req.end(bytes.subarray(5)) };
}

const until = async (check: () => boolean) => {
  // Bounded by the test's timeout; no duration is asserted.
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};

describe("graceful shutdown in process", () => {
  it("stops taking connections, finishes the request in flight, then resolves", async () => {
    const server = await startTestServer();
    const pending = halfSentAsk(server.url, JSON.stringify({ q: "What is ACK One?" }));
    await until(() => server.inFlight() === 1);
    const closing = server.close();
    expect(server.isReady()).toBe(false);
    await expect(fetch(`${server.url}${ROUTES.health}`)).rejects.toThrow();
    pending.finish();
    const res = await pending.done;
    expect(res).toMatchObject({ status: 200 });
    expect(await closing).toEqual({ cut: 0 });
  });

  it("cuts requests still in flight after the shutdown timeout", async () => {
    const server = await startTestServer({}, { shutdownTimeoutMs: 100 });
    const pending = halfSentAsk(server.url, JSON.stringify({ q: "What is ACK One?" }));
    await until(() => server.inFlight() === 1);
    expect(await server.close()).toEqual({ cut: 1 });
    expect(await pending.done).toHaveProperty("error");
    expect(
      server.log.events().some((e) => e.msg === "shutdown timeout: cutting requests still in flight"),
    ).toBe(true);
  });
});

describe("graceful shutdown with Slack answers still being posted", () => {
  it("waits for acknowledged events to be answered before it resolves", async () => {
    const api = await FakeSlackApi.start();
    const server = await startTestServer({
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_API_URL: api.apiUrl,
    });
    try {
      const release = api.hold("chat.postMessage");
      const url = `${server.url}${ROUTES.slack}`;
      const questions = ["What is KubeSphere?", "What is Rancher?", "What is ACK One?"];
      for (const [i, text] of questions.entries()) {
        const event = {
          type: "message",
          channel: `D0DRAIN${i}`,
          channel_type: "im",
          user: "U1",
          text,
          ts: `1700000500.00000${i}`,
          event_ts: "1.0",
        };
        // Acked at once: the HTTP request is over while its answer is still to be posted.
        expect((await postSlack(url, eventCallback(event), "json")).status).toBe(200);
      }
      await until(() => api.held === questions.length);
      expect(server.inFlight()).toBe(0);
      let closed = false;
      const closing = server.close().then((result) => {
        closed = true;
        return result;
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(closed).toBe(false);
      release();
      expect(await closing).toEqual({ cut: 0 });
      expect(api.of("chat.postMessage")).toHaveLength(questions.length);
    } finally {
      await server.close();
      await api.close();
    }
  });
});

describe("npm start, stopped by the pid of npm", () => {
  it("stops the server too: npm passes SIGTERM to the node it execs", async () => {
    const blank = Object.fromEntries(Object.keys(VARIABLES).map((k) => [k, ""]));
    const npm = spawn("npm", ["start", "--silent"], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/tmp",
        ...blank,
        PORT: "0",
        HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    npm.stdout?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    npm.stderr?.on("data", (c: Buffer) => {
      out += c.toString();
    });
    const npmExited = new Promise<void>((resolve) => npm.once("close", () => resolve()));
    await until(() => /"msg":"ready"/.test(out) || npm.exitCode !== null);
    const serverPid = Number(/"msg":"ready".*?"pid":(\d+)/.exec(out)?.[1]);
    expect(serverPid).toBeGreaterThan(0);
    const alive = () => {
      try {
        process.kill(serverPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    try {
      npm.kill("SIGTERM");
      await npmExited;
      await until(() => !alive() || /"msg":"stopped"/.test(out));
      expect(out).toMatch(/"msg":"stopped"/);
      await until(() => !alive());
    } finally {
      // Only the server this test started, by its pid, if it outlived npm.
      if (alive()) process.kill(serverPid, "SIGKILL");
    }
  });
});

interface Child {
  child: ChildProcess;
  output: () => string;
  events: () => Record<string, unknown>[];
  exited: Promise<number | null>;
}

/**
 * Runs `src/main.ts` as `npm start` does, in its own node process (tsx as a loader, so the signal
 * reaches the server itself and not a wrapper). Every variable the server reads is set, empty when
 * the test does not give it, so a developer's .env cannot leak into the test.
 */
function spawnMain(env: Record<string, string>): Child {
  const blank = Object.fromEntries(Object.keys(VARIABLES).map((k) => [k, ""]));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "/tmp",
      ...blank,
      PORT: "0",
      HOST: "127.0.0.1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  child.stderr?.on("data", (c: Buffer) => {
    out += c.toString();
  });
  // "close", not "exit": only then has all of its output been read.
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const events = () =>
    out
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { child, output: () => out, events, exited };
}

const readyUrl = async (c: Child): Promise<string> => {
  await until(() => c.events().some((e) => e.msg === "ready") || c.child.exitCode !== null);
  const ready = c.events().find((e) => e.msg === "ready");
  if (!ready) throw new Error(`did not start:\n${c.output()}`);
  return String(ready.url);
};

describe("npm start as a process", () => {
  const SECRETS = {
    SLACK_BOT_TOKEN: "xoxb-1111111111-2222222222-SECRETbotTOKENvalue",
    SLACK_SIGNING_SECRET: "feedfacefeedfacefeedfacefeedface",
    MicrosoftAppId: "00000000-1111-2222-3333-444444444444",
    MicrosoftAppPassword: "Sup3r~Secret.Teams-Password_value",
  };
  let slack: FakeSlackApi;
  beforeAll(async () => {
    slack = await FakeSlackApi.start();
  });
  afterAll(() => slack.close());

  it("exits 0 on SIGTERM after serving, and never logs a secret or a question", async () => {
    const c = spawnMain({ ...SECRETS, SLACK_API_URL: slack.apiUrl, LOG_LEVEL: "info" });
    const url = await readyUrl(c);
    expect((await fetch(`${url}${ROUTES.ready}`)).status).toBe(200);
    const question = "Which options work fully air-gapped? (private words 7f3a)";
    expect((await postJson(`${url}${ROUTES.ask}`, { q: question })).status).toBe(200);
    // A forged Slack request and an unauthenticated Teams one make the bots log their refusals.
    const forged = await fetch(`${url}${ROUTES.slack}`, {
      method: "POST",
      body: "command=/paas&text=hi",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-signature": "v0=00",
        "x-slack-request-timestamp": "1",
      },
    });
    expect(forged.status).toBe(401);
    const teams = await postJson(`${url}${ROUTES.teams}`, {
      type: "message",
      text: "hi",
      serviceUrl: "http://127.0.0.1:9/",
      channelId: "msteams",
      conversation: { id: "c" },
      from: { id: "u" },
      recipient: { id: "b" },
    });
    expect(teams.status).toBe(401);

    c.child.kill("SIGTERM");
    expect(await c.exited).toBe(0);
    const out = c.output();
    expect(c.events().map((e) => e.msg)).toEqual(
      expect.arrayContaining(["slack: on (HTTP mode: POST /slack/events)", "signal", "stopped"]),
    );
    for (const secret of Object.values(SECRETS).slice(0, 2).concat(SECRETS.MicrosoftAppPassword))
      expect(out).not.toContain(secret);
    expect(out).not.toContain("private words 7f3a");
  });

  it("exits 0 on SIGINT too, and reloads the catalog on SIGHUP", async () => {
    const c = spawnMain({});
    await readyUrl(c);
    c.child.kill("SIGHUP");
    await until(() => c.events().some((e) => e.msg === "catalog unchanged" || e.msg === "catalog reloaded"));
    expect(c.child.exitCode).toBeNull();
    c.child.kill("SIGINT");
    expect(await c.exited).toBe(0);
  });
});

describe.concurrent("refuses to start half-configured: one line naming the variable, exit 1", () => {
  it.each([
    [{ PORT: "http" }, "PORT"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ KNOWLEDGE_WATCH: "maybe" }, "KNOWLEDGE_WATCH"],
    [{ SLACK_BOT_TOKEN: "xoxb-1111111111-2222222222-abcdef" }, "SLACK_SIGNING_SECRET"],
    [{ SLACK_SIGNING_SECRET: "feedfacefeedfacefeedfacefeedface" }, "SLACK_BOT_TOKEN"],
    [{ MicrosoftAppPassword: "a-password-without-an-id" }, "MicrosoftAppId"],
    [{ KNOWLEDGE_DIR: "/nonexistent/knowledge" }, "CATALOG_UNREADABLE"],
    // Production without a single credential: refused, never an open server reporting ready.
    [{ NODE_ENV: "production" }, "NODE_ENV=production needs SLACK_BOT_TOKEN"],
    [{ NODE_ENV: "production", TEAMS_LOCAL: "1" }, "TEAMS_LOCAL=1 is refused"],
  ])("%o", async (env, named) => {
    const c = spawnMain(env);
    expect(await c.exited).toBe(1);
    const errors = c.events().filter((e) => e.level === "error");
    expect(errors, c.output()).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain(named);
    expect(c.events().some((e) => e.msg === "ready")).toBe(false);
    for (const [k, v] of Object.entries(env))
      if (VARIABLES[k as keyof typeof VARIABLES]?.secret) expect(c.output()).not.toContain(v);
  });
});
