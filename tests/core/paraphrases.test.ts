import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answer } from "../../src/core/engine.js";
import { renderText } from "../../src/render/text/index.js";

const catalog = loadCatalog("knowledge");

interface Case {
  id: string;
  q: string;
  /** Ids a right answer lists; `allow` may appear too; anything else is wrong. */
  expect: string[];
  allow: string[];
  top?: string;
  /** Each group needs one of its strings in the answer's text. */
  mentions?: string[][];
}

// Our own rewordings of how people ask (lists, look-ups, negation, exclusion, unknown names, choices, yes/no,
// origin), scored like the shared samples: every expected id, nothing outside expect + allow.
const CASES: Case[] = readFileSync("tests/fixtures/paraphrases.jsonl", "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);

describe("paraphrases of the ways people ask", () => {
  it.each(CASES)("$id: $q", (c) => {
    const a = answer(c.q, catalog);
    const ids = a.items.map((i) => i.id);
    for (const id of c.expect) expect(ids, "missing").toContain(id);
    const allowed = new Set([...c.expect, ...c.allow]);
    expect(
      ids.filter((id) => !allowed.has(id)),
      "extra",
    ).toEqual([]);
    if (c.top) expect(ids[0]).toBe(c.top);
    const text = renderText(a).toLowerCase();
    for (const group of c.mentions ?? [])
      expect(
        group.some((m) => text.includes(m.toLowerCase())),
        group.join("|"),
      ).toBe(true);
  });
});
