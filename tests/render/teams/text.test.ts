import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  clamp,
  clampBytes,
  fill,
  heroText,
  md,
  mdLink,
  safeUrl,
  unescapeMd,
  utf8Bytes,
} from "../../../src/render/teams/text.js";

describe("md", () => {
  it("is lossless: a Markdown reader shows exactly the original text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => unescapeMd(md(s)) === s));
    fc.assert(fc.property(fc.string({ unit: "binary" }), (s) => unescapeMd(md(s)) === s));
  });

  it("leaves no markup character unescaped", () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            "[",
            "]",
            "(",
            ")",
            "*",
            "_",
            "`",
            "<",
            ">",
            "{",
            "}",
            "~",
            "\\",
            "a",
            " ",
            "\n",
            "#",
            "-",
            "1",
            ".",
            "&",
            ";",
          ),
        }),
        (s) => {
          const out = md(s);
          // Remove escaped pairs; what is left must hold no markup character.
          const bare = out.replace(/\\[!-/:-@[-`{-~]/g, "");
          expect(bare).not.toMatch(/[[\]*_`<>{}~\\]/);
          expect(out).not.toMatch(/^\s*[#+-]/m);
          expect(out).not.toMatch(/^\s*\d+[.)]/m);
          expect(out).not.toMatch(/(?<!\\)&#?\w+;/);
        },
      ),
    );
  });

  it("escapes the usual injections", () => {
    expect(md("[x](http://evil)")).toBe("\\[x\\](http://evil)");
    expect(md("**b** <at>Bot</at>")).toBe("\\*\\*b\\*\\* \\<at\\>Bot\\</at\\>");
    expect(md("{{DATE(2017-02-14T06:08:39Z, SHORT)}}")).toBe("\\{\\{DATE(2017-02-14T06:08:39Z, SHORT)\\}\\}");
    expect(md("- a\n1. b\n# c")).toBe("\\- a\n1\\. b\n\\# c");
    expect(md("&lt;b&gt; & co")).toBe("\\&lt;b\\&gt; & co");
    expect(md("Red Hat OpenShift 4.14, 容器平台")).toBe("Red Hat OpenShift 4.14, 容器平台");
  });
});

describe("links and URLs", () => {
  it("accepts only http(s) and encodes what could close a link target", () => {
    expect(safeUrl("javascript:alert(1)")).toBeUndefined();
    expect(safeUrl("data:text/html,x")).toBeUndefined();
    expect(safeUrl("not a url")).toBeUndefined();
    expect(safeUrl("https://example.com/a b)(c")).toBe("https://example.com/a%20b%29%28c");
    expect(mdLink("t [x]", "https://example.com/")).toBe("[t \\[x\\]](https://example.com/)");
    expect(mdLink("t", "ftp://example.com/")).toBe("t");
  });
});

describe("clamp", () => {
  it("never exceeds its limit and never splits a character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.integer({ min: 2, max: 50 }), (s, max) => {
        const out = clamp(s, max);
        expect(Array.from(out).length).toBeLessThanOrEqual(max);
        expect(out).not.toMatch(/[\ud800-\udbff]$/);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), fc.integer({ min: 3, max: 200 }), (s, max) => {
        expect(utf8Bytes(clampBytes(s, max))).toBeLessThanOrEqual(max);
      }),
    );
    expect(clamp("abcdef", 4)).toBe("abc…");
    expect(clampBytes("很长的文字", 9)).toBe("很长…");
  });

  it("fills placeholders and leaves unknown ones", () => {
    expect(fill("Page {page} of {pages} {x}", { page: 1, pages: 2 })).toBe("Page 1 of 2 {x}");
  });

  it("neutralises tags in hero card text", () => {
    expect(heroText("<b>x</b> & [y](z)")).toBe("&lt;b&gt;x&lt;/b&gt; &amp; \\[y\\](z)");
  });
});
