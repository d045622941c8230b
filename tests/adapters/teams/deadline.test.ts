import { describe, expect, it } from "vitest";
import { sendFailure } from "../../../src/adapters/teams/bot.js";
import {
  DEFAULT_SEND_TIMEOUT_MS,
  SendDeadline,
  SendTimeoutError,
  validSendTimeout,
} from "../../../src/adapters/teams/deadline.js";

/** What botframework-connector throws for a connector answer or a network error. */
const restError = (message: string, statusCode?: number) =>
  Object.assign(new Error(message), { name: "RestError", ...(statusCode ? { statusCode } : {}) });

describe("sendFailure: what a failed send to the Bot Connector means for the reply", () => {
  it("a refused message (400, 413…) may be replaced by another one", () => {
    for (const status of [400, 413, 415, 422])
      expect(sendFailure(restError("Message size too big", status))).toEqual({
        kind: "refused",
        reason: `${status} Message size too big`,
      });
  });

  it("5xx, throttling, timeouts, auth and unknown conversations: the connector takes nothing", () => {
    for (const status of [500, 502, 503, 504, 401, 403, 404, 408, 429])
      expect(sendFailure(restError("boom", status)).kind).toBe("unavailable");
    expect(sendFailure(restError("connect ECONNREFUSED 127.0.0.1:9"))).toEqual({
      kind: "unavailable",
      reason: "connect ECONNREFUSED 127.0.0.1:9",
    });
  });

  it("the deadline, and anything that is not a connector answer, are told apart", () => {
    expect(sendFailure(new SendTimeoutError(250))).toEqual({ kind: "timeout", ms: 250 });
    const bug = new TypeError("x is undefined");
    expect(sendFailure(bug)).toEqual({ kind: "error", error: bug });
  });

  it("keeps only the first line of the connector's message, shortened", () => {
    const { reason } = sendFailure(restError(`${"x".repeat(500)}\nsecond line`, 500)) as { reason: string };
    expect(reason).not.toContain("second line");
    expect(reason.length).toBeLessThanOrEqual(204);
  });
});

describe("SendDeadline", () => {
  it("passes through what settles in time", async () => {
    const deadline = new SendDeadline(1000);
    try {
      await expect(deadline.bound(Promise.resolve(42))).resolves.toBe(42);
      await expect(deadline.bound(Promise.reject(new Error("no")))).rejects.toThrow("no");
      expect(deadline.signal.aborted).toBe(false);
    } finally {
      deadline.dispose();
    }
  });

  it("stops waiting and aborts its signal when the time is up; later sends fail at once", async () => {
    const deadline = new SendDeadline(20);
    let rejectLate: (e: Error) => void = () => {};
    const never = new Promise<never>((_, reject) => {
      rejectLate = reject;
    });
    await expect(deadline.bound(never)).rejects.toBeInstanceOf(SendTimeoutError);
    expect(deadline.signal.aborted).toBe(true);
    // A send that fails after the deadline won must not surface as an unhandled rejection.
    rejectLate(new Error("aborted"));
    await expect(deadline.bound(new Promise(() => {}))).rejects.toBeInstanceOf(SendTimeoutError);
    deadline.dispose();
  });

  it("defaults to 10 s and refuses a budget that is not a positive number", () => {
    expect(validSendTimeout(undefined)).toBe(DEFAULT_SEND_TIMEOUT_MS);
    expect(DEFAULT_SEND_TIMEOUT_MS).toBeLessThan(15_000);
    expect(validSendTimeout(500)).toBe(500);
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => validSendTimeout(bad)).toThrow(RangeError);
  });
});
