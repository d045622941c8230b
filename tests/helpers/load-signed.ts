import { ROUTES } from "../../src/server/routes.js";
import { sign, slashCommand, TEST_SIGNING_SECRET } from "./slack-requests.js";
import { personalMessage } from "./teams-activities.js";

/** One HTTP request, ready to send any number of times: for autocannon's `requests` or for fetch. */
export interface PreparedRequest {
  method: "POST" | "GET";
  path: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * `count` /paas commands over the questions, each with its own response_url and its own signature
 * (the signature covers the body, so a body cannot be re-signed once and reused for another).
 * Slack accepts a timestamp for 5 minutes: sign just before a run, and runs stay shorter than that.
 */
export function signedSlashCommands(
  questions: readonly string[],
  count: number,
  responseUrlBase: string,
  secret: string = TEST_SIGNING_SECRET,
  timestamp: number = Math.floor(Date.now() / 1000),
): PreparedRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const body = slashCommand(questions[i % questions.length] ?? "help", `${responseUrlBase}/cmd-${i}`);
    return {
      method: "POST",
      path: ROUTES.slack,
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-slack-request-timestamp": String(timestamp),
        "x-slack-signature": sign(body, secret, timestamp),
      },
      body,
    };
  });
}

/** `count` personal-chat messages over the questions, replies addressed to `serviceUrl`. */
export function teamsMessages(
  questions: readonly string[],
  count: number,
  serviceUrl: string,
): PreparedRequest[] {
  return Array.from({ length: count }, (_, i) => {
    const q = questions[i % questions.length] ?? "help";
    const locale = /[\u3400-\u9fff]/.test(q) ? "zh-CN" : "en-US";
    return {
      method: "POST",
      path: ROUTES.teams,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(personalMessage(serviceUrl, q, locale)),
    };
  });
}
