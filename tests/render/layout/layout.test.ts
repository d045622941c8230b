import { describe, expect, it } from "vitest";
import type { Answer, FilterAnswer, ProductView } from "../../../src/core/answer.js";
import { buildLayout } from "../../../src/render/layout/build.js";
import { LAYOUT_LIMITS } from "../../../src/render/layout/limits.js";
import type { Element, Layout } from "../../../src/render/layout/model.js";
import { pageOf } from "../../../src/render/layout/page.js";
import { clip, clipCited, firstSentence, weight } from "../../../src/render/layout/text.js";
import {
  compareAnswer,
  everyIntent,
  listAnswer,
  oversizedAnswer,
  product,
  productAnswer,
  source,
} from "../../fixtures/slack-answers.js";

const elements = (l: Layout): Element[] => l.pages.flatMap((p) => p.elements);
const groups = (l: Layout) => elements(l).flatMap((e) => (e.kind === "group" ? [e] : []));
const texts = (l: Layout): string[] =>
  elements(l).flatMap((e) => {
    switch (e.kind) {
      case "paragraph":
        return [e.text];
      case "bullets":
        return e.bullets;
      case "group":
        return e.lines.map((x) => x.text ?? "");
      case "facts":
        return e.rows.map((r) => r.value);
      case "table":
        return e.rows.flatMap((r) => r.values);
      default:
        return [];
    }
  });

const matched = (i: number, level: "yes" | "partial" | "no" | "unconfirmed"): ProductView =>
  product(i, { match: { level, reason: `Reason ${i}`, sources: [`s${i}`] } });

describe("buildLayout", () => {
  it("groups a list by match level, in the order yes, partly, not confirmed, no, with counts", () => {
    const answer: FilterAnswer = {
      ...listAnswer(0),
      items: [
        matched(1, "no"),
        matched(2, "yes"),
        matched(3, "unconfirmed"),
        matched(4, "yes"),
        matched(5, "partial"),
      ],
      sources: [1, 2, 3, 4, 5].map((i) => source(i)),
    };
    const l = buildLayout(answer);
    expect(groups(l).map((g) => g.title)).toEqual(["Yes (2)", "Partly (1)", "Not confirmed (1)", "No (1)"]);
    expect(groups(l)[0]?.lines.map((x) => x.label)).toEqual(["Product 2", "Product 4"]);
    // A line's reason cites its match's sources, numbered in reading order.
    expect(groups(l)[0]?.lines.map((x) => x.text)).toEqual(["Reason 2 [1]", "Reason 4 [2]"]);
    expect(l.sources.slice(0, 2).map((s) => s.id)).toEqual(["s2", "s4"]);
  });

  it("holds at most a page of lines, across groups, and continues a group on the next page", () => {
    const levels = ["yes", "yes", "yes", "partial", "partial", "unconfirmed"] as const;
    const items = Array.from({ length: 17 }, (_, i) => matched(i + 1, levels[i % levels.length] ?? "yes"));
    const l = buildLayout({ ...listAnswer(0), items, sources: [] });
    const content = l.pages.filter((p) => !p.allSources);
    for (const page of content) {
      const lines = page.elements.flatMap((e) => (e.kind === "group" ? e.lines : []));
      expect(lines.length).toBeLessThanOrEqual(LAYOUT_LIMITS.linesPerPage);
    }
    expect(content.length).toBe(Math.ceil(17 / LAYOUT_LIMITS.linesPerPage));
    expect(groups(l).flatMap((g) => g.lines)).toHaveLength(17);
  });

  it("groups a long list without match levels by category, and keeps one group for one category", () => {
    const items = [1, 2, 3, 4].map((i) =>
      product(i, { categories: [{ id: `c${i % 2}`, name: `Category ${i % 2}` }] }),
    );
    const l = buildLayout({ ...listAnswer(0), items });
    expect(groups(l).map((g) => g.title)).toEqual(["Category 1 (2)", "Category 0 (2)"]);
    expect(groups(buildLayout(listAnswer(4))).map((g) => g.title)).toEqual([undefined]);
  });

  it("makes every line one line: name, vendor and a short reason", () => {
    const l = buildLayout(oversizedAnswer());
    for (const g of groups(l))
      for (const line of g.lines) {
        expect(weight(line.label)).toBeLessThanOrEqual(LAYOUT_LIMITS.titleChars);
        expect(weight(line.meta ?? "")).toBeLessThanOrEqual(LAYOUT_LIMITS.metaChars);
        expect(weight(line.text ?? "")).toBeLessThanOrEqual(LAYOUT_LIMITS.lineChars);
      }
  });

  it("shows a single product's facts, its buttons on the first page, then its notes and sections", () => {
    const l = buildLayout(productAnswer());
    const first = l.pages[0]?.elements ?? [];
    expect(first.map((e) => e.kind)).toEqual(["facts", "paragraph", "actions", "bullets", "bullets"]);
    const facts = first[0];
    expect(facts?.kind === "facts" && facts.rows.map((r) => r.label)).toEqual([
      "Vendor",
      "Category",
      "Delivery",
      "Air-gapped",
    ]);
    const actions = first[2];
    expect(actions?.kind === "actions" && actions.actions.map((a) => a.kind)).toEqual(["request", "url"]);
  });

  it("lays a comparison out as a table of what differs and facts of what all share", () => {
    const answer = compareAnswer(3);
    answer.comparison.rows.push({ label: "Same", values: ["x", "x", "x"] });
    const [table, same] = elements(buildLayout(answer));
    expect(table?.kind === "table" && table.rows.map((r) => r.label)).toEqual(
      answer.comparison.rows.slice(0, -1).map((r) => r.label),
    );
    expect(same).toMatchObject({
      kind: "facts",
      title: "Same for all",
      rows: [{ label: "Same", value: "x" }],
    });
  });

  it("puts notices under the lead and shows a clarification's options as buttons", () => {
    const base = productAnswer();
    const l = buildLayout({ ...base, notices: ["You mentioned a bank, so I assumed fully intranet."] });
    expect(l.notices).toEqual(["You mentioned a bank, so I assumed fully intranet."]);
    const clarify = everyIntent("en").find((a) => a.intent === "clarify") as Answer;
    const first = buildLayout(clarify).pages[0]?.elements[0];
    expect(first?.kind === "actions" && first.actions.map((a) => a.label)).toEqual([
      "Product 1",
      "Product 2",
    ]);
  });

  it("titles a row of buttons, and does not offer a follow-up twice", () => {
    const help = everyIntent("en").find((a) => a.intent === "help") as Answer;
    const withDuplicate: Answer = {
      ...help,
      followUps: [
        { label: "What is EKS Anywhere?", request: { type: "ask", q: "What is EKS Anywhere?" } },
        ...help.followUps,
      ],
    };
    const l = buildLayout(withDuplicate);
    const examples = elements(l).find((e) => e.kind === "actions");
    expect(examples).toMatchObject({ kind: "actions", title: "Try asking" });
    expect(l.followUps.map((f) => f.label)).not.toContain("What is EKS Anywhere?");
    expect(l.followUps).toHaveLength(help.followUps.length);
  });

  it("offers every listed product's details from every page, and comparing 2–4 of them", () => {
    const l = buildLayout(listAnswer(20));
    for (const page of l.pages.filter((p) => !p.allSources)) {
      const picker = page.elements.find((e) => e.kind === "picker");
      expect(picker?.kind === "picker" && picker.choices.length).toBe(20);
      expect(picker?.kind === "picker" && picker.compare).toBe(true);
    }
  });

  it("loses nothing: every product, section and source is on some page", () => {
    const answer = oversizedAnswer();
    const l = buildLayout(answer);
    const labels = groups(l).flatMap((g) => g.lines.map((x) => x.label));
    expect(labels).toHaveLength(answer.items.length);
    const titles = new Set(elements(l).flatMap((e) => (e.kind === "bullets" ? [e.title] : [])));
    for (const s of answer.sections) expect(titles).toContain(s.title);
    const bullets = elements(l).flatMap((e) => (e.kind === "bullets" ? e.bullets : []));
    expect(bullets).toHaveLength(answer.sections.reduce((n, s) => n + s.bullets.length, 0));
    expect(new Set(l.sources.map((s) => s.id))).toEqual(new Set(answer.sources.map((s) => s.id)));
    expect(l.pages.at(-1)?.allSources).toBe(true);
  });
});

