import { describe, expect, it } from "vitest";
import { renderAllText, renderText } from "../../../src/render/text/index.js";
import { displayWidth, wrap } from "../../../src/render/text/wrap.js";
import { compareAnswer, listAnswer, oversizedAnswer, productAnswer } from "../../fixtures/slack-answers.js";

const ESC = String.fromCharCode(27);

describe("wrap", () => {
  it("wraps at spaces to the width, with a hanging indent", () => {
    const lines = wrap("the quick brown fox jumps over the lazy dog again and again", 20, "• ", "  ");
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(lines[0]?.startsWith("• ")).toBe(true);
    for (const l of lines.slice(1)) expect(l.startsWith("  ") && !l.startsWith("   ")).toBe(true);
    expect(lines.map((l) => l.slice(2)).join(" ")).toBe(
      "the quick brown fox jumps over the lazy dog again and again",
    );
  });

  it("breaks Chinese between characters, counting each as two columns", () => {
    const text = "哪些方案支持全内网部署以软件形式交付部署在自有硬件上的产品可运行于全内网";
    const lines = wrap(text, 20, "", "  ");
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(20);
    expect(lines.map((l) => l.trim()).join("")).toBe(text);
  });

  it("adds only the prefixes without a width, and keeps line breaks", () => {
    expect(wrap("a b\nc", undefined, "- ", "  ")).toEqual(["- a b", "  c"]);
  });
});

describe("renderText", () => {
  it("leads with the title and the direct answer, then one line a product", () => {
    const text = renderText(listAnswer(3));
    const lines = text.split("\n");
    expect(lines[0]).toBe("3 products install air-gapped");
    expect(lines[1]).toBe("Summary.");
    expect(lines).toContain("• Product 1 · Vendor 1 — Product 1 is a container platform sold as software.");
  });

  it("lists the page's sources with their numbers and where the rest are", () => {
    const text = renderText(productAnswer());
    expect(text).toContain("Sources:\n[1] Source 1 — https://example.com/source-1?a=1&b=2 (as of 2026-11)");
    expect(text).toMatch(/… and 1 more \(--page \d\)/);
  });

  it("wraps every line to the width and colours only when asked", () => {
    const plain = renderText(oversizedAnswer(), { width: 60 });
    for (const l of plain.split("\n")) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    expect(plain).not.toContain(ESC);
    const coloured = renderText(productAnswer(), { color: true });
    expect(coloured).toContain(`${ESC}[1m`);
    expect(coloured.replace(new RegExp(`${ESC}\\[[\\d;]*m`, "g"), "")).toBe(renderText(productAnswer()));
  });

  it("shows a comparison row by row, naming each product", () => {
    const text = renderText(compareAnswer(2));
    expect(text).toContain("Vendor:\n  - Product 1: Vendor of Product 1\n  - Product 2: Vendor of Product 2");
  });

  it("numbers later pages among the pages of content", () => {
    const answer = listAnswer(40);
    expect(renderText(answer, { page: 2 }).split("\n")[1]).toBe("Page 2 of 5");
    expect(renderText(answer, { page: 6 }).split("\n")[1]).toBe("");
  });

  it("renders every page with renderAllText, so nothing the answer says is out of reach", () => {
    const answer = listAnswer(40);
    const all = renderAllText(answer);
    for (const p of answer.items) expect(all).toContain(`• ${p.name} ·`);
    expect(all).toContain("All sources");
  });
});
