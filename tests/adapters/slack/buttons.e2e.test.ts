import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeButtonState } from "../../../src/core/request-codec.js";
import { ACTION, readMenuValue } from "../../../src/render/slack/actions.js";
import {
  type Interactive,
  interactiveElements,
  limitViolations,
  mrkdwnTexts,
} from "../../helpers/slack-blocks.js";
import { EPHEMERAL, find, header, type Msg, SlackUser } from "../../helpers/slack-client.js";
import { type HttpHarness, startHttpBot } from "../../helpers/slack-harness.js";
import { eventCallback, postSlack } from "../../helpers/slack-requests.js";

/** Every button, menu and link the bot renders, clicked over HTTP against the real Bolt app. */
let h: HttpHarness;
let user: SlackUser;

beforeAll(async () => {
  h = await startHttpBot();
  user = new SlackUser(h);
});

afterAll(async () => {
  await h.close();
  console.info(`[slack e2e] ${user.latencySummary()}`);
});

describe("buttons on an ephemeral /paas answer", () => {
  let answer: Msg;
  beforeAll(async () => {
    answer = await user.paas("Which options work fully air-gapped?");
  });

  it("Details (a list's menu) answers the chosen product as a new ephemeral message", async () => {
    const details = find(answer, ACTION.details) as Interactive;
    expect(details.type).toBe("static_select");
    const chosen = details.options?.[1];
    const request = readMenuValue(chosen?.value);
    expect(request?.type).toBe("product");
    const id = await user.click({ ...details, selected: chosen?.value }, EPHEMERAL);
    const reply = (await h.api.waitForResponse(id)).body as Msg;
    expect(reply).toMatchObject({ response_type: "ephemeral", replace_original: false });
    expect(reply.text).toContain(chosen?.text);
    expect(find(reply, ACTION.share)).toBeDefined();
  });

  it("More and Previous replace the message with the next and previous page", async () => {
    const more = find(answer, ACTION.page) as Interactive;
    expect(decodeButtonState(more.value)?.page).toBe(2);
    const page2 = (await h.api.waitForResponse(await user.click(more, EPHEMERAL))).body as Msg;
    expect(page2).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(mrkdwnTexts(page2.blocks ?? []).some((t) => /^Page 2 of \d+$/.test(t))).toBe(true);
    const previous = interactiveElements(page2.blocks ?? []).find(
      (e) => e.action_id === `${ACTION.page}:0`,
    ) as Interactive;
    const page1 = (await h.api.waitForResponse(await user.click(previous, EPHEMERAL))).body as Msg;
    expect(page1.blocks).toEqual(answer.blocks);
  });

  it("Share posts the same page for everyone, attributed to the asker, then removes the private copy", async () => {
    const share = find(answer, ACTION.share) as Interactive;
    const id = await user.click(share, EPHEMERAL, "U0SHARER");
    const posted = (await h.api.waitForResponse(id, (c) => c.body.response_type === "in_channel"))
      .body as Msg;
    expect(posted.replace_original).toBe(false);
    expect(mrkdwnTexts(posted.blocks ?? [])).toContain("Asked by: <@U0SHARER>");
    expect(find(posted, ACTION.share)).toBeUndefined();
    expect(header(posted)).toBe(header(answer));
    const deleted = await h.api.waitForResponse(id, (c) => c.body.delete_original === true);
    expect(h.api.calls.indexOf(deleted)).toBeGreaterThan(h.api.calls.findIndex((c) => c.body === posted));
  });

  it("Compare with… offers a menu of products; picking one replaces the menu with the comparison", async () => {
    // A product's answer offers it; a list offers its menu of details instead.
    const compareWith = find(await user.paas("What is KubeSphere?"), ACTION.compareWith) as Interactive;
    const pickerMsg = (await h.api.waitForResponse(await user.click(compareWith, EPHEMERAL))).body as Msg;
    expect(pickerMsg).toMatchObject({ response_type: "ephemeral", replace_original: false });
    const menu = find(pickerMsg, ACTION.comparePick) as Interactive;
    expect(menu.options?.length).toBeGreaterThan(5);
    const choice = menu.options?.[0]?.value as string;
    const id = await user.click({ ...menu, selected: choice }, EPHEMERAL);
    const comparison = (await h.api.waitForResponse(id)).body as Msg;
    expect(comparison).toMatchObject({ response_type: "ephemeral", replace_original: true });
    expect(JSON.stringify(comparison.blocks)).toContain("Compare");
    expect(limitViolations(comparison.blocks ?? [])).toEqual([]);
  });

  it("follow-up suggestions answer their request", async () => {
    const m = await user.paas("What is EKS Anywhere?");
    const followUp = find(m, ACTION.followUp) as Interactive;
    expect(followUp).toBeDefined();
    const reply = (await h.api.waitForResponse(await user.click(followUp, EPHEMERAL))).body as Msg;
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.blocks?.length).toBeGreaterThan(1);
  });

  it("the official-site button only needs an ack", async () => {
    const m = await user.paas("What is EKS Anywhere?");
    const site = find(m, ACTION.site) as Interactive;
    expect(site.url).toMatch(/^https:\/\//);
    const siteId = await user.click(site, EPHEMERAL);
    const after = await user.click(find(m, ACTION.compareWith) as Interactive, EPHEMERAL);
    await h.api.waitForResponse(after);
    expect(h.api.calls.filter((c) => c.method === siteId)).toHaveLength(0);
  });

  it("a forged or expired button value gets a polite notice, not an error", async () => {
    const id = await user.click(
      { action_id: ACTION.details, type: "button", value: '{"r":{"type":"product","id":"../../etc"}}' },
      EPHEMERAL,
    );
    const reply = (await h.api.waitForResponse(id)).body as Msg;
    expect(reply.text).toContain("no longer works");
  });
});

