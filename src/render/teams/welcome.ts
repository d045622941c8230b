import type { Lang } from "../../core/answer.js";
import { t } from "../strings.js";
import { actionSets, submit } from "./actions.js";
import { heading, text } from "./blocks.js";
import { TEAMS_LIMITS } from "./limits.js";
import { md } from "./text.js";
import type { AdaptiveCard, CardElement } from "./types.js";

/**
 * The card sent when the bot is added to a personal chat. Nobody has asked anything yet, so it
 * speaks both languages; the examples come from the engine's help answers (one source of truth).
 */
export function renderWelcomeCard(examples: Readonly<Record<Lang, readonly string[]>>): AdaptiveCard {
  const group = (lang: Lang, titleKey: "teamsExamplesEn" | "teamsExamplesZh"): CardElement[] => {
    const qs = examples[lang].slice(0, TEAMS_LIMITS.maxActionsPerSet);
    if (qs.length === 0) return [];
    return [
      text(md(`${t("en", titleKey)} · ${t("zh", titleKey)}`), { weight: "Bolder", spacing: "Medium" }),
      ...actionSets(qs.map((q) => submit(q, { type: "ask", q }))),
    ];
  };
  return {
    type: "AdaptiveCard",
    $schema: TEAMS_LIMITS.schemaUrl,
    version: TEAMS_LIMITS.schemaVersion,
    fallbackText: `${t("en", "teamsWelcomeTitle")}\n${t("zh", "teamsWelcomeTitle")}`,
    body: [
      heading(t("en", "teamsWelcomeTitle")),
      text(md(t("en", "teamsWelcomeBody"))),
      heading(t("zh", "teamsWelcomeTitle")),
      text(md(t("zh", "teamsWelcomeBody"))),
      ...group("en", "teamsExamplesEn"),
      ...group("zh", "teamsExamplesZh"),
    ],
  };
}
