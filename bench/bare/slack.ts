/**
 * The Slack baseline: a bare Bolt app with the receiver ours uses (ExpressReceiver), whose /paas
 * listener acks with a constant message. GET /readyz answers once it listens, like ours.
 * PORT, SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN from the environment; 127.0.0.1 only.
 */
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";

const receiver = new ExpressReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  logLevel: LogLevel.ERROR,
});
// botId/botUserId: no auth.test call, so the baseline does no network work at start.
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  botId: "BBARE01",
  botUserId: "UBARE01",
  receiver,
  logLevel: LogLevel.ERROR,
});
app.command("/paas", async ({ ack }) => {
  await ack({ response_type: "ephemeral", text: "ok" });
});
receiver.router.get("/readyz", (_req, res) => {
  res.json({ status: "ready" });
});
await app.start({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
