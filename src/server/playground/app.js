// The playground page: asks the server's /api/ask, then shows the answer as the Teams Adaptive Card
// (drawn by the official adaptivecards renderer, with working buttons) and as the Slack Block Kit
// message. No build step and no framework: this file is served as is.
(() => {
  const TEXTS = {
    en: {
      title: "paas-bot playground",
      tagline:
        "Ask about container PaaS and hybrid-cloud Kubernetes in China, and see exactly what the bot sends to Microsoft Teams and Slack.",
      askHeading: "Ask a question",
      placeholder: "Ask a question, e.g. Which options work fully air-gapped?",
      ask: "Ask",
      examples: "Try",
      empty:
        "Type a question or pick an example: the answer appears as the Teams card and as the Slack message, side by side.",
      back: "← Back",
      intent: "Intent",
      language: "Answer language",
      page: "Page",
      answeredIn: "Round trip",
      teamsSub: "Adaptive Card 1.5, drawn by the official adaptivecards renderer. Buttons work.",
      slackSub:
        "Block Kit message (the chat.postMessage body), drawn as Slack shows it. Buttons and menus work.",
      slackJson: "Block Kit JSON",
      compareWithNote: "In Slack this opens a menu of products to compare with.",
      intents: {
        product: "Product",
        vendor: "Vendor's offerings",
        filter: "Filtered list",
        category: "Category",
        categories: "Categories",
        compare: "Comparison",
        topic: "Topic",
        distributions: "Distributions",
        "other-players": "Other players",
        help: "Help",
        about: "About the data",
        clarify: "Question back",
        "not-found": "Not in the catalog",
      },
      copy: "Copy JSON",
      copied: "Copied",
      openBkb: "Open in Block Kit Builder ↗",
      cardJson: "Adaptive Card JSON",
      footer:
        "Local playground: nothing here is sent to Slack or Microsoft. Block Kit Builder opens slack.com in a new tab.",
      clicked: "Clicked",
      thanks: "Thanks for the feedback: it helps improve the answers.",
      noRenderer: "The adaptivecards renderer is not installed on this server: showing the card as JSON.",
      failed: "The request failed",
      offline: "The server cannot be reached. Is `npm start` still running?",
    },
    zh: {
      title: "paas-bot 演练场",
      tagline:
        "询问中国市场的容器 PaaS 与混合云 Kubernetes，直接查看机器人发往 Microsoft Teams 和 Slack 的消息。",
      askHeading: "提问",
      placeholder: "输入问题，例如：哪些方案支持全内网部署？",
      ask: "提问",
      examples: "试试",
      empty: "输入问题或点击示例：答案会同时以 Teams 卡片和 Slack 消息的形式并排显示。",
      back: "← 返回",
      intent: "意图",
      language: "回答语言",
      page: "页码",
      answeredIn: "往返耗时",
      teamsSub: "Adaptive Card 1.5，由官方 adaptivecards 渲染器绘制，按钮可点击。",
      slackSub: "Block Kit 消息（即 chat.postMessage 的请求体），按 Slack 的样式绘制，按钮和菜单可用。",
      slackJson: "Block Kit JSON",
      compareWithNote: "在 Slack 中，这会打开一个可供对比的产品菜单。",
      intents: {
        product: "产品",
        vendor: "厂商的产品",
        filter: "条件筛选",
        category: "类别",
        categories: "全部类别",
        compare: "对比",
        topic: "专题",
        distributions: "发行版",
        "other-players": "其他玩家",
        help: "帮助",
        about: "数据来源",
        clarify: "反问澄清",
        "not-found": "目录中没有",
      },
      copy: "复制 JSON",
      copied: "已复制",
      openBkb: "在 Block Kit Builder 中打开 ↗",
      cardJson: "Adaptive Card JSON",
      footer:
        "本地演练场：不会向 Slack 或 Microsoft 发送任何内容。Block Kit Builder 会在新标签页中打开 slack.com。",
      clicked: "点击了",
      thanks: "谢谢你的反馈，它帮助我们改进回答。",
      noRenderer: "此服务器未安装 adaptivecards 渲染器：以 JSON 显示卡片。",
      failed: "请求失败",
      offline: "无法连接服务器。`npm start` 还在运行吗？",
    },
  };
  const LANG_NAMES = { en: "English", zh: "中文" };

  const $ = (id) => document.getElementById(id);
  const md = window.PlaygroundMarkdown;
  const slackPreview = window.SlackPreview;
  const state = { lang: initialLang(), examples: null, history: [], busy: false };

  /**
   * The page's conversation: a random id kept for the tab (sessionStorage), sent with every typed
   * question so follow-ups ("which of those are open source?", 「那华为呢」) refine the answer before.
   */
  function conversationId() {
    const key = "paas-bot.conversation";
    try {
      let id = sessionStorage.getItem(key);
      if (!id || !/^[A-Za-z0-9_-]{1,100}$/.test(id)) {
        id = `pg-${crypto.getRandomValues(new Uint32Array(4)).join("-")}`.slice(0, 100);
        sessionStorage.setItem(key, id);
      }
      return id;
    } catch {
      state.conversation ??= `pg-${Math.random().toString(36).slice(2)}`;
      return state.conversation;
    }
  }

  /** POSTs JSON; the parsed reply, or undefined after showing why the server refused it. */
  async function postJson(path, body) {
    const res = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const data = await res.json().catch(() => ({}));
    if (res.ok) return data;
    showError(`${text("failed")} (${res.status}): ${data?.error?.message ?? res.statusText}`);
    return undefined;
  }

  /** A 👍 / 👎: posted to /api/feedback (the words are never sent), acknowledged under the answer. */
  async function feedback(body) {
    try {
      const data = await postJson("/api/feedback", body);
      if (!data) return;
      const note = $("feedback-note");
      if (note) {
        note.textContent = data.message ?? text("thanks");
        note.hidden = false;
      }
    } catch {
      showError(text("offline"));
    }
  }

  function initialLang() {
    const fromUrl = new URLSearchParams(location.search).get("lang");
    if (fromUrl === "en" || fromUrl === "zh") return fromUrl;
    try {
      const saved = localStorage.getItem("paas-bot-lang");
      if (saved === "en" || saved === "zh") return saved;
    } catch {
      // Storage can be blocked; the browser language decides then.
    }
    return (navigator.language || "").toLowerCase().startsWith("zh") ? "zh" : "en";
  }

  const text = (key) => TEXTS[state.lang][key] ?? TEXTS.en[key] ?? key;

  function applyLang(lang) {
    state.lang = lang;
    document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
    document.title = text("title");
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = text(el.dataset.i18n);
    for (const el of document.querySelectorAll("[data-i18n-placeholder]"))
      el.placeholder = text(el.dataset.i18nPlaceholder);
    for (const b of document.querySelectorAll(".lang-switch button"))
      b.setAttribute("aria-pressed", String(b.dataset.lang === lang));
    try {
      localStorage.setItem("paas-bot-lang", lang);
    } catch {
      // Not remembering the choice is fine.
    }
    const url = new URL(location.href);
    url.searchParams.set("lang", lang);
    history.replaceState(null, "", url);
    renderExamples();
    const current = state.history[state.history.length - 1];
    if (current)
      $("meta-intent").textContent = TEXTS[lang].intents[current.answer.intent] ?? current.answer.intent;
  }

  async function loadExamples() {
    try {
      const res = await fetch("/api/examples");
      if (res.ok) state.examples = await res.json();
    } catch {
      // The page still works without examples.
    }
    renderExamples();
  }

  function renderExamples() {
    const host = $("examples");
    host.replaceChildren();
    for (const q of state.examples?.[state.lang] ?? []) {
      const chip = document.createElement("button");
      chip.type = "button";
      chip.className = "chip";
      chip.textContent = q;
      chip.addEventListener("click", () => {
        $("q").value = q;
        ask({ q, conversation: conversationId() }, q);
      });
      host.append(chip);
    }
  }

  function setBusy(busy) {
    state.busy = busy;
    $("ask").disabled = busy;
    document.body.classList.toggle("busy", busy);
  }

  function showError(message) {
    const alert = $("alert");
    alert.textContent = message;
    alert.hidden = !message;
  }

  /** Sends a question or a button's data; shows the answer, or why there is none. */
  async function ask(body, asked) {
    if (state.busy) return;
    setBusy(true);
    showError("");
    const started = performance.now();
    try {
      const data = await postJson("/api/ask", body);
      if (!data) return;
      const result = { ...data, asked, ms: Math.round(performance.now() - started) };
      state.history.push(result);
      render(result);
    } catch {
      showError(text("offline"));
    } finally {
      setBusy(false);
    }
  }

  function render(result) {
    const { answer, teams, slack, page } = result;
    $("empty").hidden = true;
    $("results").hidden = false;
    const note = $("feedback-note");
    if (note) note.hidden = true;
    $("results").dataset.intent = answer.intent;
    $("results").dataset.lang = answer.lang;
    $("meta-intent").textContent = TEXTS[state.lang].intents[answer.intent] ?? answer.intent;
    $("meta-intent").title = answer.intent;
    $("meta-lang").textContent = LANG_NAMES[answer.lang] ?? answer.lang;
    $("meta-page").textContent = String(page);
    $("meta-page-wrap").hidden = page <= 1;
    $("meta-ms").textContent = `${result.ms} ms`;
    $("back").hidden = state.history.length < 2;
    $("asked").textContent = result.asked;
    $("asked-slack").textContent = result.asked;

    renderCard(teams);
    renderSlack(slack);
    $("card-json").innerHTML = highlight(teams);
    $("slack-json").innerHTML = highlight(slack);
    // Block Kit Builder reads the message from the URL fragment: nothing is sent until the user opens it.
    $("bkb").href =
      `https://app.slack.com/block-kit-builder/#${encodeURIComponent(JSON.stringify({ blocks: slack.blocks }))}`;
    const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    $("results").scrollIntoView({ behavior: still ? "auto" : "smooth", block: "start" });
  }

  /** The Slack message drawn as Slack shows it; its buttons and menus ask the server like Slack would. */
  function renderSlack(message) {
    const host = $("slack-preview");
    host.replaceChildren();
    if (!slackPreview) return;
    host.append(
      slackPreview.render(message, (element, option) => {
        const label = option?.text?.text ?? element.text?.text ?? "";
        if (element.action_id === "paas_fb_up" || element.action_id === "paas_fb_down") {
          feedback({ value: element.value, verdict: element.action_id === "paas_fb_up" ? "up" : "down" });
          return;
        }
        if (element.action_id.startsWith("paas_compare_with")) {
          showError(text("compareWithNote"));
          return;
        }
        if (option) {
          // A list's menu names what to open: "product:<id>:<lang>".
          const [type, id, lang] = String(option.value).split(":");
          ask({ state: { r: { type, id, lang } } }, `${text("clicked")}: ${label}`);
        } else if (element.value) {
          ask({ state: element.value }, `${text("clicked")}: ${label}`);
        }
      }),
    );
  }

  function renderCard(json) {
    const host = $("card");
    host.replaceChildren();
    const AC = window.AdaptiveCards;
    if (!AC) {
      const note = document.createElement("p");
      note.className = "note";
      note.textContent = text("noRenderer");
      const pre = document.createElement("pre");
      pre.className = "code";
      pre.innerHTML = highlight(json);
      host.append(note, pre);
      return;
    }
    AC.AdaptiveCard.onProcessMarkdown = (markdown, result) => {
      result.outputHtml = md.toHtml(markdown);
      result.didProcess = true;
    };
    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(HOST_CONFIG);
    card.onExecuteAction = (action) => {
      if (action instanceof AC.OpenUrlAction) {
        window.open(action.url, "_blank", "noopener,noreferrer");
      } else if (action instanceof AC.SubmitAction) {
        // What Teams would post back as the message value: the action data merged with the inputs.
        if (action.data && typeof action.data === "object" && "feedback" in action.data)
          feedback({ action: action.data });
        else ask({ action: action.data }, `${text("clicked")}: ${action.title ?? ""}`);
      }
    };
    card.parse(json);
    const el = card.render();
    if (el) host.append(el);
  }

  /** JSON, HTML-escaped, with spans for keys, strings, numbers and literals. */
  function highlight(value) {
    const json = md.escapeHtml(JSON.stringify(value, null, 2));
    return json.replace(
      /(&quot;(?:\\.|(?!&quot;).)*?&quot;)(\s*:)?|\b(true|false|null)\b|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)/g,
      (m, str, colon, lit, num) => {
        if (str)
          return colon ? `<span class="j-key">${str}</span>${colon}` : `<span class="j-str">${str}</span>`;
        if (lit) return `<span class="j-lit">${lit}</span>`;
        if (num) return `<span class="j-num">${num}</span>`;
        return m;
      },
    );
  }

  // Close to Teams' light theme, so the card looks as it will in a chat.
  const HOST_CONFIG = {
    fontFamily:
      "'Segoe UI', system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: "#E1E1E1" },
    fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 22 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: {
        backgroundColor: "#FFFFFF",
        foregroundColors: {
          default: { default: "#242424", subtle: "#616161" },
          accent: { default: "#4F52B2", subtle: "#6264A7" },
          good: { default: "#237B4B", subtle: "#2E8B57" },
          warning: { default: "#835B00", subtle: "#A37A00" },
          attention: { default: "#C4314B", subtle: "#D13438" },
          dark: { default: "#242424", subtle: "#424242" },
          light: { default: "#FFFFFF", subtle: "#F5F5F5" },
        },
      },
      emphasis: {
        backgroundColor: "#F5F5F5",
        foregroundColors: {
          default: { default: "#242424", subtle: "#616161" },
          accent: { default: "#4F52B2", subtle: "#6264A7" },
        },
      },
    },
    actions: {
      maxActions: 6,
      spacing: "default",
      buttonSpacing: 8,
      actionsOrientation: "horizontal",
      actionAlignment: "left",
      showCard: { actionMode: "inline", inlineTopMargin: 8 },
    },
    factSet: {
      title: {
        color: "default",
        size: "default",
        isSubtle: true,
        weight: "bolder",
        wrap: true,
        maxWidth: 160,
      },
      value: { color: "default", size: "default", isSubtle: false, weight: "default", wrap: true },
      spacing: 12,
    },
  };

  /** The sticky header's height, so an answer scrolls to just below it. */
  function measureTopbar() {
    const bar = document.querySelector(".topbar");
    if (bar) document.documentElement.style.setProperty("--topbar-height", `${bar.offsetHeight}px`);
  }

  function init() {
    measureTopbar();
    window.addEventListener("resize", measureTopbar);
    for (const b of document.querySelectorAll(".lang-switch button")) {
      b.addEventListener("click", () => applyLang(b.dataset.lang));
    }
    $("ask-form").addEventListener("submit", (event) => {
      event.preventDefault();
      const q = $("q").value.trim();
      if (q) ask({ q, conversation: conversationId() }, q);
    });
    $("back").addEventListener("click", () => {
      if (state.history.length < 2) return;
      state.history.pop();
      render(state.history[state.history.length - 1]);
    });
    $("copy").addEventListener("click", async () => {
      const current = state.history[state.history.length - 1];
      if (!current) return;
      try {
        await navigator.clipboard.writeText(JSON.stringify(current.slack, null, 2));
        $("copy").textContent = text("copied");
        setTimeout(() => {
          $("copy").textContent = text("copy");
        }, 1500);
      } catch {
        // Clipboard needs a secure context; the JSON is on screen to select by hand.
      }
    });
    applyLang(state.lang);
    loadExamples();
    const q = new URLSearchParams(location.search).get("q");
    if (q) {
      $("q").value = q;
      ask({ q, conversation: conversationId() }, q);
    }
  }

  init();
})();
