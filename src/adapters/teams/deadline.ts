import type { TurnContext } from "botbuilder";
import { CodedError } from "../../core/coded-error.js";

/**
 * How long one turn may spend, in all, sending to the Bot Connector. Teams waits 15 s for the
 * answer to its POST /api/messages (then gives up and may redeliver); 10 s leaves room for the
 * answer itself and for a slow start of the turn.
 */
export const DEFAULT_SEND_TIMEOUT_MS = 10_000;

/** Where a turn's deadline travels in `TurnContext.turnState`, from the HTTP handler to the bot and the adapter. */
export const SEND_DEADLINE_KEY = Symbol("paas-bot.teams.sendDeadline");

/** The turn's deadline passed before the Bot Connector answered. Carries no text of the reply. */
export class SendTimeoutError extends CodedError<"TEAMS_SEND_TIMEOUT"> {
  override readonly name = "SendTimeoutError";
  constructor(readonly ms: number) {
    super("TEAMS_SEND_TIMEOUT", `the Bot Connector did not answer within ${ms} ms`);
  }
}

/**
 * One turn's budget for talking to the Bot Connector: one timer and one abort signal, shared by
 * every send of the turn. The adapter hands the signal to the connector client so a request
 * (and its retries) stops when the budget runs out; `bound` makes sure the bot stops waiting even
 * where a signal is not honoured (a token fetch, a library that ignores it).
 */
export class SendDeadline {
  private readonly controller = new AbortController();
  private readonly timer: ReturnType<typeof setTimeout>;

  constructor(readonly ms: number) {
    this.timer = setTimeout(() => this.controller.abort(new SendTimeoutError(ms)), ms);
    // A pending deadline must not keep the process alive (graceful shutdown waits for requests, not for this).
    this.timer.unref?.();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** What `work` settles to, or a SendTimeoutError as soon as the deadline has passed. */
  async bound<T>(work: Promise<T>): Promise<T> {
    const { signal } = this.controller;
    if (signal.aborted) {
      work.catch(() => {});
      throw new SendTimeoutError(this.ms);
    }
    let onAbort = () => {};
    const expired = new Promise<never>((_, reject) => {
      onAbort = () => reject(new SendTimeoutError(this.ms));
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      // race() also handles a late rejection of `work` once the deadline has won.
      return await Promise.race([work, expired]);
    } finally {
      signal.removeEventListener("abort", onAbort);
    }
  }

  /** The turn is over: stop the timer (sends still pending were already aborted, or there are none). */
  dispose(): void {
    clearTimeout(this.timer);
  }
}

export const deadlineOf = (context: TurnContext): SendDeadline | undefined => {
  const value: unknown = context.turnState.get(SEND_DEADLINE_KEY);
  return value instanceof SendDeadline ? value : undefined;
};

/** The send budget to use: the default when none is given; a non-positive or non-finite one is a bug. */
export function validSendTimeout(ms: number | undefined): number {
  if (ms === undefined) return DEFAULT_SEND_TIMEOUT_MS;
  if (!Number.isFinite(ms) || ms <= 0)
    throw new RangeError(`sendTimeoutMs must be a positive number, not ${ms}`);
  return ms;
}
