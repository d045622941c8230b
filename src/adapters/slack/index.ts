export { defaultEngine, type Engine } from "./answering.js";
export { createSlackBot, type SlackBot, type SlackBotOptions } from "./app.js";
export { loadSlackConfig, type SlackConfig, type SlackMode } from "./config.js";
export { SlackAuthError } from "./errors.js";
export { SLACK_SURFACE } from "./surface.js";
