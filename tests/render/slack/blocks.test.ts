import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/core/answer.js";
import { decodeButtonState } from "../../../src/core/request-codec.js";
import { LAYOUT_LIMITS } from "../../../src/render/layout/limits.js";
import { ACTION, readMenuValue } from "../../../src/render/slack/actions.js";
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
  product,
  productAnswer,
  source,
} from "../../fixtures/slack-answers.js";
import {
  interactiveElements,
  limitViolations,
  mrkdwnTexts,
  unescapedTokens,
} from "../../helpers/slack-blocks.js";

/** Every page of content of an answer, following "More" from page 1 the way a user would. */
function allPages(answer: Answer, options: { shareable?: boolean; askedBy?: string } = {}): SlackMessage[] {
  const pages = [renderSlackMessage(answer, options)];
  for (let guard = 0; guard < 400; guard++) {
    const more = interactiveElements(pages[pages.length - 1]?.blocks ?? []).find(
      (e) =>
        e.action_id.startsWith(ACTION.page) &&
        /^(More|更多)$/.test(e.text ?? "") &&
        decodeButtonState(e.value)?.page === pages.length + 1,
    );
    if (!more) break;
    const state = decodeButtonState(more.value);
    pages.push(renderSlackMessage(answer, { ...options, page: state?.page }));
  }
  return pages;
}

/** The product names a page lists, from its one-line overview ("• *Product 3* · Vendor 3 — …"). */
const itemNames = (m: SlackMessage): string[] =>
  mrkdwnTexts(m.blocks).flatMap((t) => [...t.matchAll(/^• \*(Product \d+)\*/gm)].map((x) => x[1] as string));

