import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import type { Lang } from "../../core/answer.js";
import { ACTION, type ActionName, actionPattern } from "../../render/slack/actions.js";
import { renderNotice } from "../../render/slack/blocks.js";
import { describe } from "./deliver.js";
import { SLACK_SURFACE } from "./surface.js";

/**
 * Event ids already taken, so a retry of one (HTTP `X-Slack-Retry-Num`, Socket Mode
 * `retry_attempt`) is not answered twice. Bounded in size and age: Slack retries three times within
 * about five minutes, so an id older than that cannot come back.
 */
export class SeenEvents {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly ttlMs = 10 * 60_000,
    private readonly max = 20_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** True the first time an id is offered (within the TTL), false for a repeat. */
  firstTime(id: string): boolean {
    const at = this.now();
    this.expire(at);
    if (this.seen.has(id)) return false;
    this.seen.set(id, at);
    // Insertion order is age order: the first key is the oldest.
    if (this.seen.size > this.max) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.seen.size;
  }

  private expire(at: number): void {
    for (const [id, when] of this.seen) {
      if (at - when < this.ttlMs) break;
      this.seen.delete(id);
    }
  }
}

/**
 * Listener work still running. Events are acknowledged before they are answered, so an HTTP
 * request (or a Socket Mode envelope) can be long finished while its answer is still being posted:
 * shutdown waits for this too, or every rollout drops the answers in flight.
 */
export class ListenerWork {
  private count = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  /** Resolves when no listener work is running. */
  idle(): Promise<void> {
    return this.count === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      this.count--;
      if (this.count === 0) for (const resolve of this.waiters.splice(0)) resolve();
    }
  }
}

/** The first global middleware: every event, command and interaction passes through it. */
export function trackWork(work: ListenerWork): Middleware<AnyMiddlewareArgs> {
  return ({ next }) => work.track(next);
}

/** Answers each event id once; a retry is acknowledged (Bolt already did) and dropped. */
export function dropRetries(seen: SeenEvents): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, logger, next }) => {
    const id = (body as { type?: unknown; event_id?: unknown }).event_id;
    if (
      (body as { type?: unknown }).type === "event_callback" &&
      typeof id === "string" &&
      !seen.firstTime(id)
    ) {
      logger.info(
        `paas-bot: dropped a repeat of event ${id.slice(0, 40)} (retry ${String(context.retryNum ?? "?")})`,
      );
      return;
    }
    await next();
  };
}

const KNOWN_ACTIONS = (Object.keys(ACTION) as ActionName[]).map(actionPattern);
const isOurs = (actionId: unknown) =>
  typeof actionId === "string" && KNOWN_ACTIONS.some((p) => p.test(actionId));

/** Interaction payload types this app registers no listener for (it has no shortcuts, modals or menus). */
const NEVER_HANDLED = new Set([
  "shortcut",
  "message_action",
  "view_submission",
  "view_closed",
  "block_suggestion",
  "interactive_message",
  "dialog_submission",
  "workflow_step_edit",
]);

/**
 * Acknowledges every interaction no listener will take: a button from an older message, another
 * app's block, a shortcut. Without it, Bolt answers 404 after 3 s over HTTP and never acks in Socket
 * Mode, and Slack shows the clicker an error. A click gets a short note only the clicker sees.
 */
export function ackUnknownInteractions(): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const body = args.body as {
      type?: unknown;
      actions?: { action_id?: unknown }[];
      response_url?: unknown;
      user?: { id?: unknown };
      channel?: { id?: unknown };
      container?: { type?: unknown };
    };
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    const command = (body as { command?: unknown }).command;
    if (ack && typeof command === "string" && !SLACK_SURFACE.commands.some((c) => c === command)) {
      // Slack sends only the app's own commands; another one means a manifest out of step with the code.
      await ack({
        response_type: "ephemeral",
        text: `paas-bot answers ${SLACK_SURFACE.commands.join(", ")} only.`,
      });
      return;
    }
    const type = body.type;
    const unknownClick =
      type === "block_actions" &&
      !(Array.isArray(body.actions) && body.actions.some((a) => isOurs(a?.action_id)));
    if (!ack || !(unknownClick || (typeof type === "string" && NEVER_HANDLED.has(type)))) {
      await args.next();
      return;
    }
    await ack(type === "block_suggestion" ? { options: [] } : undefined);
    if (!unknownClick) return;
    const note = renderNotice("en" satisfies Lang, "slackExpired");
    try {
      if ("respond" in args && typeof args.respond === "function" && typeof body.response_url === "string") {
        await args.respond({ response_type: "ephemeral", replace_original: false, ...note });
      } else if (typeof body.user?.id === "string" && body.container?.type === "view") {
        // App Home has no response_url: the note goes to the app's Messages tab, like every Home answer.
        await args.client.chat.postMessage({ channel: body.user.id, ...note });
      }
    } catch (error) {
      args.logger.warn(`paas-bot: could not tell the clicker about an unknown button: ${describe(error)}`);
    }
  };
}
