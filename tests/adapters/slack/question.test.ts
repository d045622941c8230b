import { describe, expect, it } from "vitest";
import {
  guessLang,
  helpLanguage,
  MAX_QUESTION_CHARS,
  questionFromSlack,
} from "../../../src/adapters/slack/question.js";

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

describe("guessLang", () => {
  it("is Chinese when the text has Han characters", () => {
    expect(guessLang("ACK One 是什么")).toBe("zh");
    expect(guessLang("what is ACK One")).toBe("en");
  });
});
