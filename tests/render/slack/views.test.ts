import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, Lang, ProductView } from "../../../src/core/answer.js";
import { decodeButtonState } from "../../../src/core/request-codec.js";
import { ACTION } from "../../../src/render/slack/actions.js";
import { renderNotice, renderSlackMessage } from "../../../src/render/slack/blocks.js";
import { type HomeData, renderHomeView } from "../../../src/render/slack/home.js";
import { LIMITS } from "../../../src/render/slack/limits.js";
import { renderComparePicker } from "../../../src/render/slack/picker.js";
import { HOSTILE, product } from "../../fixtures/slack-answers.js";
import {
  interactiveElements,
  limitViolations,
  mrkdwnTexts,
  unescapedTokens,
} from "../../helpers/slack-blocks.js";

const home: HomeData = {
  categories: Array.from({ length: 5 }, (_, i) => ({
    id: `category-${i + 1}`,
    name: { en: `Category ${i + 1}`, zh: `类别 ${i + 1}` },
    summary: { en: `What ${i + 1} means`, zh: `含义 ${i + 1}` },
    productCount: i + 1,
  })),
  examples: { en: ["What is EKS Anywhere?", "Compare Rancher vs OpenShift"], zh: ["哪些产品支持离线部署？"] },
};

describe("renderHomeView", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`explains the bot, lists categories with buttons and examples in both languages (${lang})`, () => {
      const view = renderHomeView(lang, home);
      expect(view.type).toBe("home");
      expect(limitViolations(view.blocks, LIMITS.viewBlocks)).toEqual([]);
      const elements = interactiveElements(view.blocks);
      const categories = elements.filter((e) => e.action_id.startsWith(ACTION.category));
      expect(categories.map((c) => decodeButtonState(c.value)?.request)).toEqual(
        home.categories.map((c) => ({ type: "category", id: c.id, lang })),
      );
      const examples = elements.filter((e) => e.action_id.startsWith(ACTION.example));
      expect(examples.map((e) => decodeButtonState(e.value)?.request)).toEqual(
        [...home.examples.en, ...home.examples.zh].map((q) => ({ type: "ask", q })),
      );
      const toggle = elements.find((e) => e.action_id === ACTION.homeLang);
      expect(decodeButtonState(toggle?.value)?.request).toEqual({
        type: "help",
        lang: lang === "en" ? "zh" : "en",
      });
      expect(mrkdwnTexts(view.blocks).join("\n")).toContain(lang === "en" ? "Category 1" : "类别 1");
    });
  }

  it("stays within a view's 100 blocks with a catalog far bigger than ours", () => {
    const big: HomeData = {
      categories: Array.from({ length: 200 }, (_, i) => ({
        id: `c-${i}`,
        name: { en: HOSTILE, zh: HOSTILE },
        summary: { en: "s".repeat(5000), zh: "s" },
        productCount: i,
      })),
      examples: { en: Array.from({ length: 50 }, () => "q".repeat(300)), zh: [] },
    };
    const view = renderHomeView("en", big);
    expect(limitViolations(view.blocks, LIMITS.viewBlocks)).toEqual([]);
    expect(unescapedTokens(mrkdwnTexts(view.blocks))).toEqual([]);
  });
});

describe("renderComparePicker", () => {
  it("offers the other products in a menu whose block carries the base product", () => {
    const m = renderComparePicker(
      { id: "acp", name: "Alauda ACP" },
      [
        { id: "acp", name: "Alauda ACP" },
        { id: "dce", name: "DaoCloud DCE" },
        { id: "rancher", name: HOSTILE },
      ],
      "en",
    );
    expect(limitViolations(m.blocks)).toEqual([]);
    const [menu] = interactiveElements(m.blocks);
    expect(menu?.action_id).toBe(ACTION.comparePick);
    expect(decodeButtonState(menu?.block_id)?.request).toEqual({ type: "product", id: "acp", lang: "en" });
    expect(menu?.options?.map((o) => o.value)).toEqual(["dce", "rancher"]);
    expect(mrkdwnTexts(m.blocks)).toEqual(["Compare *Alauda ACP* with:"]);
  });

  it("keeps to 100 options and drops ids that could not fit an option value", () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ id: `p-${i}`, name: "n".repeat(100) }));
    const m = renderComparePicker(
      { id: "base", name: "Base" },
      [{ id: "x".repeat(80), name: "long" }, ...many],
      "zh",
    );
    expect(limitViolations(m.blocks)).toEqual([]);
    expect(interactiveElements(m.blocks)[0]?.options).toHaveLength(100);
  });
});

describe("renderNotice", () => {
  it("is a short friendly text in the asked language", () => {
    expect(renderNotice("zh", "slackError").text).toContain("抱歉");
    expect(limitViolations(renderNotice("en", "slackExpired").blocks)).toEqual([]);
  });
});

const lang = fc.constantFrom<Lang>("en", "zh");
const text = fc.string({ maxLength: 400 });
const productArb: fc.Arbitrary<ProductView> = fc
  .record({ i: fc.nat(1000), name: text, summary: fc.string({ maxLength: 4000 }), vendor: text })
  .map(({ i, name, summary, vendor }) => product(i, { name, summary, vendor }));

const answerArb: fc.Arbitrary<Answer> = fc
  .record({
    lang,
    title: fc.string({ maxLength: 300 }),
    summary: fc.string({ maxLength: 7000 }),
    items: fc.array(productArb, { maxLength: 45 }),
    sections: fc.array(fc.record({ title: text, bullets: fc.array(text, { maxLength: 20 }) }), {
      maxLength: 8,
    }),
    followUps: fc.array(fc.record({ label: text, q: fc.string({ maxLength: 3000 }) }), { maxLength: 30 }),
  })
  .map(
    ({ lang, title, summary, items, sections, followUps }): Answer => ({
      intent: "filter",
      filters: [],
      lang,
      request: { type: "ask", q: title },
      title,
      summary,
      items,
      sections,
      sources: [],
      followUps: followUps.map((f) => ({ label: f.label, request: { type: "ask", q: f.q } })),
    }),
  );

describe("renderSlackMessage: any answer", () => {
  it("renders every page of any answer within the limits", () => {
    fc.assert(
      fc.property(answerArb, fc.integer({ min: 1, max: 12 }), (answer, page) => {
        const m = renderSlackMessage(answer, { page, shareable: true, askedBy: "U0ASKER" });
        return limitViolations(m.blocks).length === 0 && m.text.length > 0;
      }),
      { numRuns: 150 },
    );
  });
});
