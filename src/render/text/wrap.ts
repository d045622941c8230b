/** ANSI styling for a terminal; every function is the identity when colour is off. */
export interface Style {
  on: boolean;
  bold: (s: string) => string;
  dim: (s: string) => string;
  name: (s: string) => string;
}

const sgr = (open: string, close: string) => (s: string) => (s ? `\u001b[${open}m${s}\u001b[${close}m` : s);
const same = (s: string) => s;

export function styles(on: boolean): Style {
  return on
    ? { on, bold: sgr("1", "22"), dim: sgr("2", "22"), name: sgr("1;36", "22;39") }
    : { on, bold: same, dim: same, name: same };
}

/**
 * Wraps text to `width` terminal columns: the first line starts with `first`, the others with
 * `rest` (a hanging indent). Breaks at spaces, and between wide (CJK) characters, which have none.
 * Line breaks in the text are kept. Without a width, only the prefixes are added.
 */
export function wrap(text: string, width?: number, first = "", rest = ""): string[] {
  const out: string[] = [];
  for (const [i, paragraph] of text.split("\n").entries()) {
    const prefix = i === 0 ? first : rest;
    if (width === undefined || width <= displayWidth(prefix) + 8) {
      out.push(prefix + paragraph);
      continue;
    }
    out.push(...wrapOne(paragraph, width, prefix, rest));
  }
  return out;
}

function wrapOne(text: string, width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let prefix = first;
  let line = "";
  let used = displayWidth(prefix);
  // Where the current line may be cut: after a space, or before a wide character.
  let cut = -1;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const w = isWide(cp) ? 2 : 1;
    if (used + w > width && line.trim()) {
      let head = line;
      let tail = "";
      if (ch !== " " && cut > 0) {
        head = line.slice(0, cut);
        tail = line.slice(cut);
      }
      lines.push(prefix + head.trimEnd());
      prefix = rest;
      line = tail.trimStart();
      used = displayWidth(prefix) + displayWidth(line);
      cut = -1;
      if (ch === " ") continue;
    }
    if (ch === " ") cut = line.length + 1;
    else if (isWide(cp)) cut = line.length;
    line += ch;
    used += w;
    if (isWide(cp)) cut = line.length;
  }
  if (line.trim() || lines.length === 0) lines.push(prefix + line.trimEnd());
  return lines;
}

/** Terminal columns of a string: CJK and other wide characters take two. */
export function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return n;
}

export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff)
  );
}
