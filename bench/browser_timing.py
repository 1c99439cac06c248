"""In-page timing for the browser benchmark: when did the browser receive and paint a script run?

Injected before the page loads. It timestamps every pointer press, and every websocket message that
carries Streamlit's `script_finished` (ForwardMsg field 6, read with a minimal protobuf walk), then
the first frame painted after it. All times are the page's own `performance.now()` (milliseconds since
navigation start), so the same clock serves both apps and no polling delay enters the figures.
"""

from __future__ import annotations

INIT_SCRIPT = r"""
(() => {
  const log = (window.__stLog = { presses: [], finished: [], painted: [], firstChart: null });
  document.addEventListener("pointerdown", () => log.presses.push(performance.now()), true);
  const hasScriptFinished = (buffer) => {
    const b = new Uint8Array(buffer);
    let i = 0;
    const varint = () => {
      let result = 0, scale = 1, x;
      do { x = b[i++]; result += (x & 0x7f) * scale; scale *= 128; } while (x & 0x80 && i < b.length);
      return result;
    };
    while (i < b.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag & 7;
      if (field === 6 && wire === 0) return true;
      if (wire === 0) varint();
      else if (wire === 2) { const length = varint(); i += length; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else return false;
    }
    return false;
  };
  const painted = () => requestAnimationFrame(() => setTimeout(() => log.painted.push(performance.now()), 0));
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (ev) => {
        if (ev.data instanceof ArrayBuffer && hasScriptFinished(ev.data)) {
          log.finished.push(performance.now());
          painted();
        }
      });
    }
  };
  new MutationObserver((_, observer) => {
    if (document.querySelector(".js-plotly-plot .main-svg")) {
      log.firstChart = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
})();
"""

RESET = "() => { const l = window.__stLog; l.presses = []; l.finished = []; l.painted = []; }"


def reset(page) -> None:
    """Forget earlier presses and runs (call when the page is idle, right before an action)."""
    page.evaluate(RESET)


def delivered_ms(page, timeout_ms: int = 60_000) -> tuple[float, float]:
    """From the last pointer press: ms until the run's `script_finished` arrived, and until the next paint."""
    page.wait_for_function("() => window.__stLog.painted.length > 0", timeout=timeout_ms)
    log = page.evaluate("() => window.__stLog")
    press = [p for p in log["presses"] if p <= log["finished"][0]][-1]
    return log["finished"][0] - press, log["painted"][0] - press


def first_chart_ms(page, timeout_ms: int = 120_000) -> float:
    """Milliseconds from navigation start until the first plotly chart has drawn its SVG."""
    page.wait_for_function("() => window.__stLog.firstChart !== null", timeout=timeout_ms)
    return page.evaluate("() => window.__stLog.firstChart")


def settle(page, quiet_ms: int = 400, timeout_ms: int = 60_000) -> None:
    """Wait until no script run has finished for `quiet_ms` (the page is idle)."""
    page.wait_for_function(
        """(quiet) => {
          const l = window.__stLog, now = performance.now();
          const last = Math.max(l.finished.at(-1) ?? 0, l.firstChart ?? 0);
          return last > 0 && now - last > quiet;
        }""",
        arg=quiet_ms,
        timeout=timeout_ms,
        polling=50,
    )
