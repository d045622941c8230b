// A preview of a Slack Block Kit message as Slack draws it: header, sections with fields and an
// accessory, context lines, actions (buttons, menus), dividers, and mrkdwn (bold, italic, strike,
// code, links, mentions). Built with DOM calls and textContent, never from the message's HTML, so
// nothing in a message can inject markup into the page. Buttons and menus call `onAction` with the
// element and, for a menu, the chosen option.
(() => {
  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

  /** Emphasis inside one run of text: `code`, *bold*, _italic_, ~strike~ (Slack's rules, simplified). */
  function appendStyled(parent, text) {
    const pattern = /`([^`\n]+)`|\*([^*\n]+)\*|(?<![\w])_([^_\n]+)_(?![\w])|~([^~\n]+)~/g;
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      if (m.index > last) parent.append(decode(text.slice(last, m.index)));
      const [, code, bold, italic, strike] = m;
      if (code !== undefined) parent.append(el("code", "sk-code", decode(code)));
      else if (bold !== undefined) appendStyled(parent.appendChild(el("b")), bold);
      else if (italic !== undefined) appendStyled(parent.appendChild(el("i")), italic);
      else appendStyled(parent.appendChild(el("s")), strike);
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.append(decode(text.slice(last)));
  }

  /** mrkdwn into `parent`: `<url|label>` links and `<@U…>` mentions first, then emphasis, then line breaks. */
  function appendMrkdwn(parent, text) {
    const lines = String(text).split("\n");
    lines.forEach((line, i) => {
      if (i > 0) parent.append(el("br"));
      let last = 0;
      for (const m of line.matchAll(/<([^<>|]+)(?:\|([^<>]*))?>/g)) {
        if (m.index > last) appendStyled(parent, line.slice(last, m.index));
        const [, target, label] = m;
        if (/^https?:\/\//.test(target)) {
          const a = el("a", "sk-link");
          a.href = decode(target);
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          appendStyled(a, label ?? target);
          parent.append(a);
        } else if (/^@[UW]/.test(target)) {
          parent.append(el("span", "sk-mention", `@${target.slice(1)}`));
        } else {
          parent.append(decode(label ?? target));
        }
        last = m.index + m[0].length;
      }
      if (last < line.length) appendStyled(parent, line.slice(last));
    });
  }

  function textObject(obj, className) {
    const node = el("div", className);
    if (!obj) return node;
    if (obj.type === "mrkdwn") appendMrkdwn(node, obj.text);
    else node.textContent = obj.text;
    return node;
  }

  function element(e, onAction) {
    if (e.type === "button") {
      const b = el("button", `sk-button${e.style === "primary" ? " primary" : ""}`, e.text?.text ?? "");
      b.type = "button";
      b.dataset.actionId = e.action_id;
      if (e.url) {
        b.addEventListener("click", () => window.open(e.url, "_blank", "noopener,noreferrer"));
        b.classList.add("link");
      } else b.addEventListener("click", () => onAction(e));
      return b;
    }
    if (e.type === "static_select" || e.type === "overflow") {
      const select = el("select", "sk-select");
      select.dataset.actionId = e.action_id;
      const placeholder = el("option", "", e.placeholder?.text ?? "…");
      placeholder.value = "";
      placeholder.disabled = true;
      placeholder.selected = true;
      select.append(placeholder);
      for (const o of e.options ?? []) {
        const option = el("option", "", o.text?.text ?? "");
        option.value = o.value;
        select.append(option);
      }
      select.addEventListener("change", () => {
        const option = (e.options ?? []).find((o) => o.value === select.value);
        if (option) onAction(e, option);
      });
      return select;
    }
    return el("span", "sk-unknown", `[${e.type}]`);
  }

  function block(b, onAction) {
    switch (b.type) {
      case "header":
        return textObject(b.text, "sk-header");
      case "section": {
        const node = el("div", "sk-section");
        const body = el("div", "sk-section-body");
        if (b.text) body.append(textObject(b.text, "sk-text"));
        if (b.fields?.length) {
          const fields = el("div", "sk-fields");
          for (const f of b.fields) fields.append(textObject(f, "sk-field"));
          body.append(fields);
        }
        node.append(body);
        if (b.accessory) node.append(el("div", "sk-accessory")).append(element(b.accessory, onAction));
        return node;
      }
      case "context": {
        const node = el("div", "sk-context");
        for (const e of b.elements ?? []) node.append(textObject(e, "sk-context-item"));
        return node;
      }
      case "actions": {
        const node = el("div", "sk-actions");
        for (const e of b.elements ?? []) node.append(element(e, onAction));
        return node;
      }
      case "divider":
        return el("hr", "sk-divider");
      default:
        return el("div", "sk-unknown", `[${b.type}]`);
    }
  }

  /** The message as Slack would draw it from the bot. */
  function render(message, onAction = () => {}) {
    const root = el("div", "sk-message");
    const avatar = el("div", "sk-avatar", "P");
    avatar.setAttribute("aria-hidden", "true");
    const main = el("div", "sk-main");
    const who = el("div", "sk-who");
    who.append(el("span", "sk-name", "paas-bot"), el("span", "sk-app", "APP"));
    main.append(who);
    for (const b of message.blocks ?? []) main.append(block(b, onAction));
    root.append(avatar, main);
    return root;
  }

  window.SlackPreview = { render, appendMrkdwn };
})();
