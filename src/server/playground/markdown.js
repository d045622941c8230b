// The Markdown subset Teams draws in Adaptive Card text (bold, italic, links, lists, line breaks),
// for the adaptivecards renderer, which leaves Markdown to its host. Everything is HTML-escaped
// first and only http(s) links are made, so card text cannot inject markup into the page.
(() => {
  const ESCAPABLE = /\\([!-/:-@[-`{-~])/g;
  const HOLE = "\uE000";

  const escapeHtml = (s) =>
    s
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&#39;");

  function inline(text) {
    const kept = [];
    // Backslash escapes stand for the literal character: park them where no rule below can see them.
    let s = text.replace(ESCAPABLE, (_, c) => {
      kept.push(c);
      return `${HOLE}${kept.length - 1}${HOLE}`;
    });
    s = escapeHtml(s);
    s = s.replace(
      /\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g,
      (_, label, href) => `<a href="${href}" target="_blank" rel="noopener noreferrer">${label}</a>`,
    );
    s = s.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
    s = s.replace(/(^|[^*\w])\*([^*\s][^*]*)\*(?!\w)/g, "$1<em>$2</em>");
    s = s.replace(/(^|[^_\w])_([^_\s][^_]*)_(?!\w)/g, "$1<em>$2</em>");
    return s.replace(new RegExp(`${HOLE}(\\d+)${HOLE}`, "g"), (_, i) => escapeHtml(kept[Number(i)] ?? ""));
  }

  function toHtml(markdown) {
    const out = [];
    let list = null;
    let para = [];
    const flushPara = () => {
      if (para.length) out.push(`<p>${para.map(inline).join("<br>")}</p>`);
      para = [];
    };
    const flushList = () => {
      if (list)
        out.push(`<${list.tag}>${list.items.map((i) => `<li>${inline(i)}</li>`).join("")}</${list.tag}>`);
      list = null;
    };
    // Teams separates list lines with \r as often as with \n.
    for (const line of String(markdown).split(/\r\n|\r|\n/)) {
      const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
      const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
      const item = bullet ?? numbered;
      if (item) {
        flushPara();
        const tag = bullet ? "ul" : "ol";
        if (list && list.tag !== tag) flushList();
        list ??= { tag, items: [] };
        list.items.push(item[1]);
      } else if (!line.trim()) {
        flushPara();
        flushList();
      } else {
        flushList();
        para.push(line);
      }
    }
    flushPara();
    flushList();
    return out.join("");
  }

  window.PlaygroundMarkdown = { toHtml, escapeHtml };
})();
