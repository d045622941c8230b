import type { Lang, Request } from "../../core/answer.js";
import { type FeedbackVote, isFeedbackData, readFeedbackData } from "../../core/feedback-codec.js";
import { type ButtonState, decodeButtonState, encodeButtonState } from "../../core/request-codec.js";
import { TEAMS_LIMITS } from "./limits.js";
import { clamp, safeUrl } from "./text.js";
import type { ActionSet, CardAction, OpenUrlAction, SubmitAction } from "./types.js";

/**
 * Action.Submit data shapes. Teams posts `data` back as the message `value`, merged with the
 * values of the card's inputs, so our keys are namespaced to stay clear of Teams' own `msteams`.
 */
export const STATE_KEY = "paas";
export const PICK_ACTION_KEY = "paasCompare";
export const PICK_INPUT_ID = "paasPick";
/** "Details" under a list's menu: shows the first picked product (or category, vendor). */
export const DETAILS_ACTION_KEY = "paasDetails";

/** Action titles are buttons, not Markdown: they are shortened but never escaped. */
const title = (text: string) => clamp(text, TEAMS_LIMITS.actionTitleMaxChars);

export function submit(label: string, request: Request, page?: number): SubmitAction {
  // The codec shortens an over-long free-text question; the object form is what Teams carries.
  const state: ButtonState = page && page > 1 ? { request, page } : { request };
  return {
    type: "Action.Submit",
    title: title(label),
    data: { [STATE_KEY]: JSON.parse(encodeButtonState(state)) },
  };
}

export function openUrl(label: string, url: string | undefined): OpenUrlAction | undefined {
  const href = safeUrl(url);
  return href ? { type: "Action.OpenUrl", title: title(label), url: href } : undefined;
}

export function pickAndCompare(label: string, lang: Lang): SubmitAction {
  return { type: "Action.Submit", title: title(label), data: { [PICK_ACTION_KEY]: { lang } } };
}

/** Splits actions into sets the host will draw in full. */
export function actionSets(actions: readonly (CardAction | undefined)[]): ActionSet[] {
  const present = actions.filter((a): a is CardAction => a !== undefined);
  const sets: ActionSet[] = [];
  for (let i = 0; i < present.length; i += TEAMS_LIMITS.maxActionsPerSet) {
    sets.push({ type: "ActionSet", actions: present.slice(i, i + TEAMS_LIMITS.maxActionsPerSet) });
  }
  return sets;
}

/** What a click sent back, read without trusting it. */
export type SubmitValue =
  | { kind: "state"; state: ButtonState }
  /** The compare picker was submitted with fewer than two (or more than four) products. */
  | { kind: "pick-incomplete"; lang: Lang }
  /** 👍 / 👎 (data `{feedback: "up" | "down", intent, lang, items, qHash, catalog}`). */
  | { kind: "feedback"; vote: FeedbackVote }
  | { kind: "invalid" };

/** Inputs a card of ours may hold: Teams merges their values into the data of every submit. */
const CARD_INPUTS = [PICK_INPUT_ID, "msteams"];

export function readSubmitValue(value: unknown): SubmitValue {
  if (!value || typeof value !== "object") return { kind: "invalid" };
  const v = value as Record<string, unknown>;
  if (isFeedbackData(v)) {
    const vote = readFeedbackData(v, CARD_INPUTS);
    return vote ? { kind: "feedback", vote } : { kind: "invalid" };
  }
  if (STATE_KEY in v) {
    const state = decodeButtonState(v[STATE_KEY]);
    return state ? { kind: "state", state } : { kind: "invalid" };
  }
  const pick = v[PICK_ACTION_KEY] as { lang?: unknown } | undefined;
  if (pick && typeof pick === "object" && (pick.lang === "en" || pick.lang === "zh")) {
    const lang: Lang = pick.lang;
    const raw = v[PICK_INPUT_ID];
    const ids =
      typeof raw === "string"
        ? [
            ...new Set(
              raw
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
            ),
          ]
        : [];
    if (ids.length < 2 || ids.length > TEAMS_LIMITS.maxCompareProducts)
      return { kind: "pick-incomplete", lang };
    const state = decodeButtonState({ r: { type: "compare", ids, lang } });
    return state ? { kind: "state", state } : { kind: "invalid" };
  }
  const details = v[DETAILS_ACTION_KEY] as { lang?: unknown; type?: unknown } | undefined;
  if (details && typeof details === "object" && (details.lang === "en" || details.lang === "zh")) {
    const lang: Lang = details.lang;
    const type = details.type === "category" || details.type === "vendor" ? details.type : "product";
    const first =
      typeof v[PICK_INPUT_ID] === "string" ? (v[PICK_INPUT_ID] as string).split(",")[0]?.trim() : "";
    if (!first) return { kind: "pick-incomplete", lang };
    const state = decodeButtonState({ r: { type, id: first, lang } });
    return state ? { kind: "state", state } : { kind: "invalid" };
  }
  return { kind: "invalid" };
}
