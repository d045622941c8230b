/**
 * Checks an incoming activity before botbuilder sees it. botbuilder answers 500 (and logs an
 * error) for a body without `type`, and a turn without `conversation` or `serviceUrl` fails only
 * when the bot tries to reply; rejecting such bodies up front gives the sender a 400 that says why.
 */

/** Codes as in every other route's `{"error": {"code", "message"}}`. */
export type ActivityProblemCode = "INVALID_ACTIVITY" | "UNSUPPORTED_MEDIA_TYPE" | "SERVICE_URL_REFUSED";
export type ActivityProblem = { status: 400 | 403 | 415; code: ActivityProblemCode; reason: string };

const MAX_TEXT_CHARS = 100_000;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;
const hasId = (v: unknown) => isObject(v) && nonEmpty(v.id);

export interface ActivityCheckOptions {
  /**
   * Local (Emulator) mode checks no token, so the bot would POST its reply to any serviceUrl a
   * request names: only a bare loopback origin (the Emulator's `http://localhost:<port>`) may be
   * answered, never a path or query that a sidecar or admin port could route on.
   */
  loopbackServiceUrlOnly?: boolean;
}

export function checkActivity(
  body: unknown,
  options: ActivityCheckOptions = {},
): ActivityProblem | undefined {
  if (body === undefined)
    return {
      status: 415,
      code: "UNSUPPORTED_MEDIA_TYPE",
      reason: "expected a JSON body (Content-Type: application/json)",
    };
  const bad = (reason: string): ActivityProblem => ({ status: 400, code: "INVALID_ACTIVITY", reason });
  if (!isObject(body)) return bad("the body must be a JSON object (an activity)");
  const { type, serviceUrl, channelId, conversation, from, recipient, text, entities, membersAdded, name } =
    body;
  if (!nonEmpty(type) || !/^[A-Za-z]{1,64}$/.test(type)) return bad("activity.type is missing or invalid");
  if (!nonEmpty(serviceUrl) || !isHttpUrl(serviceUrl))
    return bad("activity.serviceUrl must be an http(s) URL");
  if (options.loopbackServiceUrlOnly && !isLoopbackOrigin(serviceUrl))
    return {
      status: 403,
      code: "SERVICE_URL_REFUSED",
      reason:
        "local mode answers only the Emulator's origin on this machine, http://localhost:<port> with no path or query",
    };
  if (!nonEmpty(channelId)) return bad("activity.channelId is missing");
  if (!hasId(conversation)) return bad("activity.conversation.id is missing");
  if (!hasId(from)) return bad("activity.from.id is missing");
  if (!hasId(recipient)) return bad("activity.recipient.id is missing");
  if (text !== undefined && text !== null && (typeof text !== "string" || text.length > MAX_TEXT_CHARS))
    return bad("activity.text must be a string");
  if (entities !== undefined && entities !== null && (!Array.isArray(entities) || !entities.every(isObject)))
    return bad("activity.entities must be a list of objects");
  if (
    membersAdded !== undefined &&
    membersAdded !== null &&
    (!Array.isArray(membersAdded) || !membersAdded.every(hasId))
  )
    return bad("activity.membersAdded must be a list of accounts with ids");
  if (type === "invoke" && !nonEmpty(name)) return bad("invoke activities need a name");
  return undefined;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Exactly `http://<loopback>:<port>` (a trailing slash allowed): what the Emulator sends, nothing more. */
export function isLoopbackOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (
    url.protocol === "http:" &&
    LOOPBACK_HOSTS.has(url.hostname) &&
    url.port !== "" &&
    url.username === "" &&
    url.password === "" &&
    url.pathname === "/" &&
    url.search === "" &&
    url.hash === "" &&
    // URL drops an empty "?" or "#"; the raw text must not carry them either.
    /^http:\/\/[^/?#]+\/?$/.test(value)
  );
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
