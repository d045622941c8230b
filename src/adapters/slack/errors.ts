import { CodedError } from "../../core/coded-error.js";
export type SlackAuthErrorCode = "SLACK_AUTH_REJECTED" | "SLACK_UNREACHABLE";

/** The bot token was refused by Slack, or Slack could not be reached to check it. */
export class SlackAuthError extends CodedError<SlackAuthErrorCode> {
  override readonly name = "SlackAuthError";
}
