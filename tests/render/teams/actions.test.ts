import { describe, expect, it } from "vitest";
import { actionSets, openUrl, readSubmitValue, submit } from "../../../src/render/teams/actions.js";
import { TEAMS_LIMITS } from "../../../src/render/teams/limits.js";

describe("Submit data", () => {
  it("carries the request (and page) in decodable object form", () => {
    const a = submit("More", { type: "category", id: "software-container-platform", lang: "zh" }, 3);
    expect(a.data).toEqual({
      paas: { r: { type: "category", id: "software-container-platform", lang: "zh" }, p: 3 },
    });
    expect(readSubmitValue(a.data)).toEqual({
      kind: "state",
      state: { request: { type: "category", id: "software-container-platform", lang: "zh" }, page: 3 },
    });
    expect(submit("x", { type: "help", lang: "en" }, 1).data).toEqual({
      paas: { r: { type: "help", lang: "en" } },
    });
  });

  it("shortens an over-long question instead of producing a value the codec rejects", () => {
    const a = submit("Ask", { type: "ask", q: "q".repeat(5000) });
    expect(JSON.stringify(a.data).length).toBeLessThan(2100);
    expect(readSubmitValue(a.data).kind).toBe("state");
    expect(a.title).toBe("Ask");
    expect(submit("t".repeat(100), { type: "help", lang: "en" }).title).toHaveLength(
      TEAMS_LIMITS.actionTitleMaxChars,
    );
  });

  it("reads the compare picker: 2–4 distinct ids, else asks for more", () => {
    const pick = (ids: string) => readSubmitValue({ paasCompare: { lang: "en" }, paasPick: ids });
    expect(pick("a-1,b-2")).toEqual({
      kind: "state",
      state: { request: { type: "compare", ids: ["a-1", "b-2"], lang: "en" } },
    });
    expect(pick("a-1,a-1")).toEqual({ kind: "pick-incomplete", lang: "en" });
    expect(pick("")).toEqual({ kind: "pick-incomplete", lang: "en" });
    expect(pick("a,b,c,d,e")).toEqual({ kind: "pick-incomplete", lang: "en" });
    expect(pick("a,B C")).toEqual({ kind: "invalid" });
  });

  it("rejects anything forged", () => {
    for (const v of [
      undefined,
      null,
      1,
      "x",
      [],
      {},
      { paas: 1 },
      { paas: { r: { type: "rm -rf" } } },
      { paasCompare: { lang: "fr" }, paasPick: "a,b" },
    ])
      expect(readSubmitValue(v)).toEqual({ kind: "invalid" });
  });
});

describe("action sets", () => {
  it("drops missing actions and splits at the host's per-set limit", () => {
    const many = Array.from({ length: 12 }, (_, i) => submit(`q${i}`, { type: "ask", q: `q${i}` }));
    const sets = actionSets([...many, undefined, openUrl("x", "javascript:1")]);
    expect(sets.map((s) => s.actions.length)).toEqual([5, 5, 2]);
  });
});
