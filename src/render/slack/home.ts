import type { Lang } from "../../core/answer.js";
import type { Catalog } from "../../core/catalog/catalog.js";
import { encodeButtonState } from "../../core/request-codec.js";
import { t } from "../strings.js";
import { actionId } from "./actions.js";
import { actionRows, header, mrkdwn, plain, sections, stateButton } from "./elements.js";
import { LIMITS } from "./limits.js";
import { escapeMrkdwn, truncateMrkdwn } from "./mrkdwn.js";
import type { HomeView, KnownBlock } from "./types.js";

export interface HomeData {
  categories: {
    id: string;
    name: Record<Lang, string>;
    summary: Record<Lang, string>;
    productCount: number;
  }[];
  /** Example questions per language, clickable on the Home tab. */
  examples: Record<Lang, readonly string[]>;
}

const MAX_CATEGORIES = 40;
const MAX_EXAMPLES = 10;
const CATEGORY_SUMMARY = 300;

export function homeDataFromCatalog(catalog: Catalog, examples: Record<Lang, readonly string[]>): HomeData {
  const products = [...catalog.products.values()];
  const categories = [...catalog.categories.values()]
    .sort((a, b) => a.order - b.order)
    .map((c) => ({
      id: c.id,
      name: c.name,
      summary: c.definition,
      productCount: products.filter((p) => p.categories.includes(c.id)).length,
    }));
  return { categories, examples };
}

/** The App Home tab: what the bot does, how to ask, the categories as buttons, examples in both languages. */
export function renderHomeView(lang: Lang = "en", data: HomeData): HomeView {
  const other: Lang = lang === "en" ? "zh" : "en";
  const switchButton = {
    type: "button" as const,
    action_id: actionId("homeLang"),
    text: plain(t(lang, "slackSwitchLanguage"), LIMITS.buttonText),
    value: encodeButtonState({ request: { type: "help", lang: other } }),
  };
  const blocks: KnownBlock[] = [
    header(t(lang, "slackHomeTitle")),
    { type: "actions", elements: [switchButton] },
    ...sections(escapeMrkdwn(t(lang, "slackHomeIntro"))),
    ...sections(escapeMrkdwn(t(lang, "slackHomeHowTo"))),
    { type: "divider" },
    ...sections(`*${escapeMrkdwn(t(lang, "slackHomeCategories"))}*`),
  ];
  data.categories.slice(0, MAX_CATEGORIES).forEach((c, i) => {
    const button = stateButton("category", i, t(lang, "details"), {
      request: { type: "category", id: c.id, lang },
    });
    const text = `*${escapeMrkdwn(c.name[lang])}* (${c.productCount} ${escapeMrkdwn(t(lang, "slackProducts"))})\n${truncateMrkdwn(escapeMrkdwn(c.summary[lang]), CATEGORY_SUMMARY)}`;
    blocks.push(
      button
        ? { type: "section", text: mrkdwn(text, LIMITS.sectionText), accessory: button }
        : { type: "section", text: mrkdwn(text, LIMITS.sectionText) },
    );
  });
  blocks.push({ type: "divider" });
  const exampleBlocks = (title: string, examples: readonly string[], base: number): KnownBlock[] =>
    examples.length === 0
      ? []
      : [
          ...sections(`*${escapeMrkdwn(title)}*`),
          ...actionRows(
            examples
              .slice(0, MAX_EXAMPLES)
              .map((q, i) => stateButton("example", base + i, q, { request: { type: "ask", q } })),
          ),
        ];
  blocks.push(...exampleBlocks(t(lang, "slackHomeExamplesEn"), data.examples.en, 0));
  blocks.push(...exampleBlocks(t(lang, "slackHomeExamplesZh"), data.examples.zh, 100));
  return { type: "home", blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
