import { describe, expect, it } from "vitest";
import type { Answer, CategoriesAnswer } from "../../../src/core/answer.js";
import {
  categoryResult,
  extensionMessage,
  extensionResults,
  productResult,
} from "../../../src/render/teams/extension.js";
import { TEAMS_LIMITS } from "../../../src/render/teams/limits.js";
import { renderWelcomeCard } from "../../../src/render/teams/welcome.js";
import { everyIntent, HOSTILE, hostile, longList, product } from "../../fixtures/teams-answers.js";
import { actionsOf } from "../../helpers/teams-cards.js";
import { expectValidTeamsCard } from "../../helpers/teams-render.js";

describe("message extension results", () => {
  it("pairs a hero-card preview with a static Adaptive Card", () => {
    const detail = everyIntent("en")[0] as Answer;
    const result = productResult(product(1, "en"), detail);
    expect(result.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(result.preview).toEqual({
      contentType: "application/vnd.microsoft.card.hero",
      content: {
        title: "Product 1",
        subtitle: "Vendor 1 · Software you run",
        text: expect.stringContaining("enterprise Kubernetes"),
      },
    });
    expectValidTeamsCard(result.content, "product result");
    expect(actionsOf(result.content).every((a) => a.type === "Action.OpenUrl")).toBe(true);
  });

  it("previews categories with their product count, in the answer's language", () => {
    const categories = everyIntent("zh").find((a): a is CategoriesAnswer => a.intent === "categories");
    const c = categories?.categories[0];
    if (!c) throw new Error("fixture has categories");
    const result = categoryResult(c, "zh", longList("zh"));
    expect(result.preview.content.subtitle).toBe(`${c.productCount} 个产品`);
    expectValidTeamsCard(result.content, "category result");
  });

  it("neutralises hostile text in previews", () => {
    const evil = hostile("en")[0] as Answer;
    const result = productResult(evil.items[0] as Answer["items"][0], evil);
    expect(result.preview.content.title).not.toMatch(/<at>|(?<!\\)\[click/);
    expect(result.preview.content.title).toContain("&lt;at&gt;");
    expect(JSON.stringify(result.preview)).not.toContain(HOSTILE);
  });

  it("answers in list layout, at most the results Teams asks for", () => {
    const detail = everyIntent("en")[0] as Answer;
    const many = Array.from({ length: 40 }, (_, i) => productResult(product(i, "en"), detail));
    const response = extensionResults(many);
    expect(response.composeExtension).toMatchObject({ type: "result", attachmentLayout: "list" });
    expect("attachments" in response.composeExtension && response.composeExtension.attachments).toHaveLength(
      TEAMS_LIMITS.extensionMaxResults,
    );
    expect(extensionMessage("x")).toEqual({ composeExtension: { type: "message", text: "x" } });
  });
});

describe("welcome card", () => {
  it("greets in both languages with example questions as buttons", () => {
    const card = renderWelcomeCard({
      en: ["What is KubeSphere?", "Compare ACP and DCE"],
      zh: ["列出所有类别"],
    });
    expectValidTeamsCard(card, "welcome");
    const text = JSON.stringify(card);
    expect(text).toContain("Ask in English or Chinese");
    expect(text).toContain("用中文或英文提问");
    expect(actionsOf(card).map((a) => a.title)).toEqual([
      "What is KubeSphere?",
      "Compare ACP and DCE",
      "列出所有类别",
    ]);
    expectValidTeamsCard(renderWelcomeCard({ en: [], zh: [] }), "welcome without examples");
  });
});
