import { describe, expect, it } from "vitest";
import type { Answer, Intent } from "../../../src/core/answer.js";
import { loadCatalog } from "../../../src/core/catalog/load.js";
import { answer, respond } from "../../../src/core/engine.js";
import { decodeButtonState } from "../../../src/core/request-codec.js";
import { ACTION } from "../../../src/render/slack/actions.js";
import { renderSlackMessage } from "../../../src/render/slack/blocks.js";
import {
  interactiveElements,
  limitViolations,
  mrkdwnTexts,
  unescapedTokens,
} from "../../helpers/slack-blocks.js";

const catalog = loadCatalog("knowledge");

const QUESTIONS = [
  "help",
  "帮助",
  "What is EKS Anywhere?",
  "ACK One 是什么？",
  "Compare Rancher vs OpenShift",
  "对比 ACP、DCE、KubeSphere 和 Rancher",
  "Which options work fully air-gapped?",
  "哪些产品支持离线部署？",
  "What does Huawei offer?",
  "list the categories",
  "Pros and cons of multi-cloud container management software",
  "Which distributions do the Anywhere products recommend?",
  "other players",
  "容器平台有哪些",
  "xyzzy plugh",
  "<!channel> <@U123> <https://x|y> & compare",
];

/** Every page of a message, following More buttons. */
function pagesOf(a: Answer) {
  const pages = [renderSlackMessage(a, { shareable: true })];
  for (;;) {
    const next = pages.length + 1;
    const more = interactiveElements(pages[pages.length - 1]?.blocks ?? []).find(
      (e) => e.action_id.startsWith(ACTION.page) && decodeButtonState(e.value)?.page === next,
    );
    if (!more) return pages;
    pages.push(renderSlackMessage(a, { shareable: true, page: next }));
  }
}

const allowedLinks = [/^<https?:\/\/[^|>]+\|[^>]+>$/];

describe("the Slack renderer over the real engine and catalog", () => {
  const seen = new Set<Intent>();
  const check = (a: Answer) => {
    seen.add(a.intent);
    for (const m of pagesOf(a)) {
      expect(limitViolations(m.blocks)).toEqual([]);
      expect(unescapedTokens([...mrkdwnTexts(m.blocks), m.text], allowedLinks)).toEqual([]);
    }
  };

  it.each(QUESTIONS)("renders %j within every limit", (q) => check(answer(q, catalog)));

  it("renders every product, category and vendor, in both languages", () => {
    for (const lang of ["en", "zh"] as const) {
      for (const id of catalog.products.keys()) check(respond({ type: "product", id, lang }, catalog));
      for (const id of catalog.categories.keys()) check(respond({ type: "category", id, lang }, catalog));
      for (const id of catalog.vendors.keys()) check(respond({ type: "vendor", id, lang }, catalog));
      check(respond({ type: "categories", lang }, catalog));
      check(respond({ type: "help", lang }, catalog));
      const ids = [...catalog.products.keys()];
      for (let i = 0; i + 3 < ids.length; i += 4)
        check(respond({ type: "compare", ids: ids.slice(i, i + 4), lang }, catalog));
    }
  });

  it("reaches most intents, so the checks above are not vacuous", () => {
    for (const q of QUESTIONS) seen.add(answer(q, catalog).intent);
    expect(seen.size).toBeGreaterThanOrEqual(8);
  });

  it("keeps hostile question text escaped in the answer", () => {
    const a = answer("<!channel> what is <@U123>?", catalog);
    const m = renderSlackMessage(a);
    for (const t of mrkdwnTexts(m.blocks)) expect(t).not.toMatch(/<[!@#]/);
    expect(m.text).not.toMatch(/<[!@#]/);
  });
});
