/**
 * Teams and Adaptive Card limits the renderer keeps to. Numbers come either from Microsoft's
 * documentation (cited) or are our own choices (marked as such) made so that a worst-case answer
 * still fits; tests assert every rendered card against them.
 */
export const TEAMS_LIMITS = {
  /**
   * The size Teams accepts is documented three ways: the issue and Microsoft's Teams connector docs
   * (learn.microsoft.com/connectors/teams, "Known issues and limitations") say about 28 KB per
   * posted message; "Format your bot messages" said 40 KB for bots, counted in UTF-16, and now says
   * 100 KB (UTF-16; keep within 80 KB). A card is kept within the strictest reading of each.
   */
  messageMaxBytes: 28 * 1024,
  messageMaxUtf16Bytes: 40 * 1024,
  /**
   * Card budgets: the message limits minus ~3 KB (UTF-8) / ~4 KB (UTF-16) for the activity envelope
   * Teams adds (ids, from, conversation, serviceUrl, summary, replyToId).
   */
  cardMaxBytes: 25 * 1024,
  cardMaxUtf16Bytes: 36 * 1024,
  /** Teams renders Adaptive Cards up to schema 1.5 (learn.microsoft.com, "Cards reference"). */
  schemaVersion: "1.5",
  schemaUrl: "http://adaptivecards.io/schemas/adaptive-card.json",

  /** request-codec allows 2–4 products per comparison; one more column holds the row labels. */
  maxCompareProducts: 4,
  maxColumns: 5,
  /** Our choice: rows beyond this are in the text answer; a card is for scanning. */
  maxCompareRows: 30,
  /**
   * The adaptivecards default host config allows 5 actions per set; Teams' own host config allows 6
   * (learn.microsoft.com "Cards reference": up to 6 actions). We use the smaller one.
   */
  maxActionsPerSet: 5,
  /** Our choice: Teams truncates wider buttons; 40 characters keeps a product name readable. */
  actionTitleMaxChars: 40,
  /** Our choice for text lengths (characters; Chinese is 3 UTF-8 bytes each, so the byte budget decides). */
  titleMaxChars: 150,
  cellMaxChars: 300,
  /** Card `fallbackText`, for clients that cannot draw cards: the start of the page as text (the message text has all of it). */
  fallbackTextMaxBytes: 600,

  /** Message extension: Teams asks with queryOptions.count (25 by default); we answer at most this many. */
  extensionMaxResults: 25,
  /** Hero card preview texts in the result list; Teams shows about two lines. */
  previewTextMaxChars: 160,
} as const;

export type TeamsLimits = typeof TEAMS_LIMITS;
