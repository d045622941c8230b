import { describe, expect, it } from "vitest";
import { type Answer, INTENTS } from "../../../src/core/answer.js";
import { decodeButtonState } from "../../../src/core/request-codec.js";
import { LAYOUT_LIMITS } from "../../../src/render/layout/limits.js";
import { readSubmitValue, STATE_KEY } from "../../../src/render/teams/actions.js";
import { pageCount, renderAdaptiveCard, renderTeamsMessage } from "../../../src/render/teams/card.js";
import { TEAMS_LIMITS } from "../../../src/render/teams/limits.js";
import { md, unescapeMd } from "../../../src/render/teams/text.js";
import type { AdaptiveCard, ColumnSet, SubmitAction } from "../../../src/render/teams/types.js";
import { renderText } from "../../../src/render/text/index.js";
import {
  allFixtureAnswers,
  comparison,
  everyIntent,
  HOSTILE,
  hostile,
  LANGS,
  longList,
  oversized,
} from "../../fixtures/teams-answers.js";
import { actionsOf, elementsOf, markdownOf } from "../../helpers/teams-cards.js";
import { expectValidTeamsCard, renderEveryPage } from "../../helpers/teams-render.js";

const submits = (card: AdaptiveCard) =>
  actionsOf(card).filter((a): a is SubmitAction => a.type === "Action.Submit");
const stateOf = (a: SubmitAction) => decodeButtonState(a.data[STATE_KEY]);

describe("every fixture card", () => {
  const all = allFixtureAnswers();

  it("covers every intent in both languages", () => {
    const intents = new Set(all.map((a) => `${a.answer.lang}/${a.answer.intent}`));
    for (const lang of LANGS) for (const intent of INTENTS) expect(intents).toContain(`${lang}/${intent}`);
  });

  it.each(all)(
    "$name: every page parses in adaptivecards 1.5 with no event, keeps its properties and fits",
    ({ name, answer }) => {
      for (const { page, interactive, card } of renderEveryPage(answer)) {
        expectValidTeamsCard(card, `${name} page ${page}${interactive ? "" : " (static)"}`);
        expect(card.version).toBe("1.5");
        expect(card.fallbackText?.length).toBeGreaterThan(0);
      }
    },
  );

  it.each(all)("$name: every Submit button decodes to a request the codec accepts", ({ answer }) => {
    for (const { card, interactive } of renderEveryPage(answer)) {
      for (const action of submits(card)) {
        const read = readSubmitValue({ ...action.data, paasPick: "product-1,product-2" });
        expect(["state", "feedback"], action.title).toContain(read.kind);
      }
      if (!interactive) {
        expect(submits(card)).toEqual([]);
        expect(elementsOf(card).some((e) => e.type === "Input.ChoiceSet")).toBe(false);
      }
      for (const action of actionsOf(card))
        expect(action.title.length).toBeLessThanOrEqual(TEAMS_LIMITS.actionTitleMaxChars);
    }
  });
});

describe("product facts", () => {
  it("shows vendor, category, delivery and air-gapped as a FactSet", () => {
    const answer = everyIntent("en")[0] as Answer;
    const card = renderAdaptiveCard(answer);
    const facts = elementsOf(card).find((e) => e.type === "FactSet");
    expect(facts?.type === "FactSet" && facts.facts.map((f) => f.title)).toEqual([
      "Vendor",
      "Category",
      "Delivery",
      "Air-gapped",
    ]);
    expect(JSON.stringify(facts)).toContain("Software you run");
    const zh = renderAdaptiveCard(everyIntent("zh")[0] as Answer);
    expect(JSON.stringify(zh)).toContain("交付方式");
  });

  it("links the official site with Action.OpenUrl and the sources the page cites with Markdown links", () => {
    const answer = everyIntent("en")[0] as Answer;
    const card = renderAdaptiveCard(answer);
    expect(actionsOf(card)).toContainEqual({
      type: "Action.OpenUrl",
      title: "Official site",
      url: "https://example.com/product/1",
    });
    const texts = markdownOf(card);
    // The product's note cites source 1 only; "1 more sources" opens the page that lists both.
    expect(texts[texts.indexOf("Sources") + 1]).toBe(
      "\\[1\\] [Source 1 (official docs)](https://example.com/docs/1?a=%28b%29) (as of 2025-06)",
    );
    const more = submits(card).find((a) => a.title === "1 more sources");
    const page = stateOf(more as SubmitAction)?.page;
    const all = markdownOf(renderAdaptiveCard(answer, { page }));
    expect(all).toContain("\\[2\\] Source 2 (official docs) (github.com/org/repo/path/2) (as of 2025-06)");
  });

  it("puts follow-ups on the card as Submit buttons carrying their request", () => {
    const answer = everyIntent("en")[0] as Answer;
    const card = renderAdaptiveCard(answer);
    expect(card.actions?.map((a) => a.type === "Action.Submit" && stateOf(a)?.request)).toEqual(
      answer.followUps.map((f) => f.request),
    );
  });
});

