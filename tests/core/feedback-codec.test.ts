import { describe, expect, it } from "vitest";
import {
  decodeFeedbackValue,
  ENCODED_FEEDBACK_ITEMS,
  encodeFeedbackValue,
  feedbackData,
  MAX_FEEDBACK_LENGTH,
  readFeedbackData,
} from "../../src/core/feedback-codec.js";
import {
  type ButtonState,
  decodeButtonState,
  encodeButtonState,
  encodeCompactState,
} from "../../src/core/request-codec.js";

const target = {
  intent: "filter" as const,
  lang: "en" as const,
  items: ["kubesphere", "rancher"],
  qHash: "0123456789ab",
  catalog: "abcdef012345",
};

describe("feedback button values", () => {
  it("round-trip what was answered, never words", () => {
    const value = encodeFeedbackValue(target);
    expect(value).toBe("fb1|filter|en|0123456789ab|abcdef012345|kubesphere,rancher");
    expect(decodeFeedbackValue(value)).toEqual(target);
    expect(readFeedbackData(feedbackData({ verdict: "down", ...target }))).toEqual({
      verdict: "down",
      ...target,
    });
  });

  it("carry the first page's item ids, within Slack's 2000 characters", () => {
    const items = Array.from({ length: 200 }, (_, i) => `product-${"x".repeat(40)}-${i}`);
    const value = encodeFeedbackValue({ ...target, items });
    expect(value.length).toBeLessThanOrEqual(MAX_FEEDBACK_LENGTH);
    const back = decodeFeedbackValue(value);
    expect(back?.items).toEqual(items.slice(0, ENCODED_FEEDBACK_ITEMS));
  });

  it("refuse forged or malformed values", () => {
    for (const value of [
      undefined,
      42,
      "",
      "fb2|filter|en|||rancher",
      "fb1|nonsense|en|||rancher",
      "fb1|filter|fr|||rancher",
      "fb1|filter|en|0123|abc|rancher",
      "fb1|filter|en|||Rancher Is Great",
      "fb1|filter|en|||rancher|extra",
      `fb1|filter|en|||${"a".repeat(2001)}`,
      "product:rancher:en",
      '{"r":{"type":"help","lang":"en"}}',
    ])
      expect(decodeFeedbackValue(value), String(value).slice(0, 40)).toBeUndefined();
    // An answer with no items (help, a question back) is a valid vote.
    expect(decodeFeedbackValue("fb1|help|en|||")?.items).toEqual([]);
  });

  it("refuse card data with unknown keys (words smuggled in), but ignore the card's own inputs", () => {
    const data = feedbackData({ verdict: "up", ...target });
    expect(readFeedbackData({ ...data, q: "which options" })).toBeUndefined();
    expect(readFeedbackData({ ...data, paasPick: "rancher" }, ["paasPick"])).toMatchObject({ verdict: "up" });
    expect(readFeedbackData({ ...data, feedback: "maybe" })).toBeUndefined();
    expect(readFeedbackData({ ...data, items: "rancher" })).toBeUndefined();
    expect(readFeedbackData({ ...data, items: Array(61).fill("x") })).toBeUndefined();
    expect(readFeedbackData([data])).toBeUndefined();
  });
});

describe("compact button states (Slack)", () => {
  it("round-trip every request, questions included, and stay shorter than JSON", () => {
    for (const state of [
      { request: { type: "product", id: "rancher", lang: "en" } },
      { request: { type: "compare", ids: ["a", "b-c"], lang: "zh" }, page: 2 },
      { request: { type: "categories", lang: "en" } },
      { request: { type: "help", lang: "zh" } },
      { request: { type: "ask", q: "2:1 ratio? q::weird | text" } },
      { request: { type: "ask", q: "对比 Rancher 和 OpenShift" }, page: 3 },
    ] as ButtonState[]) {
      const compact = encodeCompactState(state);
      expect(decodeButtonState(compact), compact).toEqual(state);
      expect(compact.length).toBeLessThan(encodeButtonState(state).length);
    }
  });

  it("refuse malformed compact values", () => {
    for (const value of [
      "product:Rancher:en",
      "product:rancher:fr",
      "nope:x:en",
      "compare:a:en",
      "q",
      `q::${"x".repeat(2001)}`,
    ])
      expect(decodeButtonState(value), value).toBeUndefined();
  });
});
