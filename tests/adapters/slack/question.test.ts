import { describe, expect, it } from "vitest";
import { guessLang, helpLanguage, questionFromSlack } from "../../../src/adapters/slack/question.js";

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
