import type { Answer, ProductView } from "../../core/answer.js";
import { t } from "../strings.js";
import { actionSets, PICK_INPUT_ID, pickAndCompare, submit } from "./actions.js";
import { bulletList, comparisonBlock, type Detail, text } from "./blocks.js";
import { TEAMS_LIMITS } from "./limits.js";
import { clamp, fill, md } from "./text.js";
import type { CardElement } from "./types.js";

/** What page 1 shows for the intent besides title, summary, sections and the product list. */
export function intentBlocks(answer: Answer, detail: Detail, interactive: boolean): CardElement[] {
  const { lang } = answer;
  switch (answer.intent) {
    case "compare": {
      const shown = answer.items.slice(0, TEAMS_LIMITS.maxCompareProducts);
      // The engine's follow-ups usually offer each product's details already; add only the missing ones.
      const offered = new Set(
        answer.followUps.map((f) => (f.request.type === "product" ? f.request.id : "")),
      );
      const details = interactive
        ? shown
            .filter((p) => !offered.has(p.id))
            .map((p) => submit(`${t(lang, "details")}: ${p.name}`, { type: "product", id: p.id, lang }))
        : [];
      return [
        ...comparisonBlock(
          shown.map((p) => p.name),
          answer.comparison,
          detail,
        ),
        ...actionSets(details),
      ];
    }
    case "categories":
      return answer.categories.map((c) => ({
        type: "Container" as const,
        separator: true,
        spacing: "Medium" as const,
        items: [
          text(md(clamp(c.name, TEAMS_LIMITS.titleMaxChars)), { weight: "Bolder" }),
          text(md(clamp(c.summary, detail.itemSummaryMax))),
          text(md(fill(t(lang, "teamsProductCount"), { n: c.productCount })), {
            isSubtle: true,
            spacing: "None",
          }),
          ...(interactive
            ? actionSets([submit(t(lang, "teamsProducts"), { type: "category", id: c.id, lang })])
            : []),
        ],
      }));
    case "other-players":
      return answer.vendors.length === 0
        ? []
        : [
            text(
              bulletList(
                answer.vendors.map((v) => (v.note ? `${v.name}: ${v.note}` : v.name)),
                TEAMS_LIMITS.maxBulletsPerSection * 2,
                detail.bulletMax,
              ),
            ),
          ];
    case "help":
      return answer.examples.length === 0
        ? []
        : [
            text(md(t(lang, "tryAsking")), { weight: "Bolder", spacing: "Medium" }),
            ...(interactive
              ? actionSets(answer.examples.map((q) => submit(q, { type: "ask", q })))
              : [text(bulletList(answer.examples, detail.maxBullets * 2, detail.bulletMax))]),
          ];
    case "clarify":
      return interactive ? actionSets(answer.options.map((s) => submit(s.label, s.request))) : [];
    case "not-found":
      return interactive ? actionSets(answer.suggestions.map((s) => submit(s.label, s.request))) : [];
    default:
      return [];
  }
}

/** A multi-select of the page's products and a Compare button: Teams posts the picks with the data. */
export function comparePicker(answer: Answer, items: readonly ProductView[]): CardElement[] {
  return [
    {
      type: "Input.ChoiceSet",
      id: PICK_INPUT_ID,
      label: t(answer.lang, "teamsPickToCompare"),
      isMultiSelect: true,
      choices: items.map((p) => ({
        title: clamp(p.name, TEAMS_LIMITS.actionTitleMaxChars * 2),
        value: p.id,
      })),
    },
    ...actionSets([pickAndCompare(t(answer.lang, "compare"), answer.lang)]),
  ];
}
