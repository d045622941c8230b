import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../src/server/server.js";
import { startTestServer } from "../server/helpers.js";

/** Debian's chromium (apt-get install chromium); never a downloaded browser. */
const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = "/tmp/playground.png";
const SCREENSHOT_EN = "/tmp/playground-en.png";
const SCREENSHOT_COLUMNS = "/tmp/playground-columns.png";

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

  it("answers an English question with the card drawn by adaptivecards, the Slack message drawn as Slack shows it, and its JSON", async () => {
    await page.goto(`${server.url}/?lang=en`);
    await expect(page.locator("h1").textContent()).resolves.toBe("paas-bot playground");
    await page.locator("#examples .chip").first().waitFor();
    await page.fill("#q", "What is ACK One?");
    await page.click("#ask");
    await page.locator("#card .ac-adaptiveCard").waitFor();
    expect(await cardTitle()).toContain("ACK One");
    expect(await page.locator("#back").isVisible()).toBe(false);
    await expect(page.locator("#results").getAttribute("data-lang")).resolves.toBe("en");
    // The intent is named in words, the raw id kept as its tooltip.
    await expect(page.locator("#meta-intent").textContent()).resolves.toBe("Product");
    await expect(page.locator("#meta-intent").getAttribute("title")).resolves.toBe("product");
    const slack = JSON.parse((await page.locator("#slack-json").textContent()) ?? "") as {
      blocks: { type: string; fields?: unknown[] }[];
    };
    expect(slack.blocks.length).toBeGreaterThan(0);
    // The preview draws every block: the header, sections with their fields, context, buttons.
    const preview = page.locator("#slack-preview");
    expect(await preview.locator(".sk-header").textContent()).toContain("ACK One");
    const fields = slack.blocks.reduce((n, b) => n + (b.fields?.length ?? 0), 0);
    expect(await preview.locator(".sk-field").count()).toBe(fields);
    expect(await preview.locator(".sk-section").count()).toBe(
      slack.blocks.filter((b) => b.type === "section").length,
    );
    expect(await preview.locator(".sk-context").count()).toBe(
      slack.blocks.filter((b) => b.type === "context").length,
    );
    expect(await preview.locator(".sk-button").count()).toBeGreaterThan(2);
    // mrkdwn is drawn, not shown: bold field labels, links with their titles, no asterisks or <url|…> left.
    expect(await preview.locator(".sk-field b").first().textContent()).toBe("Vendor");
    const shown = (await preview.textContent()) ?? "";
    expect(shown).not.toMatch(/<https?:|\*Vendor\*/);
    expect(await preview.locator("a.sk-link").count()).toBeGreaterThan(0);
    const href = (await page.locator("#bkb").getAttribute("href")) ?? "";
    expect(href.startsWith("https://app.slack.com/block-kit-builder/#")).toBe(true);
    const fromLink = JSON.parse(decodeURIComponent(href.split("#")[1] ?? "")) as { blocks: unknown[] };
    expect(fromLink.blocks).toEqual(slack.blocks);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: SCREENSHOT_EN });
  });

  it("follows a Slack preview button and a list's menu, as Slack would post them", async () => {
    await page.fill("#q", "Which options work fully air-gapped?");
    await page.click("#ask");
    await page.waitForFunction(
      () => document.querySelector("#results")?.getAttribute("data-intent") === "filter",
    );
    // The header stays in view after the page scrolls to the answer.
    const top = await page.evaluate(() => document.querySelector(".topbar")?.getBoundingClientRect().top);
    expect(top).toBe(0);
    const menu = page.locator("#slack-preview select.sk-select").first();
    const options = await menu.locator("option").allTextContents();
    expect(options.length).toBeGreaterThan(10);
    const chosen = options[2] as string;
    await menu.selectOption({ label: chosen });
    await page.waitForFunction(
      () => document.querySelector("#results")?.getAttribute("data-intent") === "product",
    );
    expect(await page.locator("#slack-preview .sk-header").textContent()).toContain(chosen);
    const more = page.locator("#slack-preview .sk-button", { hasText: /more sources$/ }).first();
    await more.click();
    await page.waitForFunction(() =>
      (document.querySelector("#slack-preview")?.textContent ?? "").includes("All sources"),
    );
    // Numbering stays right past 9, in Slack and in the Teams card.
    expect(await page.locator("#slack-preview").textContent()).toContain("[10] ");
    const teamsLines = await page.locator("#card .ac-textBlock").allTextContents();
    expect(teamsLines.some((t) => t.startsWith("[10] "))).toBe(true);
    expect(teamsLines.some((t) => /^l0\./.test(t))).toBe(false);
  });

  it("follows a card button: the action data goes back to the server and a new card is drawn", async () => {
    await page.fill("#q", "What is ACK One?");
    await page.click("#ask");
    await page.waitForFunction(
      () => (document.querySelector("#asked")?.textContent ?? "") === "What is ACK One?",
    );
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
    await expect(page.locator("#meta-intent").textContent()).resolves.toBe("对比");
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

  it("draws both panels with content: a screenshot of the answer, read back pixel by pixel", async () => {
    await page.click("#lang-en");
    await page.fill("#q", "which options work fully air-gapped?");
    await page.click("#ask");
    await page.waitForFunction(
      () => document.querySelector("#results")?.getAttribute("data-intent") === "filter",
    );
    await page.evaluate(() => window.scrollTo(0, 0));
    const shot = await page.locator(".columns").screenshot({ path: SCREENSHOT_COLUMNS });
    // Decode the PNG in the page and look at each half: both must be drawn, not blank, and in their
    // platform's colours (Teams' accent on the left, Slack's avatar purple on the right).
    const stats = await page.evaluate(async (png) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement("canvas");
      canvas.width = img.width;
      canvas.height = img.height;
      const g = canvas.getContext("2d") as CanvasRenderingContext2D;
      g.drawImage(img, 0, 0);
      const half = (x0: number) => {
        const { data } = g.getImageData(x0, 0, Math.floor(img.width / 2), img.height);
        let ink = 0;
        let teams = 0;
        let slack = 0;
        for (let i = 0; i < data.length; i += 4) {
          const [r, gr, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
          if (r + gr + b < 300) ink++;
          if (Math.abs(r - 0x4f) < 12 && Math.abs(gr - 0x52) < 12 && Math.abs(b - 0xb2) < 12) teams++;
          if (Math.abs(r - 0x4a) < 12 && Math.abs(gr - 0x15) < 12 && Math.abs(b - 0x4b) < 12) slack++;
        }
        return { ink: ink / (data.length / 4), teams, slack };
      };
      return { width: img.width, height: img.height, left: half(0), right: half(Math.floor(img.width / 2)) };
    }, shot.toString("base64"));
    expect(stats.width).toBeGreaterThan(800);
    expect(stats.height).toBeGreaterThan(400);
    expect(stats.left.ink).toBeGreaterThan(0.005);
    expect(stats.right.ink).toBeGreaterThan(0.005);
    expect(stats.left.teams).toBeGreaterThan(50);
    expect(stats.right.slack).toBeGreaterThan(50);
    expect(pageErrors).toEqual([]);
  });
});
