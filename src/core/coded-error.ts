/**
 * The base of every error the project throws: one subclass per kind of failure, a code saying
 * exactly what went wrong within that kind, and the cause where there is one.
 */
export class CodedError<C extends string> extends Error {
  constructor(
    readonly code: C,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