describe("paging", () => {
  for (const lang of LANGS) {
    it(`splits a 40-item list (${lang}) into pages of one-line overviews that show every item once, in order`, () => {
      const answer = longList(lang);
      const per = LAYOUT_LIMITS.linesPerPage;
      const pages = Math.ceil(40 / per);
      expect(pageCount(answer)).toBe(pages + 1); // and the page listing every source
      const shown: string[] = [];
      for (let page = 1; page <= pages; page++) {
        const card = renderAdaptiveCard(answer, { page });
        const lines = markdownOf(card).flatMap((t) => [...t.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1]));
        expect(lines.length).toBeLessThanOrEqual(per);
        shown.push(...(lines as string[]));
        const more = submits(card).find((a) => a.title === (lang === "en" ? "More" : "更多"));
        const previous = submits(card).find((a) => a.title === (lang === "en" ? "Previous" : "上一页"));
        if (page < pages) expect(stateOf(more as SubmitAction)?.request).toEqual(answer.request);
        else expect(more).toBeUndefined();
        if (page > 1)
          expect(stateOf(previous as SubmitAction)).toEqual(
            page === 2 ? { request: answer.request } : { request: answer.request, page: page - 1 },
          );
        else expect(previous).toBeUndefined();
        expect(JSON.stringify(card)).toContain(
          lang === "en" ? `Page ${page} of ${pages}` : `第 ${page} 页，共 ${pages} 页`,
        );
      }
      expect(shown).toEqual(answer.items.map((p) => p.name));
    });
  }

  it("shows the nearest page for an out-of-range page", () => {
    const answer = longList("en");
    expect(renderAdaptiveCard(answer, { page: 999 })).toEqual(
      renderAdaptiveCard(answer, { page: pageCount(answer) }),
    );
    expect(renderAdaptiveCard(answer, { page: -3 })).toEqual(renderAdaptiveCard(answer, { page: 1 }));
  });

  it("opens any product of a long list from one menu: Details for one pick, Compare for two to four", () => {
    const answer = longList("en");
    const card = renderAdaptiveCard(answer);
    const picker = elementsOf(card).find((e) => e.type === "Input.ChoiceSet");
    expect(picker).toMatchObject({ id: "paasPick", isMultiSelect: true });
    expect(picker?.type === "Input.ChoiceSet" && picker.choices.map((c) => c.value)).toEqual(
      answer.items.map((p) => p.id),
    );
    const details = submits(card).find((a) => a.title === "Details") as SubmitAction;
    expect(readSubmitValue({ ...details.data, paasPick: "product-7,product-9" })).toEqual({
      kind: "state",
      state: { request: { type: "product", id: "product-7", lang: "en" } },
    });
    expect(readSubmitValue({ ...details.data }).kind).toBe("pick-incomplete");
    const compare = submits(card).find((a) => a.title === "Compare") as SubmitAction;
    expect(readSubmitValue({ ...compare.data, paasPick: "product-7,product-9" })).toMatchObject({
      kind: "state",
      state: { request: { type: "compare", ids: ["product-7", "product-9"] } },
    });
  });

  it("without buttons, says which page of the list is shown", () => {
    const card = renderAdaptiveCard(longList("en"), { interactive: false });
    expect(markdownOf(card).join("\n")).toContain(`Page 1 of ${Math.ceil(40 / LAYOUT_LIMITS.linesPerPage)}`);
  });
});

describe("comparison", () => {
  it("lays the rows that differ side by side (column i = items[i]) and lists what all share", () => {
    const answer = comparison("en", 4);
    const card = renderAdaptiveCard(answer);
    const rows = elementsOf(card).filter((e): e is ColumnSet => e.type === "ColumnSet");
    const differ = answer.comparison.rows.filter(
      (r) => new Set(answer.items.map((_, i) => r.values[i] ?? "—")).size > 1,
    );
    expect(rows).toHaveLength(differ.length + 1);
    for (const row of rows) expect(row.columns).toHaveLength(TEAMS_LIMITS.maxColumns);
    const cell = (r: number, c: number) => {
      const item = rows[r]?.columns[c]?.items?.[0];
      return item?.type === "TextBlock" ? unescapeMd(item.text) : undefined;
    };
    answer.items.forEach((p, i) => {
      expect(cell(0, i + 1)).toBe(p.name);
      expect(cell(1, i + 1)).toBe(p.vendor);
    });
    const same = elementsOf(card).find((e) => e.type === "FactSet");
    expect(same?.type === "FactSet" && same.facts.map((f) => f.title)).toEqual(
      answer.comparison.rows.filter((r) => !differ.includes(r)).map((r) => r.label),
    );
    expect(card.msteams).toEqual({ width: "Full" });
    expect(
      submits(card)
        .map((a) => stateOf(a)?.request)
        .filter((r) => r?.type === "product"),
    ).toEqual(answer.items.map((p) => ({ type: "product", id: p.id, lang: "en" })));
  });
});

