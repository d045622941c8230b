import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Answer, INTENTS } from "../../src/core/answer.js";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answer } from "../../src/core/engine.js";
import { renderAllText } from "../../src/render/text/index.js";

const catalog = loadCatalog("knowledge");

function expectWellFormed(a: Answer): void {
  expect(INTENTS as readonly string[]).toContain(a.intent);
  expect(["en", "zh"]).toContain(a.lang);
  expect(renderAllText(a).length).toBeGreaterThan(0);
  expect(Array.isArray(a.items)).toBe(true);
  for (const item of a.items) expect(catalog.products.has(item.id)).toBe(true);
  expect(a.followUps.length).toBeLessThanOrEqual(3);
  // The JSON form must survive a round trip: the CLI and the evaluation read it.
  expect(JSON.parse(JSON.stringify(a)).intent).toBe(a.intent);
}

const ADVERSARIAL = [
  "<!channel> which is air-gapped?",
  "<@U123|bob> compare <https://evil.example|rancher> & openshift",
  "[click](https://evil.example) **kubesphere**",
  "\u202Eerehwyna ske\u202C",
  "open\u200Bshift",
  "ＲＡＮＣＨＥＲ　对比　ＯＰＥＮＳＨＩＦＴ",
  "\u0000\u0001\u0002 rancher \u001b[31m",
  "؟ما هو OpenShift",
  "🚀🚀🚀 kubesphere 🚀🚀🚀",
  "a".repeat(10_000),
  "灵雀云".repeat(3000),
  "vs vs vs vs compare compare",
  "based on based on based on",
  "TCS TCS TCS vs TCS",
  ".,;:!?()[]{}<>\"'`~@#$%^&*-_=+|\\/",
  "'; DROP TABLE products; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection attempt, on purpose.
  "{{7*7}} ${process.exit(1)}",
];

describe("engine robustness", () => {
  it.each(ADVERSARIAL.map((q) => [q.slice(0, 40), q]))("answers %j without throwing", (_label, q) => {
    expectWellFormed(answer(q, catalog));
  });

  it("never throws and always returns a well-formed Answer for random strings", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.string({ unit: "grapheme", maxLength: 120 }),
          fc.string({ unit: "binary", maxLength: 120 }),
          fc
            .array(
              fc.constantFrom(
                "rancher",
                "华为",
                "vs",
                "air-gapped",
                "对比",
                "ACK",
                "托管",
                "?",
                "🙂",
                " ",
                "\u200B",
                "<!here>",
              ),
              { maxLength: 12 },
            )
            .map((xs) => xs.join(" ")),
        ),
        (q) => {
          expectWellFormed(answer(q, catalog));
        },
      ),
      { numRuns: 3000, seed: 20261129 },
    );
  });

  it("handles 10 kB questions of any alphabet", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", minLength: 10_000, maxLength: 10_240 }), (q) => {
        expectWellFormed(answer(q, catalog));
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});
