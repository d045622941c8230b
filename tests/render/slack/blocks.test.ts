import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/core/answer.js";
import { decodeButtonState } from "../../../src/core/request-codec.js";
import { ACTION } from "../../../src/render/slack/actions.js";
import { renderSlackMessage } from "../../../src/render/slack/blocks.js";
import { LAYOUT, LIMITS } from "../../../src/render/slack/limits.js";
import type { SlackMessage } from "../../../src/render/slack/types.js";
import {
  compareAnswer,
  everyIntent,
  HOSTILE,
  hostileAnswer,
  listAnswer,
  oversizedAnswer,
  productAnswer,
} from "../../fixtures/slack-answers.js";
import {
  interactiveElements,
  limitViolations,
  mrkdwnTexts,
  unescapedTokens,
} from "../../helpers/slack-blocks.js";

/** Every page of an answer, following "More" from page 1 the way a user would. */
function allPages(answer: Answer, options: { shareable?: boolean; askedBy?: string } = {}): SlackMessage[] {
  const pages = [renderSlackMessage(answer, options)];
  for (let guard = 0; guard < 200; guard++) {
    const more = interactiveElements(pages[pages.length - 1]?.blocks ?? []).find(
      (e) => e.action_id.startsWith(ACTION.page) && decodeButtonState(e.value)?.page === pages.length + 1,
    );
    if (!more) break;
    const state = decodeButtonState(more.value);
    pages.push(renderSlackMessage(answer, { ...options, page: state?.page }));
  }
  return pages;
}

const itemNames = (m: SlackMessage): string[] =>
  mrkdwnTexts(m.blocks)
    .map((t) => /^\*(Product \d+)\*\n/.exec(t)?.[1])
    .filter((n): n is string => n !== undefined);

describe("renderSlackMessage: every intent", () => {
  for (const lang of ["en", "zh"] as const) {
    for (const answer of everyIntent(lang)) {
      it(`${answer.intent} (${lang}) renders within every limit, with a fallback text`, () => {
        for (const options of [{}, { shareable: true }, { askedBy: "U0ASKER" }]) {
          const m = renderSlackMessage(answer, options);
          expect(limitViolations(m.blocks)).toEqual([]);
          expect(m.text.trim().length).toBeGreaterThan(0);
          expect(m.text.length).toBeLessThanOrEqual(LAYOUT.fallbackText);
          expect(m.blocks[0]).toMatchObject({
            type: "header",
            text: { type: "plain_text", text: answer.title },
          });
        }
      });
    }
  }

  it("shows a product's vendor, category, delivery and air-gapped facts as fields, with its buttons", () => {
    const m = renderSlackMessage(productAnswer());
    const section = m.blocks.find((b) => b.type === "section" && "fields" in b && b.fields);
    expect(section).toBeDefined();
    const fields = mrkdwnTexts([section]).slice(1);
    expect(fields).toEqual([
      "*Vendor*\nVendor 1",
      "*Category*\nSoftware container platform",
      "*Delivery*\nSoftware you run",
      "*Air-gapped*\nYes",
    ]);
    const ids = interactiveElements(m.blocks).map((e) => e.action_id.replace(/:\d+$/, ""));
    expect(ids).toContain(ACTION.compareWith);
    expect(ids).toContain(ACTION.site);
    expect(ids).toContain(ACTION.followUp);
    const site = interactiveElements(m.blocks).find((e) => e.action_id.startsWith(ACTION.site));
    expect(site?.url).toBe("https://example.com/product-1");
  });

  it("lists the sources as links where they have a URL, with the locator otherwise", () => {
    const m = renderSlackMessage(productAnswer());
    const sources = mrkdwnTexts(m.blocks).find((t) => t.startsWith("*Sources:*"));
    expect(sources).toBe(
      "*Sources:* <https://example.com/source-1?a=1&amp;b=2|Source 1> (2026-11) · Source 2 (2026-11, alauda/acp-docs docs/install.mdx)",
    );
  });

  it("turns sections (pros, cons) into bullets", () => {
    const texts = mrkdwnTexts(renderSlackMessage(productAnswer()).blocks);
    expect(texts).toContain("*Pros*\n• Runs anywhere\n• Air-gapped install");
  });

  it("puts the request in every follow-up button and the Share button", () => {
    const answer = productAnswer();
    const elements = interactiveElements(renderSlackMessage(answer, { shareable: true }).blocks);
    const share = elements.find((e) => e.action_id === ACTION.share);
    expect(decodeButtonState(share?.value)).toEqual({ request: answer.request });
    const followUps = elements.filter((e) => e.action_id.startsWith(ACTION.followUp));
    expect(followUps.map((e) => decodeButtonState(e.value)?.request)).toEqual(
      answer.followUps.map((f) => f.request),
    );
  });

  it("shows the asker on a shared answer, in a block the pager can read back", () => {
    const m = renderSlackMessage(productAnswer(), { askedBy: "U0ASKER" });
    expect(m.blocks[1]).toMatchObject({ type: "context", block_id: "paas_asked_by:U0ASKER" });
    expect(mrkdwnTexts([m.blocks[1]])).toEqual(["Asked by: <@U0ASKER>"]);
  });

  it("writes static texts in the answer's language", () => {
    const m = renderSlackMessage(productAnswer("zh"), { shareable: true });
    const labels = interactiveElements(m.blocks).map((e) => e.action_id);
    expect(labels.length).toBeGreaterThan(0);
    expect(JSON.stringify(m.blocks)).toContain("分享到频道");
    expect(JSON.stringify(m.blocks)).toContain("*厂商*");
  });
});

