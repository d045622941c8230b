import type { Lang, Request } from "../../core/answer.js";

/**
 * Every action_id the Slack renderer emits. The adapter registers one listener per entry, and a test checks
 * that every button in every rendered message matches exactly one of them, so no button is ever dead.
 * Slack wants action_ids unique within a block, so repeated buttons get a `:<n>` suffix.
 */
export const ACTION = {
  details: "paas_details",
  compareWith: "paas_compare_with",
  comparePick: "paas_compare_pick",
  compareAll: "paas_compare_all",
  followUp: "paas_follow_up",
  category: "paas_category",
  vendor: "paas_vendor",
  example: "paas_example",
  page: "paas_page",
  share: "paas_share",
  site: "paas_site",
  homeLang: "paas_home_lang",
  /** 👍 / 👎: the value is a feedback value (`encodeFeedbackValue`), not a request. */
  feedbackUp: "paas_fb_up",
  feedbackDown: "paas_fb_down",
} as const;

export type ActionName = keyof typeof ACTION;

export const actionId = (name: ActionName, index?: number): string =>
  index === undefined ? ACTION[name] : `${ACTION[name]}:${index}`;

export const actionPattern = (name: ActionName): RegExp => new RegExp(`^${ACTION[name]}(?::\\d+)?$`);

/** block_id of the "Asked by" line: paging a shared message reads the asker back from it, so no session is needed. */
export const ASKED_BY_BLOCK = "paas_asked_by";

/**
 * A menu option's value (at most 75 characters, too short for an encoded request): "product:<id>:<lang>",
 * likewise for a category or vendor. `readMenuValue` turns it back into the request it opens.
 */
export function menuValue(request: Request): string | undefined {
  if (request.type !== "product" && request.type !== "category" && request.type !== "vendor")
    return undefined;
  return `${request.type}:${request.id}:${request.lang}`;
}

export function readMenuValue(value: unknown): Request | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(product|category|vendor):([a-z0-9-]{1,64}):(en|zh)$/.exec(value);
  if (!m) return undefined;
  return { type: m[1] as "product" | "category" | "vendor", id: m[2] as string, lang: m[3] as Lang };
}
