import { describe, expect, it } from "vitest";
import { createSlackBot } from "../../../src/adapters/slack/app.js";
import { loadSlackConfig } from "../../../src/adapters/slack/config.js";
import { SlackAuthError } from "../../../src/adapters/slack/errors.js";
import { ConfigError } from "../../../src/config-error.js";
import { fixedCatalog } from "../../../src/core/catalog/catalog.js";
import { FakeSlackApi } from "../../helpers/slack-fake-api.js";
import { RecordingLogger, realCatalog } from "../../helpers/slack-harness.js";
import { TEST_APP_TOKEN, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../../helpers/slack-requests.js";

const fail = (env: Record<string, string | undefined>): ConfigError => {
  try {
    loadSlackConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
};

describe("loadSlackConfig", () => {
  it("reads HTTP mode", () => {
    expect(
      loadSlackConfig({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET }),
    ).toEqual({
      mode: "http",
      botToken: TEST_BOT_TOKEN,
      signingSecret: TEST_SIGNING_SECRET,
    });
  });

  it("switches to Socket Mode when SLACK_APP_TOKEN is set, with no signing secret needed", () => {
    expect(
      loadSlackConfig({ SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_APP_TOKEN: ` ${TEST_APP_TOKEN} ` }),
    ).toEqual({
      mode: "socket",
      botToken: TEST_BOT_TOKEN,
      appToken: TEST_APP_TOKEN,
    });
  });

  const cases: [string, Record<string, string | undefined>, string, string][] = [
    ["no bot token", { SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET }, "SLACK_BOT_TOKEN", "CONFIG_MISSING"],
    [
      "a blank bot token",
      { SLACK_BOT_TOKEN: "  ", SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET },
      "SLACK_BOT_TOKEN",
      "CONFIG_MISSING",
    ],
    [
      "a user token as bot token",
      { SLACK_BOT_TOKEN: "xoxp-1234567890-abcdef", SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET },
      "SLACK_BOT_TOKEN",
      "CONFIG_MALFORMED",
    ],
    [
      "a bot token with spaces inside",
      { SLACK_BOT_TOKEN: "xoxb-1234 567890", SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET },
      "SLACK_BOT_TOKEN",
      "CONFIG_MALFORMED",
    ],
    [
      "no signing secret over HTTP",
      { SLACK_BOT_TOKEN: TEST_BOT_TOKEN },
      "SLACK_SIGNING_SECRET",
      "CONFIG_MISSING",
    ],
    [
      "a malformed signing secret",
      { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_SIGNING_SECRET: "short" },
      "SLACK_SIGNING_SECRET",
      "CONFIG_MALFORMED",
    ],
    [
      "a bot token as app token",
      { SLACK_BOT_TOKEN: TEST_BOT_TOKEN, SLACK_APP_TOKEN: TEST_BOT_TOKEN },
      "SLACK_APP_TOKEN",
      "CONFIG_MALFORMED",
    ],
  ];
  for (const [name, env, variable, code] of cases) {
    it(`gives one line naming ${variable} for ${name}, without its value`, () => {
      const error = fail(env);
      expect(error.variable).toBe(variable);
      expect(error.code).toBe(code);
      expect(error.message).toContain(variable);
      expect(error.message).not.toContain("\n");
      for (const value of Object.values(env))
        if (value?.trim()) expect(error.message).not.toContain(value.trim());
    });
  }
});

describe("createSlackBot start-up checks", () => {
  it("turns a token Slack rejects into one SlackAuthError, before anything starts", async () => {
    const api = await FakeSlackApi.start();
    api.failNext("auth.test", "invalid_auth");
    try {
      const error = await createSlackBot({
        config: { mode: "http", botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET },
        catalog: fixedCatalog(realCatalog()),
        slackApiUrl: api.apiUrl,
        logger: new RecordingLogger(),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SlackAuthError);
      expect((error as SlackAuthError).code).toBe("SLACK_AUTH_REJECTED");
      expect((error as SlackAuthError).message).toBe("SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)");
    } finally {
      await api.close();
    }
  });

  it("says Slack is unreachable when it is", async () => {
    const api = await FakeSlackApi.start();
    const url = api.apiUrl;
    await api.close();
    const error = await createSlackBot({
      config: { mode: "http", botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET },
      catalog: fixedCatalog(realCatalog()),
      slackApiUrl: url,
      logger: new RecordingLogger(),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackAuthError);
    expect((error as SlackAuthError).code).toBe("SLACK_UNREACHABLE");
    expect((error as SlackAuthError).message).not.toContain(TEST_BOT_TOKEN);
  });
});
