import { describe, expect, it } from "vitest";
import { helpLanguage, MAX_QUESTION_CHARS, questionFromSlack } from "../../../src/adapters/slack/question.js";
import { languageOf } from "../../../src/core/normalize.js";

describe("questionFromSlack", () => {
  it("drops the bot's mention and keeps the question", () => {
    expect(questionFromSlack("<@UBOT001> compare ACP and DCE", "UBOT001")).toBe("compare ACP and DCE");
    expect(questionFromSlack("what about <@UBOT001|paas-bot>  DCE?", "UBOT001")).toBe("what about DCE?");
  });

  it("turns Slack's tokens and entities back into what was typed", () => {
    expect(
      questionFromSlack(
        "<@U123> said &lt;b&gt; &amp; <!channel> in <#C1|general> see <https://x.example|x>",
        "UBOT",
      ),
    ).toBe("@U123 said <b> & @channel in #general see x");
    expect(questionFromSlack("<https://x.example>")).toBe("https://x.example");
    expect(questionFromSlack(undefined)).toBe("");
  });

  it("cuts long text before parsing it: 40,000 '<' or letters give at most MAX_QUESTION_CHARS", () => {
    for (const text of ["<".repeat(40_000), "a".repeat(40_000), "<@U1|".repeat(10_000)]) {
      expect(questionFromSlack(text).length).toBeLessThanOrEqual(MAX_QUESTION_CHARS);
    }
  });

  it("never lets a token run over a '<' (what made a failed match rescan the rest of the text)", () => {
    expect(questionFromSlack("<<https://x.example|x>")).toBe("<x");
    expect(questionFromSlack("<<<@U123>")).toBe("<<@U123");
    expect(questionFromSlack("a <b <c>")).toBe("a <b c");
  });
});

describe("helpLanguage", () => {
  it("recognises an empty command and help in both languages", () => {
    expect(helpLanguage("")).toBe("en");
    expect(helpLanguage(" HELP ")).toBe("en");
    expect(helpLanguage("帮助")).toBe("zh");
    expect(helpLanguage("help me compare")).toBeUndefined();
  });
});

describe("languageOf (the core's one detector, which the adapters use)", () => {
  it("is Chinese when the words are mostly Han, English otherwise", () => {
    expect(languageOf("ACK One 是什么")).toBe("zh");
    expect(languageOf("对比 Rancher 和 OpenShift")).toBe("zh");
    expect(languageOf("what is ACK One")).toBe("en");
    expect(languageOf("what does 灵雀云 offer for air-gapped banks?")).toBe("en");
  });
  it("answers Japanese (kana) in English", () => {
    expect(languageOf("オープンシフトは何ですか")).toBe("en");
    expect(languageOf("東京のコンテナ基盤", "zh")).toBe("en");
  });
  it("falls back (to a locale's language) when there are no letters", () => {
    expect(languageOf("", "zh")).toBe("zh");
    expect(languageOf("??? 👍 123", "zh")).toBe("zh");
    expect(languageOf("???")).toBe("en");
  });
});
