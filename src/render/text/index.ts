export { renderAllText, renderPageText, renderText, type TextOptions } from "./render.js";
export { displayWidth, wrap } from "./wrap.js";
