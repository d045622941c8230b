import type { Answer, Lang, ProductView } from "../../core/answer.js";
import { t } from "../strings.js";
import { renderAdaptiveCard } from "./card.js";
import { TEAMS_LIMITS } from "./limits.js";
import { clamp, fill, heroText } from "./text.js";
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCard,
  HERO_CARD_CONTENT_TYPE,
  type HeroCard,
  type HeroCardAttachment,
} from "./types.js";

/** One message-extension result: what the list shows (a hero card) and what gets inserted (an Adaptive Card). */
export interface ExtensionAttachment {
  contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  content: AdaptiveCard;
  preview: HeroCardAttachment;
}

/** The synchronous invoke body Teams expects for `composeExtension/query`. */
export type ExtensionResponse =
  | { composeExtension: { type: "result"; attachmentLayout: "list"; attachments: ExtensionAttachment[] } }
  | { composeExtension: { type: "message"; text: string } };

const preview = (card: HeroCard): HeroCardAttachment => ({
  contentType: HERO_CARD_CONTENT_TYPE,
  content: card,
});

/**
 * The inserted card is static (no buttons back to the bot): it is posted by the user into a
 * conversation where the bot may not be installed, so a click could reach nobody.
 */
const insertable = (detail: Answer): AdaptiveCard => renderAdaptiveCard(detail, { interactive: false });

export function productResult(product: ProductView, detail: Answer): ExtensionAttachment {
  const subtitle = [product.vendor, product.deliveryLabel].filter(Boolean).join(" · ");
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: insertable(detail),
    preview: preview({
      title: heroText(clamp(product.name, TEAMS_LIMITS.titleMaxChars)),
      subtitle: heroText(clamp(subtitle, TEAMS_LIMITS.previewTextMaxChars)),
      text: heroText(clamp(product.summary, TEAMS_LIMITS.previewTextMaxChars)),
    }),
  };
}

export function categoryResult(
  category: { name: string; summary: string; productCount: number },
  lang: Lang,
  detail: Answer,
): ExtensionAttachment {
  return {
    contentType: ADAPTIVE_CARD_CONTENT_TYPE,
    content: insertable(detail),
    preview: preview({
      title: heroText(clamp(category.name, TEAMS_LIMITS.titleMaxChars)),
      subtitle: heroText(fill(t(lang, "teamsProductCount"), { n: category.productCount })),
      text: heroText(clamp(category.summary, TEAMS_LIMITS.previewTextMaxChars)),
    }),
  };
}

export function extensionResults(attachments: ExtensionAttachment[]): ExtensionResponse {
  return {
    composeExtension: {
      type: "result",
      attachmentLayout: "list",
      attachments: attachments.slice(0, TEAMS_LIMITS.extensionMaxResults),
    },
  };
}

export function extensionMessage(text: string): ExtensionResponse {
  return { composeExtension: { type: "message", text } };
}
