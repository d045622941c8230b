import type { Lang } from "./answer.js";

const ZERO_WIDTH_AND_BIDI = /[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;
// Control characters, emoji and pictographs carry no meaning for a catalog question.
const NOISE = /\p{Cc}|\p{Cf}|\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F/gu;
const CJK = /[\u3400-\u9FFF\uF900-\uFAFF]/u;
const CJK_G = /[\u3400-\u9FFF\uF900-\uFAFF]/gu;
const LATIN_WORD = /[a-z][a-z0-9]*/gi;
const KANA = /[\u3040-\u30FF\u31F0-\u31FF]/u;

/** Questions longer than this are cut: nobody asks a catalog question in 10 kB, and matching stays cheap. */
export const MAX_QUESTION_CHARS = 500;

/**
 * Folds a question or a catalog term to one comparable form: NFKC (full-width → ASCII),
 * lowercase, punctuation and separators to single spaces, and no space next to a Chinese
 * character (so "ACK Distro" = "ack-distro" and "灵雀云 ACP" = "灵雀云acp").
 */
export function fold(input: string): string {
  const s = input
    .slice(0, MAX_QUESTION_CHARS * 2)
    .normalize("NFKC")
    .replace(ZERO_WIDTH_AND_BIDI, "")
    .replace(NOISE, " ")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+#]+/gu, " ")
    .trim()
    .slice(0, MAX_QUESTION_CHARS);
  return s.replace(/ +/g, " ").replace(SPACE_NEXT_TO_CJK, "");
}

const SPACE_NEXT_TO_CJK = / (?=[\u3400-\u9FFF\uF900-\uFAFF])|(?<=[\u3400-\u9FFF\uF900-\uFAFF]) /gu;

export const hasCjk = (s: string): boolean => CJK.test(s);

/** Chinese when the question's own words (names of products removed) are mostly Chinese. */
export function detectLang(rest: string, whole: string): Lang {
  const score = (s: string) => {
    const cjk = s.match(CJK_G)?.length ?? 0;
    const latin = s.match(LATIN_WORD)?.length ?? 0;
    return { cjk, latin };
  };
  let { cjk, latin } = score(rest);
  if (cjk === 0 && latin === 0) ({ cjk, latin } = score(whole));
  // One Chinese character is about one English word in information; ties go to Chinese since a
  // Chinese asker who types product names in Latin letters still expects a Chinese answer.
  return cjk > 0 && cjk >= latin ? "zh" : "en";
}

/**
 * The language to answer a text in, before (or without) the engine: Chinese when its words are
 * mostly Han, English otherwise — Japanese (any kana) included, since only English and Chinese
 * are supported. A text with no letters at all (an emoji, "?", "") gets `fallback` (a locale's).
 * The one detector the adapters use; `understand` applies the same rule to the words left once
 * product names are removed.
 */
export function languageOf(text: string, fallback: Lang = "en"): Lang {
  const s = typeof text === "string" ? text.slice(0, MAX_QUESTION_CHARS * 2) : "";
  if (KANA.test(s)) return "en";
  const cjk = s.match(CJK_G)?.length ?? 0;
  const latin = s.match(LATIN_WORD)?.length ?? 0;
  if (cjk === 0 && latin === 0) return fallback;
  return detectLang(s, s);
}
