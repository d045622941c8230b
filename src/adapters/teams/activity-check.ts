/**
 * Checks an incoming activity before botbuilder sees it. botbuilder answers 500 (and logs an
 * error) for a body without `type`, and a turn without `conversation` or `serviceUrl` fails only
 * when the bot tries to reply; rejecting such bodies up front gives the sender a 400 that says why.
 */

export type ActivityProblem = { status: 400 | 403 | 415; reason: string };

const MAX_TEXT_CHARS = 100_000;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim().length > 0;
const hasId = (v: unknown) => isObject(v) && nonEmpty(v.id);

export interface ActivityCheckOptions {
  /**
   * Local (Emulator) mode checks no token, so the bot would reply to any serviceUrl a request names:
   * only the Emulator on this machine may be answered.
   */
  loopbackServiceUrlOnly?: boolean;
}

export function checkActivity(
  body: unknown,
  options: ActivityCheckOptions = {},
): ActivityProblem | undefined {
  if (body === undefined)
    return { status: 415, reason: "expected a JSON body (Content-Type: application/json)" };
  if (!isObject(body)) return { status: 400, reason: "the body must be a JSON object (an activity)" };
  const { type, serviceUrl, channelId, conversation, from, recipient, text, entities, membersAdded, name } =
    body;
  if (!nonEmpty(type) || !/^[A-Za-z]{1,64}$/.test(type))
    return { status: 400, reason: "activity.type is missing or invalid" };
  if (!nonEmpty(serviceUrl) || !isHttpUrl(serviceUrl))
    return { status: 400, reason: "activity.serviceUrl must be an http(s) URL" };
  if (options.loopbackServiceUrlOnly && !isLoopback(serviceUrl))
    return {
      status: 403,
      reason: "local mode answers only a serviceUrl on this machine (set MicrosoftAppId to serve Teams)",
    };
  if (!nonEmpty(channelId)) return { status: 400, reason: "activity.channelId is missing" };
  if (!hasId(conversation)) return { status: 400, reason: "activity.conversation.id is missing" };
  if (!hasId(from)) return { status: 400, reason: "activity.from.id is missing" };
  if (!hasId(recipient)) return { status: 400, reason: "activity.recipient.id is missing" };
  if (text !== undefined && text !== null && (typeof text !== "string" || text.length > MAX_TEXT_CHARS))
    return { status: 400, reason: "activity.text must be a string" };
  if (entities !== undefined && entities !== null && (!Array.isArray(entities) || !entities.every(isObject)))
    return { status: 400, reason: "activity.entities must be a list of objects" };
  if (
    membersAdded !== undefined &&
    membersAdded !== null &&
    (!Array.isArray(membersAdded) || !membersAdded.every(hasId))
  )
    return { status: 400, reason: "activity.membersAdded must be a list of accounts with ids" };
  if (type === "invoke" && !nonEmpty(name)) return { status: 400, reason: "invoke activities need a name" };
  return undefined;
}

function isLoopback(value: string): boolean {
  const host = new URL(value).hostname;
  return host === "localhost" || host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}
