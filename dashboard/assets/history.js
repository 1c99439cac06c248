// Give each filter change its own browser-history entry, so Back and Forward restore the previous view.
// Streamlit replaces the URL when the app sets query parameters; this keeps the replaced address as an
// entry of its own. Changes that already made an entry (page links, tabs) or came from Back/Forward are
// only recorded. Installed once per browser tab.
(function () {
  if (window.__byruHistory) return;
  window.__byruHistory = true;
  let last = { path: location.pathname, search: location.search, length: history.length };
  let popped = false;
  window.addEventListener("popstate", () => { popped = true; });
  setInterval(() => {
    const now = { path: location.pathname, search: location.search, length: history.length };
    if (now.search !== last.search && now.path === last.path && !popped && now.length === last.length) {
      const target = location.href;
      history.replaceState(history.state, "", last.path + last.search);
      history.pushState(history.state, "", target);
      now.length = history.length;
    }
    popped = false;
    last = now;
  }, 150);
})();