describe("every button the bot renders works", () => {
  it("clicks every element of every kind of answer and gets a reply (or, for sites, nothing)", async () => {
    const messages = await Promise.all(
      [
        "help",
        "What is EKS Anywhere?",
        "compare ACP and DCE",
        "list the categories",
        "other players",
        "Which options work fully air-gapped?",
        "xyzzy plugh",
      ].map((q) => user.paas(q)),
    );
    const clicked = new Set<string>();
    for (const m of messages) {
      for (const element of interactiveElements(m.blocks ?? [])) {
        const kind = element.action_id.replace(/:\d+$/, "");
        clicked.add(kind);
        // A menu is used by choosing one of its options.
        const chosen = element.options?.[0]?.value;
        const id = await user.click(
          chosen === undefined ? element : { ...element, selected: chosen },
          EPHEMERAL,
        );
        if (kind === ACTION.site) continue;
        const reply = (await h.api.waitForResponse(id)).body as Msg;
        expect(reply.blocks?.length ?? 0, `${element.action_id} replied`).toBeGreaterThan(0);
        expect(reply.text).not.toContain("Sorry");
        expect(reply.text).not.toContain("no longer works");
      }
    }
    for (const kind of [
      ACTION.details,
      ACTION.compareWith,
      ACTION.followUp,
      ACTION.category,
      ACTION.vendor,
      ACTION.example,
      ACTION.page,
      ACTION.share,
      ACTION.site,
    ]) {
      expect(clicked, kind).toContain(kind);
    }
  });
});

describe("buttons on a message in a conversation", () => {
  it("answers a click in the clicked message's thread", async () => {
    const m = await user.paas("What is EKS Anywhere?");
    const details = find(m, ACTION.followUp) as Interactive;
    await user.click(details, { type: "message", channel: "C0CONV", ts: "1700000400.000100" });
    const post = await h.api.waitForApi("chat.postMessage", (c) => c.body.channel === "C0CONV");
    expect(post.body.thread_ts).toBe("1700000400.000100");
  });

  it("answers the clicker privately when the bot cannot post in the channel", async () => {
    const m = await user.paas("What is EKS Anywhere?");
    h.api.failNext("chat.postMessage", "not_in_channel");
    const id = await user.click(find(m, ACTION.followUp) as Interactive, {
      type: "message",
      channel: "C0NOTIN",
      ts: "1700000500.000100",
    });
    const reply = (await h.api.waitForResponse(id)).body as Msg;
    expect(reply).toMatchObject({ response_type: "ephemeral", replace_original: false });
  });

  it("pages a shared message in place and keeps its attribution", async () => {
    const m = await user.paas("Which options work fully air-gapped?");
    const shareId = await user.click(find(m, ACTION.share) as Interactive, EPHEMERAL, "U0SHARER");
    const shared = (await h.api.waitForResponse(shareId, (c) => c.body.response_type === "in_channel"))
      .body as Msg;
    const more = find(shared, ACTION.page) as Interactive;
    const id = await user.click(more, {
      type: "message",
      channel: "C0SHARED",
      ts: "1700000600.000100",
      blocks: shared.blocks,
    });
    const page2 = (await h.api.waitForResponse(id)).body as Msg;
    expect(page2.replace_original).toBe(true);
    expect(mrkdwnTexts(page2.blocks ?? [])).toContain("Asked by: <@U0SHARER>");
    expect(find(page2, ACTION.share)).toBeUndefined();
  });
});

describe("buttons on the Home tab", () => {
  let view: { blocks: unknown[] };
  beforeAll(async () => {
    await postSlack(
      h.url,
      eventCallback({
        type: "app_home_opened",
        user: "U0HOMECLICK",
        channel: "D1",
        tab: "home",
        event_ts: "1.0",
      }),
      "json",
    );
    view = (await h.api.waitForApi("views.publish", (c) => c.body.user_id === "U0HOMECLICK")).body.view as {
      blocks: unknown[];
    };
  });

  it("answers category and example clicks in the app's Messages tab", async () => {
    for (const prefix of [ACTION.category, ACTION.example]) {
      const next = h.api.waitForNextApi("chat.postMessage", (c) => c.body.channel === "U0HOMECLICK");
      await user.click(find(view, prefix) as Interactive, { type: "home" }, "U0HOMECLICK");
      const post = await next;
      expect((post.body.blocks as unknown[]).length).toBeGreaterThan(1);
    }
    expect(h.api.of("chat.postMessage").filter((c) => c.body.channel === "U0HOMECLICK")).toHaveLength(2);
  });

  it("switches the Home tab's language", async () => {
    await user.click(find(view, ACTION.homeLang) as Interactive, { type: "home" }, "U0HOMECLICK");
    const publish = await h.api.waitForApi(
      "views.publish",
      (c) =>
        c.body.user_id === "U0HOMECLICK" &&
        (c.body.view as { private_metadata?: string }).private_metadata === "zh",
    );
    expect(JSON.stringify(publish.body.view)).toContain("类别");
  });
});
