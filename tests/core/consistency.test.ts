// The whole catalog, checked for consistency: no shown attribute contradicts the product's own facts
// and notes, every "yes" has a public source, every user-facing string is meant for users, and the
// first line of a yes/no answer, the product card and the comparison table say the same thing.
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/core/answer.js";
import { loadCatalog } from "../../src/core/catalog/load.js";
import {
  EDITOR_PATTERNS,
  isPublic,
  qualityProblems,
  userFacingStrings,
} from "../../src/core/catalog/quality.js";
import { compareAnswer } from "../../src/core/compose/compare.js";
import { Ctx } from "../../src/core/compose/context.js";
import { productAnswer } from "../../src/core/compose/products.js";
import { attributeValue, levelLabel } from "../../src/core/facts.js";
import { profileOf } from "../../src/core/profile.js";
import { airGappedLabel } from "../../src/core/views.js";
import { vocabularyOf } from "../../src/core/vocabulary/load.js";

const catalog = loadCatalog("knowledge");
const ATTRIBUTES = [...new Set([...vocabularyOf(catalog).attributes.keys(), "domestic", "xinchuang"])];
const products = [...catalog.products.values()];
const langs: Lang[] = ["en", "zh"];

/** Words that say evidence is missing: a value whose reason says so cannot be a plain "yes". */
const MISSING =
  /\bno\b[^.;]*\b(was|were|is) (found|documented|confirmed)\b|\bnot (found|documented|confirmed|verified)\b|\bunconfirmed\b|未找到|未证实|未见|无法确认|无法核实/i;

const allText = (id: string) => {
  const p = catalog.products.get(id);
  if (!p) return "";
  return [p.summary.en, ...p.facts.map((f) => f.text.en), ...p.traits.map((t) => t.note?.en ?? "")].join(
    " \n",
  );
};

describe("catalog consistency", () => {
  it("passes the editorial checks of knowledge:check", () => {
    expect(qualityProblems(catalog)).toEqual([]);
  });

  it("shows users only strings meant for them", () => {
    for (const { where, text } of userFacingStrings(catalog))
      for (const re of EDITOR_PATTERNS) expect(re.test(text), `${where}: ${text}`).toBe(false);
  });

  it("cites only sources users can open, and no internal file", () => {
    for (const s of catalog.sources.values()) {
      expect(isPublic(s), s.id).toBe(true);
      expect(`${s.title} ${s.url ?? ""} ${s.locator ?? ""}`, s.id).not.toMatch(/NOTES\.md|shared\/reference/);
    }
  });

  it("backs every shown value with public sources, and never says 'yes' where its own reason says evidence is missing", () => {
    for (const p of products)
      for (const attr of ATTRIBUTES) {
        const v = attributeValue(catalog, p.id, attr);
        if (!v) continue;
        const where = `${p.id} ${attr}`;
        expect(v.sources.length, where).toBeGreaterThan(0);
        for (const id of v.sources) {
          const s = catalog.sources.get(id);
          expect(s, `${where}: unknown source ${id}`).toBeDefined();
          if (s) expect(isPublic(s), `${where}: ${id}`).toBe(true);
        }
        if (v.level === "yes" && !v.editions) expect(v.reason?.en ?? "", where).not.toMatch(MISSING);
        if (v.level === "unconfirmed") expect(v.asOf, where).toBeDefined();
      }
  });

  it("never contradicts a product's own facts", () => {
    for (const p of products) {
      const text = allText(p.id);
      const level = (attr: string) => attributeValue(catalog, p.id, attr)?.level;
      // Its facts say it is not for fully air-gapped sites: the air-gap value cannot be yes.
      if (/not (an option )?for fully air-gapped|no fully air-gapped mode|not for disconnected/i.test(text))
        expect(level("air-gapped"), p.id).not.toBe("yes");
      // One cluster spanning cloud and on-premises is not multi-cluster management.
      if (/\bONE cluster\b|without multi-cluster management/.test(text))
        expect(level("multi-cluster"), p.id).not.toBe("yes");
      // Self-managed software on your own hardware: the vendor provides no compute.
      if (
        p.traits.some((t) => t.trait === "self-managed") &&
        !p.categories.some((c) => c.startsWith("managed-"))
      )
        expect(level("vendor-compute"), p.id).not.toBe("yes");
      if (p.traits.some((t) => t.trait === "self-managed") && level("vendor-compute") === "yes")
        throw new Error(`${p.id}: self-managed but 'vendor compute: yes'`);
    }
  });

  it("makes the first line of a yes/no answer agree with the value (never 'Yes' for an unconfirmed one)", () => {
    for (const p of products)
      for (const attr of ATTRIBUTES)
        for (const lang of langs) {
          const v = attributeValue(catalog, p.id, attr);
          const ctx = new Ctx(catalog, lang, { type: "product", id: p.id, lang });
          const a = productAnswer(ctx, [p.id], false, { attributes: [attr] });
          const where = `${p.id} ${attr} ${lang}: ${a.summary.slice(0, 160)}`;
          if (!v) {
            expect(a.summary.startsWith(lang === "zh" ? "未知" : "Unknown"), where).toBe(true);
            continue;
          }
          const label = levelLabel(catalog, lang, v.level);
          if (attr === "air-gapped" && lang === "en" && v.level !== "unconfirmed")
            expect(a.summary, where).toContain(`? ${label}.`);
          else expect(a.summary.startsWith(label), where).toBe(true);
          if (v.level === "unconfirmed") expect(a.summary, where).not.toMatch(/^(Yes|是)\b/);
        }
  });

  it("shows the same level on the product card and in comparison rows", () => {
    for (const p of products)
      for (const lang of langs) {
        const profile = profileOf(catalog, p.id);
        if (!profile) throw new Error(p.id);
        const v = attributeValue(catalog, p.id, "air-gapped");
        const label = airGappedLabel(profile, lang, catalog);
        if (v?.level === "unconfirmed")
          expect(label, p.id).toMatch(lang === "zh" ? /^未证实/ : /^Unconfirmed/);
        else if (v)
          expect(label.startsWith(levelLabel(catalog, lang, v.level)), `${p.id}: ${label}`).toBe(true);
        const ctx = new Ctx(catalog, lang, { type: "compare", ids: [p.id], lang });
        const table = compareAnswer(ctx, [p.id]);
        if (table.intent !== "compare") throw new Error("not a comparison");
        const row = table.comparison.rows.find(
          (r) => r.label === (lang === "zh" ? "全内网（离线）" : "Air-gapped"),
        );
        expect(row?.values[0], p.id).toBe(
          v ? levelLabel(catalog, lang, v.level) : levelLabel(catalog, lang, "unknown"),
        );
      }
  });
});