describe("hostile text", () => {
  for (const lang of LANGS) {
    it(`renders injected Markdown, mentions and date functions literally (${lang})`, () => {
      for (const answer of hostile(lang)) {
        for (const { card, page } of renderEveryPage(answer)) {
          const texts = markdownOf(card);
          const joined = texts.join("\n");
          // What a reader shows after unescaping contains the hostile text verbatim...
          if (page === 1) expect(texts.map(unescapeMd).join("\n")).toContain(HOSTILE);
          // ...and nothing in it is live markup.
          expect(joined).not.toMatch(/(?<!\\)\[click me(?<!\\)\]\(/);
          expect(joined).not.toMatch(/(?<!\\)<at>/);
          expect(joined).not.toMatch(/(?<!\\)\*\*bold/);
          expect(joined).not.toMatch(/(?<!\\)\{\{DATE/);
          expect(joined).not.toMatch(/(?<!\\)&lt;/);
          expect(joined).not.toMatch(/^#/m);
          expect(joined).not.toMatch(/(?<!\\)\]\(http:\/\/evil/);
          // The only live links are our own sources, with their targets percent-encoded.
          for (const m of joined.matchAll(/(?<!\\)\]\(([^)]*)\)/g))
            expect(m[1]).toMatch(/^https:\/\/example\.com\/[^\s()]*$/);
          for (const a of actionsOf(card))
            if (a.type === "Action.OpenUrl") expect(a.url).toMatch(/^https?:\/\//);
        }
      }
    });
  }
});

describe("size", () => {
  it("keeps the longest answers under both card budgets by shortening and paging", () => {
    let largest = { utf8: 0, utf16: 0 };
    for (const lang of LANGS) {
      for (const answer of oversized(lang)) {
        for (const { card, bytes, utf16 } of renderEveryPage(answer)) {
          expectValidTeamsCard(card, `${lang}/${answer.intent}`);
          largest = { utf8: Math.max(largest.utf8, bytes), utf16: Math.max(largest.utf16, utf16) };
        }
      }
    }
    expect(largest.utf8).toBeLessThanOrEqual(TEAMS_LIMITS.cardMaxBytes);
    expect(largest.utf16).toBeLessThanOrEqual(TEAMS_LIMITS.cardMaxUtf16Bytes);
    expect(TEAMS_LIMITS.cardMaxBytes).toBeLessThan(TEAMS_LIMITS.messageMaxBytes);
    expect(TEAMS_LIMITS.cardMaxUtf16Bytes).toBeLessThan(TEAMS_LIMITS.messageMaxUtf16Bytes);
  });

  it("keeps the message as sent, and the text fallback, under Teams' message limits", () => {
    for (const { answer } of allFixtureAnswers()) {
      const message = renderTeamsMessage(answer);
      const sent = JSON.stringify({
        type: "message",
        summary: message.summary,
        attachments: message.attachments,
      });
      expect(Buffer.byteLength(sent, "utf8")).toBeLessThan(TEAMS_LIMITS.messageMaxBytes - 2048);
      expect(Buffer.byteLength(sent, "utf16le")).toBeLessThan(TEAMS_LIMITS.messageMaxUtf16Bytes - 2048);
      expect(Buffer.byteLength(message.text, "utf8")).toBeLessThan(TEAMS_LIMITS.messageMaxBytes - 2048);
      expect(Buffer.byteLength(message.text, "utf16le")).toBeLessThan(
        TEAMS_LIMITS.messageMaxUtf16Bytes - 2048,
      );
    }
  });
});

describe("renderTeamsMessage", () => {
  it("returns the text fallback, a summary and one Adaptive Card attachment", () => {
    const answer = everyIntent("en")[0] as Answer;
    const message = renderTeamsMessage(answer);
    expect(message.text).toBe(md(renderText(answer)).replace(/\n/g, "\n\n"));
    expect(message.summary).toBe(answer.title);
    expect(message.attachments).toEqual([
      { contentType: "application/vnd.microsoft.card.adaptive", content: renderAdaptiveCard(answer) },
    ]);
    const hostileMessage = renderTeamsMessage(hostile("en")[0] as Answer);
    expect(hostileMessage.text).not.toMatch(/(?<!\\)\[click me/);
  });
});