/** The state of the page button whose label matches. */
const pageButton = (m: SlackMessage, label: RegExp) => {
  const b = interactiveElements(m.blocks).find(
    (e) => e.action_id.startsWith(ACTION.page) && label.test(String(e.text ?? "")),
  );
  return b ? decodeButtonState(b.value) : undefined;
};

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
    expect(mrkdwnTexts([section])).toEqual([
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

  it("lists only the sources the page cites, and opens the rest with 'n more'", () => {
    const m = renderSlackMessage(productAnswer());
    const sources = mrkdwnTexts(m.blocks).find((t) => t.startsWith("*Sources:*"));
    // The product's note cites source 1; source 2 is not cited on the page.
    expect(sources).toBe("*Sources:* [1] <https://example.com/source-1?a=1&amp;b=2|Source 1> (2026-11)");
    const more = pageButton(m, /^1 more sources$/);
    expect(more?.request).toEqual(productAnswer().request);
    const all = renderSlackMessage(productAnswer(), { page: more?.page });
    expect(mrkdwnTexts(all.blocks).join("\n")).toContain(
      "[1] <https://example.com/source-1?a=1&amp;b=2|Source 1> (2026-11) · [2] Source 2 (2026-11, alauda/acp-docs docs/install.mdx)",
    );
  });

  it("numbers sources past 9 correctly and shows at most five with the count of the rest", () => {
    const sources = Array.from({ length: 14 }, (_, i) => source(i + 1));
    const answer: Answer = {
      ...productAnswer(),
      items: [product(1, { notes: [] })],
      sources,
      sections: [{ title: "Facts", bullets: sources.map((_, i) => `fact ${i + 1} [${i + 1}]`) }],
    };
    const m = renderSlackMessage(answer);
    const line = mrkdwnTexts(m.blocks).find((t) => t.startsWith("*Sources:*")) ?? "";
    expect(line.match(/\[\d+\]/g)).toEqual(["[1]", "[2]", "[3]", "[4]", "[5]"]);
    const more = pageButton(m, /more sources/);
    expect(more?.page).toBeGreaterThan(1);
    const all = mrkdwnTexts(renderSlackMessage(answer, { page: more?.page }).blocks).join("\n");
    for (let n = 1; n <= 14; n++) expect(all).toContain(`[${n}] <https://example.com/source-${n}?`);
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
  it("cuts a 40-product list into pages of one-line overviews within the limits, with More and Previous", () => {
    const answer = listAnswer(40);
    const pages = allPages(answer, { shareable: true });
    const per = LAYOUT_LIMITS.linesPerPage;
    expect(pages).toHaveLength(Math.ceil(40 / per));
    expect(pages.flatMap(itemNames)).toEqual(answer.items.map((i) => i.name));
    pages.forEach((m, i) => {
      expect(limitViolations(m.blocks)).toEqual([]);
      expect(itemNames(m).length).toBeLessThanOrEqual(per);
      const pageButtons = interactiveElements(m.blocks).filter(
        (e) => e.action_id.startsWith(ACTION.page) && /^(More|Previous)$/.test(String(e.text)),
      );
      const targets = pageButtons.map((b) => decodeButtonState(b.value));
      for (const t of targets) expect(t?.request).toEqual(answer.request);
      expect(targets.map((t) => t?.page ?? 1)).toEqual([
        ...(i > 0 ? [i] : []),
        ...(i < pages.length - 1 ? [i + 2] : []),
      ]);
      expect(mrkdwnTexts(m.blocks)).toContain(`Page ${i + 1} of ${pages.length}`);
      const share = interactiveElements(m.blocks).find((e) => e.action_id === ACTION.share);
      expect(decodeButtonState(share?.value)?.page ?? 1).toBe(i + 1);
    });
  });

  it("opens any product's details from the first page: a menu when there are more than a row of buttons", () => {
    const answer = listAnswer(40);
    const menu = interactiveElements(renderSlackMessage(answer).blocks).find(
      (e) => e.type === "static_select",
    );
    expect(menu?.action_id.startsWith(ACTION.details)).toBe(true);
    expect(menu?.options?.map((o) => readMenuValue(o.value))).toEqual(
      answer.items.map((p) => ({ type: "product", id: p.id, lang: "en" })),
    );
    expect(menu?.options?.map((o) => o.text)).toEqual(answer.items.map((p) => p.name));
    const few = interactiveElements(renderSlackMessage(listAnswer(3)).blocks);
    expect(few.some((e) => e.type === "static_select")).toBe(false);
    const details = few.filter((e) => e.action_id.startsWith(ACTION.details));
    expect(details.map((d) => decodeButtonState(d.value)?.request)).toEqual(
      ["product-1", "product-2", "product-3"].map((id) => ({ type: "product", id, lang: "en" })),
    );
    expect(details.map((d) => d.text)).toEqual(["Product 1", "Product 2", "Product 3"]);
  });

  it("shows the nearest page for a page out of range", () => {
    const answer = listAnswer(40);
    const last = pageButton(renderSlackMessage(answer), /^Sources/)?.page ?? 0;
    expect(last).toBeGreaterThan(1);
    expect(renderSlackMessage(answer, { page: 99 })).toEqual(renderSlackMessage(answer, { page: last }));
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
    expect(all.match(/^• \*name0 /gm)?.length).toBe(40);
    const sourcesPage = pageButton(pages[0] as SlackMessage, /^Sources/)?.page;
    const listed = mrkdwnTexts(renderSlackMessage(answer, { page: sourcesPage }).blocks).join("\n");
    const sourceLinks = listed.match(/<https:\/\/example\.com\/source-\d+/g) ?? [];
    expect(new Set(sourceLinks).size).toBe(120);
    // A URL over 3000 characters gets no button rather than one Slack would reject.
    expect(
      pages.flatMap((m) => interactiveElements(m.blocks)).some((e) => e.action_id.startsWith(ACTION.site)),
    ).toBe(false);
  });

  it("cuts a summary past any reasonable length, marking the cut, on the first page", () => {
    const texts = mrkdwnTexts(renderSlackMessage(oversizedAnswer()).blocks);
    const lead = texts.find((t) => t.startsWith("summary&amp;0 "));
    expect(lead?.endsWith("…")).toBe(true);
    expect(lead?.length).toBeLessThanOrEqual(LIMITS.sectionText);
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

  it("pages a comparison with many rows: every row once, in order, each page within the limits", () => {
    const answer = compareAnswer(4);
    answer.comparison.rows = Array.from({ length: 35 }, (_, i) => ({
      label: `Row ${i}`,
      values: answer.items.map((p) => `${p.name}, row ${i}`),
    }));
    const pages = allPages(answer);
    expect(pages.length).toBeGreaterThan(1);
    for (const m of pages) expect(limitViolations(m.blocks)).toEqual([]);
    const labels = pages.flatMap((m) => mrkdwnTexts(m.blocks)).filter((t) => /^\*Row \d+\*$/.test(t));
    expect(labels).toEqual(answer.comparison.rows.map((r) => `*${r.label}*`));
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
    expect(mrkdwnObjects.length).toBeGreaterThan(2);
    for (const o of mrkdwnObjects) expect(o).toContain('"verbatim":true');
  });
});