describe("renderSlackMessage: pagination", () => {
  it("cuts a 40-product list into pages of at most 8, each within the limits, with More and Previous", () => {
    const answer = listAnswer(40);
    const pages = allPages(answer, { shareable: true });
    expect(pages).toHaveLength(5);
    const seen = pages.flatMap(itemNames);
    expect(seen).toEqual(answer.items.map((i) => i.name));
    pages.forEach((m, i) => {
      expect(limitViolations(m.blocks)).toEqual([]);
      expect(itemNames(m).length).toBeLessThanOrEqual(LAYOUT.itemsPerPage);
      const pageButtons = interactiveElements(m.blocks).filter((e) => e.action_id.startsWith(ACTION.page));
      const targets = pageButtons.map((b) => decodeButtonState(b.value));
      for (const t of targets) expect(t?.request).toEqual(answer.request);
      expect(targets.map((t) => t?.page ?? 1)).toEqual([
        ...(i > 0 ? [i] : []),
        ...(i < pages.length - 1 ? [i + 2] : []),
      ]);
      expect(mrkdwnTexts(m.blocks)).toContain(`Page ${i + 1} of 5`);
      const share = interactiveElements(m.blocks).find((e) => e.action_id === ACTION.share);
      expect(decodeButtonState(share?.value)?.page ?? 1).toBe(i + 1);
    });
    expect(pages[1]?.text).toContain("Product 9");
  });

  it("shows the nearest page for a page out of range", () => {
    const answer = listAnswer(40);
    expect(renderSlackMessage(answer, { page: 99 })).toEqual(renderSlackMessage(answer, { page: 5 }));
    expect(renderSlackMessage(answer, { page: -3 })).toEqual(renderSlackMessage(answer, { page: 1 }));
  });

  it("keeps the same pages whether the message is shared or not", () => {
    const answer = listAnswer(40);
    for (let page = 1; page <= 5; page++) {
      const a = itemNames(renderSlackMessage(answer, { page }));
      const b = itemNames(renderSlackMessage(answer, { page, shareable: true, askedBy: "U0ASKER" }));
      expect(b).toEqual(a);
    }
  });

  it("never exceeds a limit with text past every limit, and loses no product, section or source", () => {
    const answer = oversizedAnswer();
    const pages = allPages(answer, { shareable: true, askedBy: "U0ASKER" });
    expect(pages.length).toBeGreaterThan(5);
    for (const m of pages) {
      expect(limitViolations(m.blocks)).toEqual([]);
      expect(m.text.length).toBeLessThanOrEqual(LAYOUT.fallbackText);
      expect(JSON.stringify(m).length).toBeLessThan(30_000);
    }
    const all = pages.flatMap((m) => mrkdwnTexts(m.blocks)).join("\n");
    for (let s = 0; s < 30; s++) expect(all).toContain(`*Section ${s}*`);
    expect(all).toContain("src0");
    const sourceLinks = all.match(/<https:\/\/example\.com\/source-\d+/g) ?? [];
    expect(new Set(sourceLinks).size).toBe(120);
    const followUps = pages
      .flatMap((m) => interactiveElements(m.blocks))
      .filter((e) => e.action_id.startsWith(ACTION.followUp));
    expect(followUps).toHaveLength(60);
    for (const f of followUps) expect((f.value ?? "").length).toBeLessThanOrEqual(LIMITS.actionValue);
    // A URL over 3000 characters gets no button rather than one Slack would reject.
    expect(
      pages.flatMap((m) => interactiveElements(m.blocks)).some((e) => e.action_id.startsWith(ACTION.site)),
    ).toBe(false);
  });

  it("keeps a summary too long for one section in several sections, in order, across pages", () => {
    const answer = oversizedAnswer();
    const texts = allPages(answer).flatMap((m) => mrkdwnTexts(m.blocks));
    const summaryParts = texts.filter((t) => t.includes("summary&amp;"));
    expect(summaryParts.length).toBeGreaterThan(1);
    expect(summaryParts.join(" ")).toBe(answer.summary.replace(/&/g, "&amp;"));
  });
});

