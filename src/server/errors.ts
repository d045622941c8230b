import { CodedError } from "../core/coded-error.js";
/** The server could not start: the port is taken, a front door failed to connect… */
export type StartupErrorCode = "LISTEN_FAILED" | "FRONT_DOOR_FAILED";

export class StartupError extends CodedError<StartupErrorCode> {
  override readonly name = "StartupError";
}

/**
 * A client request the server refuses; `status` is the HTTP status sent with `code` (BAD_REQUEST stands
 * for any other 4xx, whose status is given).
 */
export type ApiErrorCode =
  | "BAD_REQUEST"
  | "BAD_JSON"
  | "BODY_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "INVALID_REQUEST"
  | "PICK_INCOMPLETE"
  | "NOT_FOUND";

const STATUS: Record<ApiErrorCode, number> = {
  BAD_REQUEST: 400,
  BAD_JSON: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_REQUEST: 400,
  PICK_INCOMPLETE: 400,
  NOT_FOUND: 404,
};

export class ApiError extends CodedError<ApiErrorCode> {
  override readonly name = "ApiError";
  readonly status: number;
  constructor(code: ApiErrorCode, message: string, options?: { cause?: unknown; status?: number }) {
    super(code, message, options);
    this.status = options?.status ?? STATUS[code];
  }
}

/** One line for a log or a terminal, whatever was thrown. */
export const errorLine = (error: unknown): string =>
  error instanceof Error ? (error.message.split("\n")[0] ?? error.name) : String(error);
