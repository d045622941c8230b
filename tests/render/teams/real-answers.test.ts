import { beforeAll, describe, expect, it } from "vitest";
import { type Answer, INTENTS, type Lang, type Request } from "../../../src/core/answer.js";
import type { Catalog } from "../../../src/core/catalog/catalog.js";
import { loadCatalog } from "../../../src/core/catalog/load.js";
import { answer, respond } from "../../../src/core/engine.js";
import { readSubmitValue } from "../../../src/render/teams/actions.js";
import { TEAMS_LIMITS } from "../../../src/render/teams/limits.js";
import { renderWelcomeCard } from "../../../src/render/teams/welcome.js";
import { actionsOf } from "../../helpers/teams-cards.js";
import { expectValidTeamsCard, renderEveryPage } from "../../helpers/teams-render.js";

const LANGS: Lang[] = ["en", "zh"];
const QUESTIONS = [
  "What is KubeSphere?",
  "compare ACP and DCE",
  "Which products work air-gapped?",
  "managed multi-cloud container platforms",
  "What does Huawei sell?",
  "other players",
  "distributions",
  "frobnicator",
  "",
  "[x](http://evil) **b** <at>Bot</at>",
  "哪些方案支持全内网部署？",
  "对比 Rancher 和 OpenShift",
  "列出所有类别",
  "灵雀云 ACP 是什么",
  "其他玩家有哪些？",
  "What is the Anywhere idea?",
  "Anywhere 是什么",
  "Anywhere 产品推荐哪些发行版",
  "where does the data come from?",
  "数据来源",
];

let catalog: Catalog;
let answers: { name: string; answer: Answer }[];

beforeAll(() => {
  catalog = loadCatalog("knowledge");
  const requests: Request[] = [];
  const products = [...catalog.products.keys()];
  for (const lang of LANGS) {
    requests.push(
      { type: "categories", lang },
      { type: "help", lang },
      { type: "product", id: "no-such-product", lang },
    );
    for (const id of products) requests.push({ type: "product", id, lang });
    for (const id of catalog.categories.keys()) requests.push({ type: "category", id, lang });
    for (const id of catalog.vendors.keys()) requests.push({ type: "vendor", id, lang });
    for (const id of catalog.topics.keys()) requests.push({ type: "topic", id, lang });
    for (let i = 0; i + 4 <= products.length; i += 3)
      requests.push({ type: "compare", ids: products.slice(i, i + 4), lang });
    for (let i = 0; i + 2 <= products.length; i += 5)
      requests.push({ type: "compare", ids: products.slice(i, i + 2), lang });
  }
  const examples = LANGS.flatMap((lang) => {
    const help = respond({ type: "help", lang }, catalog);
    return help.intent === "help" ? help.examples : [];
  });
  answers = [
    ...requests.map((r) => ({ name: JSON.stringify(r), answer: respond(r, catalog) })),
    ...[...QUESTIONS, ...examples].map((q) => ({ name: q, answer: answer(q, catalog) })),
  ];
});

describe("cards for the real catalog and engine", () => {
  it("every page of every answer parses in adaptivecards 1.5 with no event and fits", () => {
    let largest = { bytes: 0, utf16: 0, name: "" };
    let cards = 0;
    for (const { name, answer: a } of answers) {
      for (const { card, page, bytes, utf16, interactive } of renderEveryPage(a)) {
        expectValidTeamsCard(card, `${name} page ${page}${interactive ? "" : " (static)"}`);
        for (const action of actionsOf(card)) {
          if (action.type === "Action.Submit")
            expect(["state", "feedback"]).toContain(
              readSubmitValue({ ...action.data, paasPick: "a,b" }).kind,
            );
        }
        if (utf16 > largest.utf16) largest = { bytes, utf16, name: `${name} page ${page}` };
        cards++;
      }
    }
    expect(cards).toBeGreaterThan(answers.length);
    expect(largest.bytes).toBeLessThanOrEqual(TEAMS_LIMITS.cardMaxBytes);
    expect(largest.utf16).toBeLessThanOrEqual(TEAMS_LIMITS.cardMaxUtf16Bytes);
    console.info(
      `teams cards: ${cards} rendered from ${answers.length} answers; largest ${largest.bytes} B UTF-8 / ${largest.utf16} B UTF-16 (${largest.name})`,
    );
  });

  it("covers the intents the engine produces in both languages", () => {
    const seen = new Set(answers.map((a) => `${a.answer.lang}/${a.answer.intent}`));
    // "clarify" needs the engine's asking back (being built); the fixture cards cover it meanwhile.
    const produced = INTENTS.filter((i) => i !== "clarify");
    for (const lang of LANGS)
      for (const intent of produced) expect(seen, `${lang}/${intent}`).toContain(`${lang}/${intent}`);
  });

  it("welcome card uses the engine's examples in both languages", () => {
    const examples = (lang: Lang) => {
      const help = respond({ type: "help", lang }, catalog);
      return help.intent === "help" ? help.examples : [];
    };
    const card = renderWelcomeCard({ en: examples("en"), zh: examples("zh") });
    expectValidTeamsCard(card, "welcome");
    const asks = actionsOf(card).map((a) =>
      a.type === "Action.Submit" ? readSubmitValue(a.data) : undefined,
    );
    expect(asks.length).toBeGreaterThanOrEqual(4);
    for (const a of asks) expect(a).toMatchObject({ kind: "state", state: { request: { type: "ask" } } });
  });
});