describe("renderSlackMessage: comparisons", () => {
  it("shows four products side by side, one section per attribute with a field per product", () => {
    const answer = compareAnswer(4);
    const m = renderSlackMessage(answer);
    expect(limitViolations(m.blocks)).toEqual([]);
    const rows = m.blocks.filter((b) => b.type === "section" && "fields" in b && b.fields && b.text);
    expect(rows).toHaveLength(answer.comparison.rows.length);
    for (const [i, row] of rows.entries()) {
      const [label, ...values] = mrkdwnTexts([row]);
      expect(label).toBe(`*${answer.comparison.rows[i]?.label}*`);
      expect(values).toHaveLength(4);
      values.forEach((v, j) => {
        expect(v).toBe(`_Product ${j + 1}_\n${answer.comparison.rows[i]?.values[j]}`);
      });
    }
    const details = interactiveElements(m.blocks).filter((e) => e.action_id.startsWith(ACTION.details));
    expect(details.map((d) => decodeButtonState(d.value)?.request)).toEqual(
      answer.items.map((p) => ({ type: "product", id: p.id, lang: "en" })),
    );
  });

  it("offers 'Compare these' for a short list, not for a comparison", () => {
    const list = interactiveElements(renderSlackMessage(listAnswer(3)).blocks);
    const compareAll = list.find((e) => e.action_id === ACTION.compareAll);
    expect(decodeButtonState(compareAll?.value)?.request).toEqual({
      type: "compare",
      ids: ["product-1", "product-2", "product-3"],
      lang: "en",
    });
    const cmp = interactiveElements(renderSlackMessage(compareAnswer(3)).blocks);
    expect(cmp.some((e) => e.action_id === ACTION.compareAll)).toBe(false);
  });
});

describe("renderSlackMessage: hostile text", () => {
  it("escapes user and catalog text everywhere, so nothing can ping, link or mention", () => {
    const m = renderSlackMessage(hostileAnswer(), { shareable: true, askedBy: "<!channel>" });
    expect(limitViolations(m.blocks)).toEqual([]);
    const texts = [...mrkdwnTexts(m.blocks), m.text];
    const ours = [
      /^<https:\/\/example\.com\/source-\d+\?a=1&amp;b=2\|/,
      /^<https:\/\/x\.example\/a%7Cb&gt;c&lt;d\|pipes\|and&gt;angles>$/,
    ];
    expect(unescapedTokens(texts, ours)).toEqual([]);
    expect(texts.join("\n")).toContain("&lt;!channel&gt; &lt;@U123&gt;");
    // Plain-text objects are shown verbatim by Slack and never parsed, so they keep the text as written.
    expect(m.blocks[0]).toMatchObject({ type: "header", text: { type: "plain_text", text: HOSTILE } });
    // A javascript: URL is not a site.
    expect(interactiveElements(m.blocks).filter((e) => e.url?.startsWith("javascript:"))).toEqual([]);
    for (const t of mrkdwnTexts(m.blocks)) expect(t).not.toMatch(/<[!@#]/);
  });

  it("marks every mrkdwn object verbatim, so Slack does not link bare names or mentions", () => {
    const json = JSON.stringify(renderSlackMessage(hostileAnswer()).blocks);
    const mrkdwnObjects = json.match(/"type":"mrkdwn"[^}]*}/g) ?? [];
    expect(mrkdwnObjects.length).toBeGreaterThan(5);
    for (const o of mrkdwnObjects) expect(o).toContain('"verbatim":true');
  });
});
