import type { Lang } from "../../../core/answer.js";
import type { CatalogProvider } from "../../../core/catalog/catalog.js";
import { decodeFeedbackValue, type Verdict } from "../../../core/feedback-codec.js";
import { type ButtonState, decodeButtonState } from "../../../core/request-codec.js";
import { type ActionName, readMenuValue } from "../../../render/slack/actions.js";
import { renderNotice } from "../../../render/slack/blocks.js";
import { type ProductChoice, renderComparePicker } from "../../../render/slack/picker.js";
import { distinctCompare } from "../../state.js";
import { type Answering, langOf } from "../answering.js";
import { type ActionArgs, askedByOf, deliver, describe, originOf } from "../deliver.js";
import { publishHome } from "./home.js";

type Handler = (args: ActionArgs) => Promise<void>;

/** A button's state (value), a list menu's chosen entry, or the compare menu's base product (block_id) with the chosen product. */
function stateOf(args: ActionArgs): ButtonState | undefined {
  const { action } = args;
  if (action.type === "button") return decodeButtonState(action.value);
  if (action.type === "static_select") {
    // A list's "Details of…" menu: the option names what to open.
    const picked = readMenuValue(action.selected_option?.value);
    if (picked) return { request: picked };
    const base = decodeButtonState(action.block_id);
    const other = action.selected_option?.value;
    if (base?.request.type !== "product" || typeof other !== "string") return undefined;
    return { request: { type: "compare", ids: [base.request.id, other], lang: base.request.lang } };
  }
  return undefined;
}

/** One listener per action name; each acks first, then answers, and never lets an error escape. */
export function actionHandlers(answering: Answering, catalog: CatalogProvider): Record<ActionName, Handler> {
  const answerAsNew: Handler = (args) =>
    withState(args, (state) =>
      deliver(
        args,
        answering.message(state.request, { shareable: originOf(args.body) === "ephemeral" }),
        "new",
      ),
    );
  return {
    details: answerAsNew,
    followUp: answerAsNew,
    category: answerAsNew,
    vendor: answerAsNew,
    example: answerAsNew,
    compareAll: answerAsNew,
    comparePick: (args) =>
      withState(args, (state) =>
        deliver(
          args,
          answering.message(state.request, { shareable: originOf(args.body) === "ephemeral" }),
          "replace",
        ),
      ),
    page: (args) =>
      withState(args, (state) => {
        const origin = originOf(args.body);
        const askedBy = askedByOf(args.body);
        const options = {
          page: state.page ?? 1,
          shareable: origin === "ephemeral",
          ...(askedBy ? { askedBy } : {}),
        };
        return deliver(
          args,
          answering.message(state.request, options),
          origin === "home" ? "new" : "replace",
        );
      }),
    share: (args) =>
      withState(args, async (state) => {
        const message = answering.message(state.request, {
          page: state.page ?? 1,
          askedBy: args.body.user.id,
        });
        if (originOf(args.body) === "home") return deliver(args, message, "new");
        // Post for everyone first, then remove the private copy: if posting fails, the asker keeps theirs.
        await args.respond({ response_type: "in_channel", replace_original: false, ...message });
        await args.respond({ delete_original: true });
      }),
    compareWith: (args) =>
      withState(args, async (state) => {
        if (state.request.type !== "product") return expired(args, langOfState(state));
        const { id, lang } = state.request;
        const picker = renderComparePicker(
          choice(catalog, id, lang),
          compareChoices(catalog, id, lang),
          lang,
        );
        if (originOf(args.body) === "home") return deliver(args, picker, "new");
        await args.respond({ response_type: "ephemeral", replace_original: false, ...picker });
      }),
    homeLang: (args) =>
      withState(args, (state) =>
        publishHome(args.client, args.body.user.id, langOfState(state), answering, catalog),
      ),
    // URL buttons open the site in the browser; Slack still sends the click, which only needs an ack.
    site: async () => {},
    feedbackUp: (args) => vote(args, "up"),
    feedbackDown: (args) => vote(args, "down"),
  };

  /**
   * 👍 / 👎: one event recorded (what was answered, the question's hash, never its words) and a
   * private thank-you in the answer's language; the answer itself stays as it is.
   */
  async function vote(args: ActionArgs, verdict: Verdict): Promise<void> {
    const target = decodeFeedbackValue(args.action.type === "button" ? args.action.value : undefined);
    if (!target) return expired(args, "en");
    await answering.conversations.recordFeedback({ verdict, ...target }, "slack");
    const thanks = renderNotice(target.lang, "feedbackThanks");
    try {
      if (args.body.response_url)
        await args.respond({ response_type: "ephemeral", replace_original: false, ...thanks });
      else if (args.body.channel?.id)
        await args.client.chat.postEphemeral({
          channel: args.body.channel.id,
          user: args.body.user.id,
          ...thanks,
        });
    } catch (error) {
      args.logger.warn(`paas-bot: could not thank for feedback: ${describe(error)}`);
    }
  }

  async function withState(args: ActionArgs, run: (state: ButtonState) => Promise<void>): Promise<void> {
    const read = stateOf(args);
    if (!read) return expired(args, "en");
    const state = distinctCompare(read);
    try {
      await run(state);
    } catch (error) {
      args.logger.error(`paas-bot: a ${args.action.action_id} click failed: ${describe(error)}`);
      await tell(args, renderNotice(langOfState(state), "slackError"));
    }
  }
}

async function expired(args: ActionArgs, lang: Lang): Promise<void> {
  await tell(args, renderNotice(lang, "slackExpired"));
}

/** Best effort: a notice to the clicker; if even that fails there is nobody left to tell but the log. */
async function tell(args: ActionArgs, message: ReturnType<typeof renderNotice>): Promise<void> {
  try {
    if (originOf(args.body) === "home")
      await args.client.chat.postMessage({ channel: args.body.user.id, ...message });
    else await args.respond({ response_type: "ephemeral", replace_original: false, ...message });
  } catch (error) {
    args.logger.error(`paas-bot: could not tell the user about a failed click: ${describe(error)}`);
  }
}

const langOfState = (state: ButtonState): Lang => langOf(state.request);

function choice(catalog: CatalogProvider, id: string, lang: Lang): ProductChoice {
  const product = catalog.current().products.get(id);
  return { id, name: product ? product.name[lang] : id };
}

/** The other products, those sharing a category with the base first; names in the asker's language. */
function compareChoices(catalog: CatalogProvider, baseId: string, lang: Lang): ProductChoice[] {
  const products = [...catalog.current().products.values()];
  const baseCategories = new Set(products.find((p) => p.id === baseId)?.categories ?? []);
  const shares = (categories: readonly string[]) => categories.some((c) => baseCategories.has(c));
  return products
    .filter((p) => p.id !== baseId)
    .sort((a, b) => Number(shares(b.categories)) - Number(shares(a.categories)))
    .map((p) => ({ id: p.id, name: p.name[lang] }));
}
