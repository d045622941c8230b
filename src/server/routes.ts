/**
 * Every path the server answers, in one place so the deploy manifests, the Dockerfile and the tests
 * can be checked against the code. Kept free of imports: the deploy test loads it without the bots.
 */
export const ROUTES = {
  /** Alive: the process serves HTTP. Liveness probe and Docker HEALTHCHECK. */
  health: "/healthz",
  /** Ready: catalog loaded, every configured front door started, not shutting down. Readiness probe. */
  ready: "/readyz",
  /** Slack Events API, slash commands and interactivity (HTTP mode only). */
  slack: "/slack/events",
  /** Bot Framework activities; must equal TEAMS_MESSAGES_PATH of the Teams adapter (a test checks it). */
  teams: "/api/messages",
  /** The playground page and its assets. */
  playground: "/",
  playgroundAssets: "/playground",
  /** The official Adaptive Cards renderer, served from node_modules for the playground. */
  adaptiveCards: "/vendor/adaptivecards.min.js",
  /** Playground API: a question or a button's data in, the answer and both renderings out. */
  ask: "/api/ask",
  /** Playground API: a 👍 / 👎 on an answer (the button's data or value). */
  feedback: "/api/feedback",
  /** Playground API: example questions in both languages, from the catalog's help answer. */
  examples: "/api/examples",
} as const;

/** The port the Bot Framework samples and the Emulator use; also the container port. */
export const DEFAULT_PORT = 3978;
