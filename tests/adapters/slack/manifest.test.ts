import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createSlackBot } from "../../../src/adapters/slack/app.js";
import { SLACK_SURFACE } from "../../../src/adapters/slack/surface.js";
import { fixedCatalog } from "../../../src/core/catalog/catalog.js";
import { answer, respond } from "../../../src/core/engine.js";
import { ACTION, type ActionName, actionPattern } from "../../../src/render/slack/actions.js";
import { renderSlackMessage } from "../../../src/render/slack/blocks.js";
import { homeDataFromCatalog, renderHomeView } from "../../../src/render/slack/home.js";
import { renderComparePicker } from "../../../src/render/slack/picker.js";
import { listAnswer } from "../../fixtures/slack-answers.js";
import { interactiveElements } from "../../helpers/slack-blocks.js";
import { RecordingLogger, realCatalog } from "../../helpers/slack-harness.js";
import { BOT_ID, BOT_USER_ID, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../../helpers/slack-requests.js";

interface Manifest {
  display_information: { name: string; description: string; long_description?: string };
  features: {
    app_home: {
      home_tab_enabled: boolean;
      messages_tab_enabled: boolean;
      messages_tab_read_only_enabled: boolean;
    };
    bot_user: { display_name: string };
    assistant_view?: { assistant_description: string; suggested_prompts?: unknown[] };
    slash_commands: { command: string; description: string; usage_hint?: string }[];
    shortcuts?: unknown[];
  };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; user_events?: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
}

const manifest = JSON.parse(readFileSync("manifest.json", "utf8")) as Manifest;
const sorted = (a: readonly string[]) => [...a].sort();

/** The scopes each registration needs; anything else in the manifest would be asking for too much. */
const SCOPES_FOR: Record<string, string[]> = {
  "/paas": ["commands"],
  app_mention: ["app_mentions:read"],
  "message.im": ["im:history"],
  app_home_opened: [],
  // Slack's assistant pane: setSuggestedPrompts, setTitle and setStatus need assistant:write.
  assistant_thread_started: ["assistant:write"],
  assistant_thread_context_changed: ["assistant:write"],
  // Answers to mentions, DMs and Home-tab clicks go out with chat.postMessage; views.publish needs no scope.
  reply: ["chat:write"],
};

describe("manifest.json", () => {
  it("lists exactly the commands, events and interactivity the app registers", async () => {
    const bot = await createSlackBot({
      config: { mode: "http", botToken: TEST_BOT_TOKEN, signingSecret: TEST_SIGNING_SECRET },
      catalog: fixedCatalog(realCatalog()),
      identity: { botId: BOT_ID, botUserId: BOT_USER_ID },
      logger: new RecordingLogger(),
    });
    const { registered } = bot;
    expect(sorted(registered.commands)).toEqual(sorted(SLACK_SURFACE.commands));
    expect(sorted(registered.events)).toEqual(sorted(SLACK_SURFACE.events));
    expect(sorted(registered.actions)).toEqual(sorted(SLACK_SURFACE.actions));

    expect(sorted(manifest.features.slash_commands.map((c) => c.command))).toEqual(
      sorted(registered.commands),
    );
    expect(sorted(manifest.settings.event_subscriptions.bot_events)).toEqual(sorted(registered.events));
    expect(manifest.settings.event_subscriptions.user_events ?? []).toEqual([]);
    expect(manifest.settings.interactivity.is_enabled).toBe(registered.actions.length > 0);
    expect(manifest.features.shortcuts ?? []).toHaveLength(registered.shortcuts.length);
  });

  it("enables Slack's assistant pane, whose events the app handles", () => {
    expect(manifest.features.assistant_view?.assistant_description.length).toBeGreaterThan(10);
    expect(SLACK_SURFACE.events).toContain("assistant_thread_started");
    expect(manifest.settings.event_subscriptions.bot_events).toContain("message.im");
  });

  it("asks for only the scopes those need", () => {
    const needed = new Set(
      [...SLACK_SURFACE.commands, ...SLACK_SURFACE.events, "reply"].flatMap((k) => SCOPES_FOR[k] ?? []),
    );
    expect(sorted(manifest.oauth_config.scopes.bot)).toEqual(sorted([...needed]));
    expect(manifest.oauth_config.scopes.user ?? []).toEqual([]);
  });

  it("describes /paas, the bot user, App Home with a writable Messages tab, and Socket Mode", () => {
    const paas = manifest.features.slash_commands[0];
    expect(paas?.usage_hint?.length).toBeGreaterThan(0);
    expect(paas?.description.length).toBeGreaterThan(0);
    expect(manifest.display_information.name).toBe("paas-bot");
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    const long = manifest.display_information.long_description ?? "";
    expect(long.length).toBeGreaterThanOrEqual(175);
    expect(long.length).toBeLessThanOrEqual(4000);
    expect(manifest.features.bot_user.display_name).toBe("paas-bot");
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});

describe("registered actions", () => {
  it("match every interactive element the renderer can produce, each exactly once", () => {
    const catalog = realCatalog();
    const blocks = [
      ...[
        "help",
        "What is EKS Anywhere?",
        "compare ACP and DCE",
        "list the categories",
        "other players",
        "Which options work fully air-gapped?",
        "xyzzy",
      ].flatMap((q) => [
        renderSlackMessage(answer(q, catalog), { shareable: true }),
        renderSlackMessage(answer(q, catalog), { page: 2, shareable: true }),
      ]),
      renderSlackMessage(respond({ type: "categories", lang: "zh" }, catalog), { shareable: true }),
      renderHomeView("en", homeDataFromCatalog(catalog, { en: ["q"], zh: ["问"] })),
      renderComparePicker({ id: "a", name: "A" }, [{ id: "b", name: "B" }], "en"),
      // A short list the engine gave no compare follow-up for gets "Compare these".
      renderSlackMessage(listAnswer(3)),
    ].flatMap((m) => m.blocks);
    const elements = interactiveElements(blocks);
    const names = Object.keys(ACTION) as ActionName[];
    const used = new Set<ActionName>();
    for (const e of elements) {
      const matches = names.filter((n) => actionPattern(n).test(e.action_id));
      expect(matches, e.action_id).toHaveLength(1);
      used.add(matches[0] as ActionName);
    }
    // Every registered action is something the renderer really emits: no dead listeners either.
    expect(sorted([...used])).toEqual(sorted(names));
  });
});
