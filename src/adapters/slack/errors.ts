/** Why the Slack side cannot start. Messages name the variable or the step, never a secret's value. */
export type SlackConfigErrorCode = "SLACK_CONFIG_MISSING" | "SLACK_CONFIG_MALFORMED";

export class SlackConfigError extends Error {
  override readonly name = "SlackConfigError";
  constructor(
    readonly code: SlackConfigErrorCode,
    /** The environment variable at fault. */
    readonly variable: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

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
