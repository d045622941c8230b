export { ACTION, type ActionName, ASKED_BY_BLOCK, actionPattern } from "./actions.js";
export { renderNotice, renderSlackMessage, type SlackRenderOptions } from "./blocks.js";
export { type HomeData, homeDataFromCatalog, renderHomeView } from "./home.js";
export { LAYOUT, LIMITS } from "./limits.js";
export { escapeMrkdwn, splitMrkdwn, truncateMrkdwn } from "./mrkdwn.js";
export { type ProductChoice, renderComparePicker } from "./picker.js";
export type { KnownBlock, SlackMessage } from "./types.js";