describe("sources", () => {
  const cited = (n: number, order: number[]): Answer => ({
    ...productAnswer(),
    items: [product(1, { notes: [] })],
    sources: Array.from({ length: n }, (_, i) => source(i + 1)),
    sections: [{ title: "Facts", bullets: order.map((k) => `fact [${k}]`) }],
  });

  it("numbers sources by first citation and rewrites the markers to match", () => {
    const l = buildLayout(cited(12, [12, 3, 12, 10]));
    expect(texts(l).filter((t) => t.startsWith("fact"))).toEqual([
      "fact [1]",
      "fact [2]",
      "fact [1]",
      "fact [3]",
    ]);
    expect(l.sources.slice(0, 3).map((s) => [s.n, s.id])).toEqual([
      [1, "s12"],
      [2, "s3"],
      [3, "s10"],
    ]);
    // The sources nothing cites keep their place after the cited ones.
    expect(l.sources.map((s) => s.n)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("lists at most five under a page, counting the rest, which the last page lists in full", () => {
    const answer = cited(
      14,
      Array.from({ length: 14 }, (_, i) => i + 1),
    );
    const first = pageOf(answer, 1);
    expect(first.sources.map((s) => s.n)).toEqual([1, 2, 3, 4, 5]);
    expect(first.moreSources).toBe(9);
    const all = pageOf(answer, first.sourcesPage);
    expect(all.allSources).toBe(true);
    expect(all.sources.map((s) => s.n)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(all.previous).toBe(1);
  });

  it("never lists more than five sources under a page of any fixture answer", () => {
    for (const answer of [...everyIntent("en"), ...everyIntent("zh"), listAnswer(40), oversizedAnswer()]) {
      const first = pageOf(answer, 1);
      for (let p = 1; p <= first.total; p++) {
        const view = pageOf(answer, p);
        if (!view.allSources) expect(view.sources.length).toBeLessThanOrEqual(LAYOUT_LIMITS.sourcesShown);
      }
    }
  });
});

describe("text helpers", () => {
  it("cuts by width, CJK counting double, and keeps trailing citations", () => {
    expect(clip("abcdef", 4)).toBe("abc…");
    expect(clip("一二三四五", 6)).toBe("一二…");
    expect(weight("a一")).toBe(3);
    expect(clipCited(`${"word ".repeat(40)}[3][12]`, 40)).toMatch(/… \[3\]\[12\]$/);
    expect(firstSentence("One. Two.")).toBe("One.");
    expect(firstSentence("第一句。第二句。")).toBe("第一句。");
    expect(firstSentence("v1.2 is out")).toBe("v1.2 is out");
  });
});
