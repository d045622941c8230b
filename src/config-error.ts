import { CodedError } from "./core/coded-error.js";
/**
 * An environment variable is missing, malformed or contradicts another, so a part cannot start.
 * One class for every part (Slack, Teams, the server); the message is one line naming the variable,
 * never a secret's value. Not for src/core, which reads no environment and stays platform-neutral.
 */
export type ConfigErrorCode =
  /** Not set (blank counts as unset). */
  | "CONFIG_MISSING"
  /** Set, but not in the expected form. */
  | "CONFIG_MALFORMED"
  /** Settings that contradict each other: one set without another it needs, or one another requires. */
  | "CONFIG_CONFLICT";

export class ConfigError extends CodedError<ConfigErrorCode> {
  override readonly name = "ConfigError";
  constructor(
    code: ConfigErrorCode,
    /** The environment variable at fault. */
    readonly variable: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}
