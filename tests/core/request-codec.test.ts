import { describe, expect, it } from "vitest";
import type { Request } from "../../src/core/answer.js";
import { decodeButtonState, encodeButtonState, MAX_ENCODED_LENGTH } from "../../src/core/request-codec.js";

describe("button state codec", () => {
  it("round-trips every request kind with a page", () => {
    const requests: Request[] = [
      { type: "ask", q: "对比 Rancher 和 OpenShift" },
      { type: "product", id: "kubesphere", lang: "zh" },
      { type: "compare", ids: ["rancher", "redhat-openshift"], lang: "en" },
      { type: "category", id: "managed-kubernetes", lang: "en" },
      { type: "vendor", id: "huawei", lang: "zh" },
      { type: "topic", id: "anywhere", lang: "en" },
      { type: "categories", lang: "en" },
      { type: "help", lang: "zh" },
    ];
    for (const request of requests) {
      expect(decodeButtonState(encodeButtonState({ request, page: 3 }))).toEqual({ request, page: 3 });
      expect(decodeButtonState(encodeButtonState({ request }))).toEqual({ request });
    }
  });

  it("keeps a long question's state within the platform limit", () => {
    const encoded = encodeButtonState({ request: { type: "ask", q: "火".repeat(5000) }, page: 2 });
    expect(encoded.length).toBeLessThanOrEqual(MAX_ENCODED_LENGTH);
    expect(decodeButtonState(encoded)?.page).toBe(2);
  });

  it.each([
    ["not JSON", "{oops"],
    ["wrong type", JSON.stringify({ r: { type: "delete", id: "x", lang: "en" } })],
    ["bad id", JSON.stringify({ r: { type: "product", id: "../../etc/passwd", lang: "en" } })],
    ["bad lang", JSON.stringify({ r: { type: "product", id: "kubesphere", lang: "fr" } })],
    [
      "too many to compare",
      JSON.stringify({ r: { type: "compare", ids: ["a", "b", "c", "d", "e"], lang: "en" } }),
    ],
    ["null", "null"],
    ["number", 42],
    ["huge", "x".repeat(10_000)],
  ])("rejects %s", (_name, value) => {
    expect(decodeButtonState(value)).toBeUndefined();
  });

  it("drops a forged page number but keeps the request", () => {
    expect(decodeButtonState(JSON.stringify({ r: { type: "help", lang: "en" }, p: -4 }))).toEqual({
      request: { type: "help", lang: "en" },
    });
  });
});
