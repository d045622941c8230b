/** Activities shaped like the ones Teams sends (trimmed to what botbuilder and the bot read). */

export const BOT = { id: "28:bot-app-id", name: "paas-bot" };
export const USER = {
  id: "29:user-1",
  name: "Ada Lovelace",
  aadObjectId: "00000000-0000-0000-0000-000000000001",
};
const TENANT = { id: "00000000-0000-0000-0000-0000000000aa" };

let counter = 0;
const nextId = () => `1700000000${String(++counter).padStart(3, "0")}`;

function base(serviceUrl: string, conversation: Record<string, unknown>) {
  return {
    id: nextId(),
    channelId: "msteams",
    serviceUrl,
    timestamp: "2026-01-01T00:00:00.000Z",
    from: USER,
    recipient: BOT,
    conversation: { tenantId: TENANT.id, ...conversation },
    channelData: { tenant: TENANT },
    locale: "en-US",
  };
}

export const PERSONAL = { id: "a:1personal-chat", conversationType: "personal" };
/** A channel thread: Teams puts the root message id into the conversation id. */
export const CHANNEL_THREAD = {
  id: "19:abc@thread.tacv2;messageid=1699999999999",
  conversationType: "channel",
  isGroup: true,
};

export function personalMessage(serviceUrl: string, text: string, locale = "en-US") {
  return { ...base(serviceUrl, PERSONAL), type: "message", text, textFormat: "plain", locale };
}

export function channelMention(serviceUrl: string, question: string) {
  const mention = `<at>${BOT.name}</at>`;
  return {
    ...base(serviceUrl, CHANNEL_THREAD),
    type: "message",
    text: `${mention} ${question}`,
    textFormat: "plain",
    entities: [{ type: "mention", text: mention, mentioned: BOT }],
    channelData: {
      tenant: TENANT,
      teamsChannelId: "19:abc@thread.tacv2",
      teamsTeamId: "19:team@thread.tacv2",
    },
  };
}

/** What Teams posts when a user presses an Action.Submit button: no text, `value` = the data. */
export function submitValue(serviceUrl: string, value: unknown, replyToId = "card-message-1") {
  return { ...base(serviceUrl, PERSONAL), type: "message", value, replyToId };
}

export function botAdded(serviceUrl: string, conversation: Record<string, unknown> = PERSONAL) {
  return { ...base(serviceUrl, conversation), type: "conversationUpdate", membersAdded: [{ id: BOT.id }] };
}

export function extensionQuery(
  serviceUrl: string,
  query: string | undefined,
  extra: Record<string, unknown> = {},
) {
  const parameters =
    query === undefined ? [{ name: "initialRun", value: "true" }] : [{ name: "query", value: query }];
  return {
    ...base(serviceUrl, PERSONAL),
    type: "invoke",
    name: "composeExtension/query",
    value: { commandId: "searchProducts", parameters, queryOptions: { skip: 0, count: 25 }, ...extra },
  };
}
