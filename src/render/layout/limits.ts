/**
 * How much one page of an answer holds, for every platform alike. Our choices, made so that an
 * answer reads on a phone: the first page answers, "More" and the details hold the rest.
 */
export const LAYOUT_LIMITS = {
  /** Characters of text per page (a CJK character counts double, as it reads and weighs more). */
  pageWeight: 1500,
  /** One-line items per page of a list. */
  linesPerPage: 8,
  /** Rows per page of a table (a Slack message draws a table row as one block). */
  rowsPerPage: 10,
  /** Sources listed under a page; the rest are one "n more" click away. */
  sourcesShown: 5,
  leadChars: 1200,
  noticeChars: 300,
  titleChars: 150,
  /** A list line's reason. */
  lineChars: 90,
  /** A list line's vendor or count. */
  metaChars: 60,
  bulletChars: 700,
  factChars: 600,
  cellChars: 300,
  /** Follow-ups shown under an answer. */
  followUps: 3,
} as const;
