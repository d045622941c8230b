/**
 * The Teams baseline: a bare botbuilder echo bot (CloudAdapter in local mode, ActivityHandler that
 * sends a constant text) behind Express with the JSON parser ours uses. GET /readyz once it listens.
 */
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import express from "express";

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const bot = new ActivityHandler();
bot.onMessage(async (context, next) => {
  await context.sendActivity("ok");
  await next();
});

const app = express();
app.post("/api/messages", express.json({ limit: "1mb" }), async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});
app.get("/readyz", (_req, res) => {
  res.json({ status: "ready" });
});
app.listen(Number(process.env.PORT ?? 0), "127.0.0.1");
