import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  escapeMrkdwn,
  mention,
  mrkdwnLink,
  safeCutIndex,
  splitMrkdwn,
  truncateMrkdwn,
  truncatePlain,
} from "../../../src/render/slack/mrkdwn.js";

/** True when `s` has no '&' that fails to start a complete entity, and no unclosed '<'. */
const wellFormed = (s: string): boolean =>
  !/&(?!amp;|lt;|gt;)/.test(s) && (s.match(/</g) ?? []).length === (s.match(/>/g) ?? []).length;

describe("escapeMrkdwn", () => {
  it("escapes the three characters Slack treats as control characters", () => {
    expect(escapeMrkdwn("<!channel> & <@U123> <https://x|y>")).toBe(
      "&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://x|y&gt;",
    );
  });

  it("escapes an already escaped entity again, so it shows as typed", () => {
    expect(escapeMrkdwn("&amp;")).toBe("&amp;amp;");
  });
});

describe("truncateMrkdwn", () => {
  it("leaves short text alone", () => {
    expect(truncateMrkdwn("abc", 3)).toBe("abc");
  });

  it("never cuts inside an entity and ends with an ellipsis", () => {
    const s = escapeMrkdwn("ab&&&&&&&&");
    for (let max = 2; max < s.length; max++) {
      const out = truncateMrkdwn(s, max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out.endsWith("…")).toBe(true);
      expect(wellFormed(out.slice(0, -1))).toBe(true);
    }
  });

  it("never cuts inside a link we built", () => {
    const s = `see ${mrkdwnLink("https://example.com/a", "a title")} now`;
    for (let max = 2; max < s.length; max++) {
      const out = truncateMrkdwn(s, max);
      expect(wellFormed(out)).toBe(true);
    }
  });

  it("holds for any text and any limit", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.integer({ min: 1, max: 220 }),
        (raw, max) => {
          const out = truncateMrkdwn(escapeMrkdwn(raw), max);
          return out.length <= max && wellFormed(out.replace(/…$/, "")) && !/[\ud800-\udbff]…?$/.test(out);
        },
      ),
    );
  });
});

describe("safeCutIndex", () => {
  it("does not split a surrogate pair", () => {
    const s = "ab😀cd";
    expect(safeCutIndex(s, 3)).toBe(2);
  });
});

describe("truncatePlain", () => {
  it("cuts plain text (headers, buttons) to the limit with an ellipsis, whitespace collapsed", () => {
    expect(truncatePlain("a  b\n c", 75)).toBe("a b c");
    const out = truncatePlain("x".repeat(200), 75);
    expect(out).toHaveLength(75);
    expect(out.endsWith("…")).toBe(true);
  });
});

describe("splitMrkdwn", () => {
  it("splits long text into chunks within the limit without losing words", () => {
    const words = Array.from({ length: 2000 }, (_, i) => `w${i}&`);
    const escaped = escapeMrkdwn(words.join(" "));
    const chunks = splitMrkdwn(escaped, 3000);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(3000);
      expect(wellFormed(c)).toBe(true);
    }
    expect(chunks.join(" ")).toBe(escaped);
  });

  it("prefers line breaks", () => {
    const text = `${"a".repeat(2000)}\n${"b".repeat(2000)}`;
    expect(splitMrkdwn(text, 3000)).toEqual(["a".repeat(2000), "b".repeat(2000)]);
  });

  it("keeps every chunk within the limit for any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), fc.integer({ min: 10, max: 100 }), (raw, max) =>
        splitMrkdwn(escapeMrkdwn(raw), max).every((c) => c.length <= max && wellFormed(c.replace(/…$/, ""))),
      ),
    );
  });
});

describe("mrkdwnLink", () => {
  it("links http(s) URLs with an escaped title", () => {
    expect(mrkdwnLink("https://example.com/?a=1&b=2", "A & B")).toBe(
      "<https://example.com/?a=1&amp;b=2|A &amp; B>",
    );
  });

  it("never lets a URL close the link early or add a second label", () => {
    expect(mrkdwnLink("https://x.example/a|b>c", "t")).toBe("<https://x.example/a%7Cb&gt;c|t>");
  });

  it("shows other schemes and missing URLs as text only", () => {
    expect(mrkdwnLink("javascript:alert(1)", "t")).toBe("t");
    expect(mrkdwnLink(undefined, "<!here>")).toBe("&lt;!here&gt;");
  });
});

describe("mention", () => {
  it("mentions real-looking user ids and escapes anything else", () => {
    expect(mention("U0123ABC")).toBe("<@U0123ABC>");
    expect(mention("<!channel>")).toBe("&lt;!channel&gt;");
  });
});
