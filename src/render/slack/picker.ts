import type { Lang } from "../../core/answer.js";
import { encodeButtonState } from "../../core/request-codec.js";
import { t } from "../strings.js";
import { actionId } from "./actions.js";
import { mrkdwn, plain } from "./elements.js";
import { LIMITS } from "./limits.js";
import { escapeMrkdwn, fill } from "./mrkdwn.js";
import type { SlackMessage, StaticSelect } from "./types.js";

export interface ProductChoice {
  id: string;
  name: string;
}

const ID = /^[a-z0-9-]{1,64}$/;

/**
 * "Compare with…": a menu of the other products. Option values are capped at 75 characters, too short for a
 * whole compare request, so the block_id carries the base product's state and each option only the other id.
 */
export function renderComparePicker(
  base: ProductChoice,
  candidates: ProductChoice[],
  lang: Lang,
): SlackMessage {
  const options = candidates
    .filter((c) => c.id !== base.id && ID.test(c.id) && c.id.length <= LIMITS.optionValue)
    .slice(0, LIMITS.selectOptions)
    .map((c) => ({ text: plain(c.name, LIMITS.optionText), value: c.id }));
  const prompt = fill(escapeMrkdwn(t(lang, "slackComparePrompt")), { name: escapeMrkdwn(base.name) });
  if (options.length === 0)
    return { text: prompt, blocks: [{ type: "section", text: mrkdwn(prompt, LIMITS.sectionText) }] };
  const select: StaticSelect = {
    type: "static_select",
    action_id: actionId("comparePick"),
    placeholder: plain(t(lang, "slackChooseProduct"), LIMITS.placeholderText),
    options,
  };
  return {
    text: prompt,
    blocks: [
      {
        type: "section",
        block_id: encodeButtonState({ request: { type: "product", id: base.id, lang } }),
        text: mrkdwn(prompt, LIMITS.sectionText),
        accessory: select,
      },
    ],
  };
}
