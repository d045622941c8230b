import fc from "fast-check";

/** Every fuzz property runs with this seed: a failure reproduces exactly. */
export const SEED = 20_261_129;

/**
 * Pieces of hostile or awkward text: Slack mrkdwn control sequences, Adaptive Card Markdown and
 * template syntax, HTML-ish tags, bidi and zero-width characters, C0 controls, lone surrogates,
 * full-width and RTL scripts, and real catalog words so the engine takes its deeper paths too.
 */
export const FRAGMENTS = [
  "<!channel>",
  "<!here|here>",
  "<!subteam^S123|@team>",
  "<@U1>",
  "<@W123|bob>",
  "<#C1|general>",
  "<https://x|y>",
  "<https://evil.example/a|click me>",
  "<mailto:a@evil.example|mail>",
  "[x](http://evil)",
  "[click](https://evil.example/p?a=1&b=2)",
  "![img](http://evil/x.png)",
  "<http://evil.example>",
  "**bold**",
  "_it_",
  "~strike~",
  "`code`",
  "```block```",
  "<at>Bot</at>",
  "<b>b</b><script>alert(1)</script>",
  "{{DATE(2020-01-01T00:00:00Z, SHORT)}}",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal injection attempt, not a template.
  "${process.exit(1)}",
  "'; DROP TABLE products; --",
  "&amp;",
  "&lt;&gt;",
  "&#x27;",
  "&",
  "# heading",
  "- item",
  "1. item",
  "> quote",
  "| a | b |",
  "\\",
  "\u202E",
  "\u202D",
  "\u2066",
  "\u200B",
  "\u200D",
  "\uFEFF",
  "\u00AD",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\r\n",
  "\t",
  "\u2028",
  "\uD800",
  "\uDFFF",
  "🚀",
  "👨‍👩‍👧‍👦",
  "🇨🇳",
  "e\u0301",
  "ＲＡＮＣＨＥＲ",
  "ｏｐｅｎｓｈｉｆｔ",
  "مرحبا OpenShift؟",
  "שלום",
  "rancher",
  "OpenShift",
  "openshfit",
  "kubspere",
  "TCS",
  "华为",
  "灵雀云",
  "对比",
  "vs",
  "compare",
  "air-gapped",
  "离线",
  "托管",
  "pay-as-you-go",
  "help",
  "帮助",
  "?",
  "？",
  "!!!",
  "...",
];

const PUNCTUATION = [..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~。，、？！：；“”‘’（）【】《》…—·"];

/** A question made of fragments joined by spaces or nothing. */
const fragmentQuestion = fc
  .array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 10 })
  .chain((parts) => fc.constantFrom(" ", "", "\n").map((sep) => parts.join(sep)));

/** Random text of every kind fast-check knows, mixed with hostile fragments. */
export const question: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fragmentQuestion },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 120 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 120 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...PUNCTUATION), minLength: 1, maxLength: 80 }) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ unit: "grapheme", maxLength: 40 }), fragmentQuestion, fc.string({ maxLength: 40 }))
      .map((xs) => xs.join(" ")),
  },
);

/** About 10 kB of one alphabet or of fragments: the biggest a chat message gets. */
export const hugeQuestion: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", minLength: 10_000, maxLength: 10_240 }),
  fc.string({ unit: "grapheme", minLength: 3_000, maxLength: 5_000 }),
  fc
    .array(fc.constantFrom(...FRAGMENTS), { minLength: 600, maxLength: 900 })
    .map((parts) => parts.join(" ").slice(0, 10_240)),
);

/** Text to put in every field of an answer: hostile fragments around random text. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  fragmentQuestion,
  fc.tuple(fragmentQuestion, fc.string({ unit: "grapheme", maxLength: 60 })).map(([a, b]) => `${a}${b}`),
  fc.string({ unit: "binary", minLength: 1, maxLength: 60 }),
  // Long enough to hit every truncation: section text, fields, headers, buttons.
  fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 200, maxLength: 400 }).map((parts) => parts.join(" ")),
);
