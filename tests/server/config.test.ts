import { describe, expect, it } from "vitest";
import { ConfigError } from "../../src/config-error.js";
import { loadConfig, secretValues } from "../../src/server/config.js";
import { createLogger } from "../../src/server/logger.js";
import { DEFAULT_PORT, ROUTES } from "../../src/server/routes.js";
import { startTestServer } from "./helpers.js";

describe("configuration", () => {
  it("defaults to the playground on port 3978, Slack and Teams off", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      production: false,
      port: DEFAULT_PORT,
      logLevel: "info",
      knowledgeWatch: false,
      playground: true,
      shutdownTimeoutMs: 10_000,
      slack: { enabled: false, reason: "SLACK_BOT_TOKEN is not set" },
      teams: { mode: "off" },
    });
    expect(config.host).toBeUndefined();
    expect(config.knowledgeDir).toMatch(/knowledge$/);
  });

  it("Teams local mode only with TEAMS_LOCAL=1, bound to loopback unless HOST says otherwise", () => {
    expect(loadConfig({ TEAMS_LOCAL: "1" })).toMatchObject({ teams: { mode: "local" }, host: "127.0.0.1" });
    expect(loadConfig({ TEAMS_LOCAL: "1", HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
  });

  it("production without credentials refuses to start, in one line", () => {
    for (const env of [{ NODE_ENV: "production" }, { NODE_ENV: "production", MicrosoftAppId: " " }]) {
      try {
        loadConfig(env);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).code).toBe("CONFIG_MISSING");
        expect((error as ConfigError).message).toMatch(
          /NODE_ENV=production needs SLACK_BOT_TOKEN .* or MicrosoftAppId/,
        );
        expect((error as ConfigError).message).not.toContain("\n");
      }
    }
    expect(() => loadConfig({ NODE_ENV: "production", TEAMS_LOCAL: "1" })).toThrow(
      /TEAMS_LOCAL=1 is refused/,
    );
  });

  it("production with credentials starts with the playground off unless asked for", () => {
    const slack = {
      NODE_ENV: "production",
      SLACK_BOT_TOKEN: "xoxb-1111111111-abcdefghij",
      SLACK_APP_TOKEN: "xapp-1-A111-abcdefghij",
    };
    expect(loadConfig(slack)).toMatchObject({ production: true, playground: false, teams: { mode: "off" } });
    expect(loadConfig({ ...slack, PLAYGROUND: "1" }).playground).toBe(true);
    expect(
      loadConfig({
        NODE_ENV: "production",
        MicrosoftAppId: "11111111-2222-3333-4444-555555555555",
        MicrosoftAppPassword: "pw-pw-pw-pw",
      }).host,
    ).toBeUndefined();
  });

  it("reads Socket Mode when the app token is set", () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: "xoxb-1111111111-abcdefghij",
      SLACK_APP_TOKEN: "xapp-1-A111-abcdefghij",
    });
    expect(config.slack).toMatchObject({ enabled: true, config: { mode: "socket" } });
  });

  it.each([
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "-1" }, "PORT"],
    [{ SHUTDOWN_TIMEOUT_MS: "soon" }, "SHUTDOWN_TIMEOUT_MS"],
    [{ PLAYGROUND: "perhaps" }, "PLAYGROUND"],
    [
      { SLACK_BOT_TOKEN: "not-a-token", SLACK_SIGNING_SECRET: "feedfacefeedfacefeedfacefeedface" },
      "SLACK_BOT_TOKEN",
    ],
    [
      {
        SLACK_BOT_TOKEN: "xoxb-1111111111-abcdefghij",
        SLACK_SIGNING_SECRET: "feedfacefeedfacefeedfacefeedface",
        SLACK_API_URL: "ftp://x",
      },
      "SLACK_API_URL",
    ],
    [{ MicrosoftAppId: "not-a-guid", MicrosoftAppPassword: "pw" }, "MicrosoftAppId"],
  ])("%o names %s", (env, variable) => {
    try {
      loadConfig(env);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as ConfigError).message).toContain(variable);
      expect((error as ConfigError).message).not.toContain("\n");
    }
  });

  it("reads REDIS_URL (a secret, never quoted) and CONVERSATION_TTL_SECONDS", () => {
    expect(loadConfig({})).toMatchObject({ conversationTtlSeconds: 86_400 });
    expect(loadConfig({}).redisUrl).toBeUndefined();
    const url = "redis://:s3cret-pass@cache.internal:6380/2";
    expect(loadConfig({ REDIS_URL: url, CONVERSATION_TTL_SECONDS: "3600" })).toMatchObject({
      redisUrl: url,
      conversationTtlSeconds: 3600,
    });
    expect(secretValues({ REDIS_URL: url })).toEqual([url, "s3cret-pass"]);
    for (const bad of ["http://cache:6379", "cache:6379", "redis://"]) {
      let message = "";
      try {
        loadConfig({ REDIS_URL: bad });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, bad).toMatch(/^REDIS_URL is malformed/);
      if (bad !== "redis://") expect(message).not.toContain(bad);
    }
    expect(() => loadConfig({ CONVERSATION_TTL_SECONDS: "5" })).toThrow(/CONVERSATION_TTL_SECONDS/);
  });

  it("knows which values are secrets", () => {
    expect(
      secretValues({ SLACK_BOT_TOKEN: "xoxb-a", PORT: "1", MicrosoftAppPassword: " pw " }).sort(),
    ).toEqual(["pw", "xoxb-a"]);
  });
});

