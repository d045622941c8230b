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
} as const;

export type ActionName = keyof typeof ACTION;

export const actionId = (name: ActionName, index?: number): string =>
  index === undefined ? ACTION[name] : `${ACTION[name]}:${index}`;

export const actionPattern = (name: ActionName): RegExp => new RegExp(`^${ACTION[name]}(?::\\d+)?$`);

/** block_id of the "Asked by" line: paging a shared message reads the asker back from it, so no session is needed. */
export const ASKED_BY_BLOCK = "paas_asked_by";
