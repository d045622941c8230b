/**
 * Both baselines on one Express app and one port, like ours: the frameworks' own start-up cost and
 * memory with none of our code. Used for the Process rows.
 */
import { App, ExpressReceiver, LogLevel } from "@slack/bolt";
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import express from "express";

const app = express();
const receiver = new ExpressReceiver({
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? "",
  logLevel: LogLevel.ERROR,
  app,
});
const slack = new App({
  token: process.env.SLACK_BOT_TOKEN,
  botId: "BBARE01",
  botUserId: "UBARE01",
  receiver,
  logLevel: LogLevel.ERROR,
});
slack.command("/paas", async ({ ack }) => {
  await ack({ response_type: "ephemeral", text: "ok" });
});

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity("ok");
  await next();
});
app.post("/api/messages", express.json({ limit: "1mb" }), async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
app.get("/readyz", (_req, res) => {
  res.json({ status: "ready" });
});
app.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
