import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer, Lang, Request } from "../../src/core/answer.js";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answer, respond } from "../../src/core/engine.js";
import { decodeButtonState } from "../../src/core/request-codec.js";
import { readSubmitValue } from "../../src/render/teams/actions.js";
import { FRAGMENTS, hostileText, SEED } from "./arbitraries.js";
import { expectRendersSafely } from "./checks.js";

/**
 * The renderers on their own: real answers of every intent with hostile text in every field a
 * renderer shows (titles, names, summaries, bullets, labels, table cells, source titles), and
 * forged button values and card submissions through the codec, the engine and both renderers.
 */
const catalog = loadCatalog("knowledge");
const LANGS: Lang[] = ["en", "zh"];
const QUESTIONS = [
  "Tell me about OpenShift",
  "TCS",
  "What does Huawei offer?",
  "which options work fully air-gapped?",
  "show me all products",
  "公有云托管 K8S 有哪些",
  "what kinds of offering are there",
  "对比 Rancher 和 OpenShift",
  "compare eks, aks, ack and tke",
  "Anywhere 的优势是什么",
  "Anywhere 产品推荐哪些发行版",
  "other players",
  "where does your data come from?",
  "help",
  "frobnicator",
  "kubesphre",
];
const BASES: Answer[] = [
  ...QUESTIONS.map((q) => answer(q, catalog)),
  ...LANGS.map((lang) => respond({ type: "categories", lang }, catalog)),
];

/** Fields a renderer shows as text; ids, intents, languages and requests are left alone. */
const TEXT_KEYS = new Set([
  "title",
  "summary",
  "name",
  "vendor",
  "label",
  "text",
  "note",
  "deliveryLabel",
  "airGappedLabel",
  "locator",
  "asOf",
]);
const TEXT_LIST_KEYS = new Set(["bullets", "values", "examples", "filters"]);
/** What a hostile (or broken) link in the data looks like; none may come out as a live link. */
const BAD_URLS = [
  "javascript:alert(1)",
  "data:text/html,<b>x</b>",
  "not a url",
  // A real-looking URL whose characters could end a Markdown link or a Slack <url|label> early.
  'https://odd.example/a)b](x"y <z>|w',
];

function withHostileText(base: Answer, texts: string[], urlPick: number): Answer {
  let i = 0;
  const next = () => texts[i++ % texts.length] as string;
  const walk = (node: unknown, key?: string): unknown => {
    if (key === "request" || key === "sources") return node;
    if (typeof node === "string") {
      if (key === "url") return urlPick < BAD_URLS.length ? BAD_URLS[urlPick] : node;
      return key && TEXT_KEYS.has(key) ? next() : node;
    }
    if (Array.isArray(node)) {
      return key && TEXT_LIST_KEYS.has(key) ? node.map(() => next()) : node.map((x) => walk(x));
    }
    if (node && typeof node === "object")
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, k)]));
    return node;
  };
  const out = walk(base) as Answer;
  // `sources` of the answer are SourceViews (titles shown); notes' `sources` are ids (kept).
  return { ...out, sources: base.sources.map((s) => ({ ...s, title: next() })) };
}

describe("renderers with hostile text in every field", () => {
  it("every intent, 1,000 mixes of hostile text and broken links", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BASES),
        // The schema refuses blank catalog text (trim, min 1), so no field an answer shows is blank.
        fc.array(
          hostileText.filter((s) => s.trim().length > 0),
          { minLength: 1, maxLength: 6 },
        ),
        fc.nat({ max: BAD_URLS.length + 2 }),
        (base, texts, urlPick) => {
          expectRendersSafely(
            withHostileText(base, texts, urlPick),
            `${base.intent}: ${JSON.stringify(texts[0]?.slice(0, 60))}`,
          );
        },
      ),
      { numRuns: 1000, seed: SEED },
    );
  });
});

const requestLike = fc.record(
  {
    type: fc.constantFrom(
      "ask",
      "product",
      "compare",
      "category",
      "vendor",
      "topic",
      "categories",
      "help",
      "x",
    ),
    id: fc.oneof(
      {
        weight: 4,
        arbitrary: fc.constantFrom(...catalog.products.keys(), ...catalog.vendors.keys(), "anywhere", "x"),
      },
      { weight: 1, arbitrary: fc.string() },
    ),
    ids: fc.array(fc.oneof(fc.constantFrom(...catalog.products.keys()), fc.string({ maxLength: 70 })), {
      maxLength: 6,
    }),
    lang: fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom("en", "zh") },
      { weight: 1, arbitrary: fc.jsonValue() },
    ),
    q: fc.oneof(fc.string({ maxLength: 100 }), fc.constantFrom(...FRAGMENTS)),
  },
  { requiredKeys: ["type"] },
);
const buttonValue = fc.oneof(
  fc
    .record({ r: requestLike, p: fc.oneof(fc.integer({ min: -2, max: 1200 }), fc.jsonValue()) })
    .map((v) => JSON.stringify(v)),
  fc.record({ r: requestLike }),
  fc.string({ maxLength: 300 }),
  fc.jsonValue(),
  fc.string({ minLength: 3990, maxLength: 4100 }).map((s) => `{"r":{"type":"ask","q":"${s}"}}`),
);

describe("forged button values and card submissions", () => {
  it("2,000 values: decoded or refused, never thrown; what decodes answers and renders safely", () => {
    let decoded = 0;
    fc.assert(
      fc.property(buttonValue, fc.jsonValue(), (value, extra) => {
        const state = decodeButtonState(value);
        const submitted = readSubmitValue({ paas: value, extra });
        const picked = readSubmitValue({
          paasCompare: { lang: "en" },
          paasPick: typeof extra === "string" ? extra : "a,b",
        });
        expect(["state", "invalid", "pick-incomplete"]).toContain(submitted.kind);
        expect(["state", "invalid", "pick-incomplete"]).toContain(picked.kind);
        if (!state) return;
        decoded++;
        const a = respond(state.request as Request, catalog);
        expectRendersSafely(a, JSON.stringify(state).slice(0, 120));
      }),
      { numRuns: 2000, seed: SEED },
    );
    // The generator must reach the engine, not just the codec's refusals.
    expect(decoded).toBeGreaterThan(300);
  });
});
