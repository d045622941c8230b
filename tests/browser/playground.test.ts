import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/server.js";
import { startTestServer } from "../server/helpers.js";

/** Debian's chromium (apt-get install chromium); never a downloaded browser. */
const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = "/tmp/playground.png";
const SCREENSHOT_EN = "/tmp/playground-en.png";

describe.skipIf(!existsSync(CHROMIUM))("playground in a real browser", () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    });
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1100 },
      locale: "en-US",
      reducedMotion: "reduce",
    });
    // Nothing may leave the machine: every request to anywhere but this server is refused.
    await context.route(
      (url) => !url.href.startsWith(server.url),
      (route) => route.abort(),
    );
    page = await context.newPage();
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => {
      if (m.type() === "error") pageErrors.push(m.text());
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /**
   * The start of a follow-up button's label for a question, learnt from the API so the test does not
   * depend on the engine's wording; a vendor follow-up when there is one.
   */
  const followUp = async (q: string): Promise<{ label: string; type: string }> => {
    const res = await fetch(`${server.url}/api/ask`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ q }),
    });
    const { answer } = (await res.json()) as {
      answer: { followUps: { label: string; request: { type: string } }[] };
    };
    const pick = answer.followUps.find((f) => f.request.type === "vendor") ?? answer.followUps[0];
    if (!pick) throw new Error(`no follow-up for ${q}`);
    return { label: Array.from(pick.label).slice(0, 12).join(""), type: pick.request.type };
  };

  /** The title of the card now shown (its first TextBlock). */
  const cardTitle = async () => (await page.locator("#card .ac-textBlock").first().textContent()) ?? "";

  it("answers an English question with the card drawn by adaptivecards and the Slack JSON", async () => {
    await page.goto(`${server.url}/?lang=en`);
    await expect(page.locator("h1").textContent()).resolves.toBe("paas-bot playground");
    await page.locator("#examples .chip").first().waitFor();
    await page.fill("#q", "What is ACK One?");
    await page.click("#ask");
    await page.locator("#card .ac-adaptiveCard").waitFor();
    expect(await cardTitle()).toContain("ACK One");
    expect(await page.locator("#back").isVisible()).toBe(false);
    await expect(page.locator("#results").getAttribute("data-lang")).resolves.toBe("en");
    const slack = JSON.parse((await page.locator("#slack-json").textContent()) ?? "") as {
      blocks: unknown[];
    };
    expect(slack.blocks.length).toBeGreaterThan(0);
    const href = (await page.locator("#bkb").getAttribute("href")) ?? "";
    expect(href.startsWith("https://app.slack.com/block-kit-builder/#")).toBe(true);
    const fromLink = JSON.parse(decodeURIComponent(href.split("#")[1] ?? "")) as { blocks: unknown[] };
    expect(fromLink.blocks).toEqual(slack.blocks);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT_EN });
  });

  it("follows a card button: the action data goes back to the server and a new card is drawn", async () => {
    const before = await cardTitle();
    const next = await followUp("What is ACK One?");
    await page.locator("#card .ac-pushButton", { hasText: next.label }).first().click();
    await page.waitForFunction((old) => {
      const title = document.querySelector("#card .ac-textBlock")?.textContent ?? "";
      return title !== "" && title !== old;
    }, before);
    await expect(page.locator("#results").getAttribute("data-intent")).resolves.toBe(next.type);
    await expect(page.locator("#results").getAttribute("data-lang")).resolves.toBe("en");
    await expect(page.locator("#asked").textContent()).resolves.toContain(next.label);
    // Back shows the previous answer again.
    await page.click("#back");
    expect(await cardTitle()).toBe(before);
  });

  it("sends the card's inputs with a button: pick two products, press Compare, see them side by side", async () => {
    await page.fill("#q", "Which options work fully air-gapped?");
    await page.click("#ask");
    await page.waitForFunction(
      () => document.querySelector("#results")?.getAttribute("data-intent") === "filter",
    );
    const boxes = page.locator("#card input[type=checkbox]");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page
      .locator("#card .ac-pushButton", { hasText: /^Compare$/ })
      .first()
      .click();
    await page.waitForFunction(
      () => document.querySelector("#results")?.getAttribute("data-intent") === "compare",
    );
    expect(await cardTitle()).toMatch(/^Compare /);
    expect(await page.locator("#alert").isVisible()).toBe(false);
  });

  it("switches the page to Chinese and answers a Chinese example in Chinese", async () => {
    await page.click("#lang-zh");
    await expect(page.locator("h1").textContent()).resolves.toBe("paas-bot 演练场");
    expect((await page.locator("#ask").textContent())?.trim()).toBe("提问");
    const chip = page.locator("#examples .chip").first();
    const example = await chip.textContent();
    expect(example).toMatch(/[\u4e00-\u9fff]/);
    await chip.click();
    await page.waitForFunction(() => document.querySelector("#results")?.getAttribute("data-lang") === "zh");
    expect(await cardTitle()).toMatch(/[\u4e00-\u9fff]/);
  });

  it("asks a typed Chinese question, clicks a follow-up, and shows a screenshot-worthy page", async () => {
    await page.fill("#q", "阿里云 ACK One 是什么？");
    await page.click("#ask");
    await page.waitForFunction(() =>
      (document.querySelector("#asked")?.textContent ?? "").includes("ACK One"),
    );
    const before = await cardTitle();
    expect(before).toContain("阿里云");
    const next = await followUp("阿里云 ACK One 是什么？");
    await page.locator("#card .ac-pushButton", { hasText: next.label }).first().click();
    await page.waitForFunction(
      (old) => document.querySelector("#card .ac-textBlock")?.textContent !== old,
      before,
    );
    await expect(page.locator("#results").getAttribute("data-intent")).resolves.toBe(next.type);
    expect(await cardTitle()).toMatch(/[\u4e00-\u9fff]/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT });
    expect(pageErrors).toEqual([]);
  });
});
