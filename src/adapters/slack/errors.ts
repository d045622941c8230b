export type SlackAuthErrorCode = "SLACK_AUTH_REJECTED" | "SLACK_UNREACHABLE";

/** The bot token was refused by Slack, or Slack could not be reached to check it. */
export class SlackAuthError extends Error {
  override readonly name = "SlackAuthError";
  constructor(
    readonly code: SlackAuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