describe("logger", () => {
  it("writes one JSON object a line, filtered by level", () => {
    const lines: string[] = [];
    const log = createLogger({ level: "warn", write: (l) => lines.push(l), now: () => new Date(0) });
    log.info("hidden");
    log.warn("shown", { n: 1 });
    log.child({ platform: "slack" }).error("failed", { error: new Error("boom") });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] as string)).toEqual({
      time: "1970-01-01T00:00:00.000Z",
      level: "warn",
      msg: "shown",
      n: 1,
    });
    expect(JSON.parse(lines[1] as string)).toMatchObject({
      platform: "slack",
      error: { name: "Error", message: "boom" },
    });
  });

  it("scrubs secret values and token-shaped strings wherever they appear", () => {
    const lines: string[] = [];
    const log = createLogger({ secrets: ["feedfacefeedfacefeedfacefeedface"], write: (l) => lines.push(l) });
    log.info("signing with feedfacefeedfacefeedfacefeedface", {
      header: "Authorization: Bearer abc.def.ghijklmnop",
      token: "xoxb-1234567890-abcdefghij",
      app: "xapp-1-A0-1234567890",
    });
    const line = lines.join("");
    for (const s of ["feedface", "abc.def.ghijklmnop", "xoxb-1234567890", "xapp-1-A0"])
      expect(line).not.toContain(s);
    expect(line).toContain("[REDACTED]");
  });

  it("scrubs each kind of secret on a line of its own, and leaves other lines exactly as written", () => {
    const lines: string[] = [];
    const secret = "Pa55~w0rd.ForTheTeamsApp-0123456789";
    const log = createLogger({ secrets: [secret], write: (l) => lines.push(l), now: () => new Date(0) });
    const leaks = [
      `password ${secret}!`,
      "auth bearer abc.def.ghijklmnop",
      "AUTH: BASIC dXNlcjpwYXNzd29yZA==",
      "Basic dXNlcjpwYXNzd29yZA==",
      "token=xoxp-1234567890-abcdefghij",
      "xapp-1-A0-1234567890",
    ];
    for (const text of leaks) log.info(text);
    log.info("kubesphere", { q: "what is basic auth?", n: 1 });
    for (const [i, text] of leaks.entries()) {
      expect(lines[i], text).toContain("[REDACTED]");
      expect(lines[i]).not.toMatch(/abc\.def|dXNlcjpw|1234567890|w0rd\.For/);
    }
    expect(lines.at(-1)).toBe(
      JSON.stringify({
        time: "1970-01-01T00:00:00.000Z",
        level: "info",
        msg: "kubesphere",
        q: "what is basic auth?",
        n: 1,
      }),
    );
  });

  it("leaves plain words after 'Basic' alone, so instructions stay readable", () => {
    const lines: string[] = [];
    createLogger({ write: (l) => lines.push(l) }).info("find it under Basic Information → App Credentials");
    expect(lines.join("")).toContain("Basic Information");
  });
});

describe("PLAYGROUND=0", () => {
  it("serves no page and no ask API, and says so at start", async () => {
    const server = await startTestServer({ PLAYGROUND: "0" });
    try {
      expect((await fetch(`${server.url}${ROUTES.playground}`)).status).toBe(404);
      expect((await fetch(`${server.url}${ROUTES.ask}`, { method: "POST" })).status).toBe(404);
      expect((await fetch(`${server.url}${ROUTES.ready}`)).status).toBe(200);
      expect(server.log.events().map((e) => e.msg)).toContain("playground: off (PLAYGROUND=0)");
    } finally {
      await server.close();
    }
  });
});
