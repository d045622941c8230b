import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { ASKED_BY_BLOCK } from "../../render/slack/actions.js";
import type { SlackMessage } from "../../render/slack/types.js";

export type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** `new`: a further answer beside the clicked one. `replace`: the clicked message itself changes (paging). */
export type Placement = "new" | "replace";

/** Where the clicked button lives: an answer only the clicker sees, a message in a conversation, or App Home. */
export type Origin = "ephemeral" | "message" | "home";

export function originOf(body: BlockAction): Origin {
  if (body.container?.type === "view" || !body.response_url) return "home";
  return body.container?.is_ephemeral === true ? "ephemeral" : "message";
}

/**
 * Sends what a click produced to the right place. Ephemeral answers stay ephemeral; answers in a
 * conversation continue in their thread; clicks on the Home tab are answered in the app's Messages tab.
 */
export async function deliver(args: ActionArgs, message: SlackMessage, placement: Placement): Promise<void> {
  const { body, respond, client } = args;
  const origin = originOf(body);
  if (origin === "home") {
    await client.chat.postMessage({ channel: body.user.id, ...message });
    return;
  }
  if (origin === "ephemeral") {
    await respond({ response_type: "ephemeral", replace_original: placement === "replace", ...message });
    return;
  }
  if (placement === "replace") {
    await respond({ replace_original: true, ...message });
    return;
  }
  const channel = body.channel?.id;
  const threadTs = threadOf(body);
  if (!channel) {
    await respond({ response_type: "ephemeral", replace_original: false, ...message });
    return;
  }
  try {
    await client.chat.postMessage(
      threadTs ? { channel, thread_ts: threadTs, ...message } : { channel, ...message },
    );
  } catch (error) {
    // A shared slash-command answer can sit in a channel the bot has not joined (not_in_channel):
    // the response_url still reaches the clicker.
    args.logger.warn(`paas-bot: chat.postMessage failed, answering the clicker only: ${describe(error)}`);
    await respond({ response_type: "ephemeral", replace_original: false, ...message });
  }
}

/** In channels, follow-ups go to the thread of the clicked message; in a DM, stay where the message is. */
function threadOf(body: BlockAction): string | undefined {
  const message = body.message;
  if (!message) return undefined;
  const thread = typeof message.thread_ts === "string" ? message.thread_ts : undefined;
  if (body.channel?.id.startsWith("D")) return thread;
  return thread ?? message.ts;
}

/** The asker of a shared message, read back from its "Asked by" block so paging keeps the attribution. */
export function askedByOf(body: BlockAction): string | undefined {
  const blocks: unknown = body.message?.blocks;
  if (!Array.isArray(blocks)) return undefined;
  for (const b of blocks) {
    const id = (b as { block_id?: unknown }).block_id;
    if (typeof id === "string" && id.startsWith(`${ASKED_BY_BLOCK}:`))
      return id.slice(ASKED_BY_BLOCK.length + 1);
  }
  return undefined;
}

export const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
