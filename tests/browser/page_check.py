#!/usr/bin/env python3
"""Checks an HTML report of aijri in a real browser: headless Chromium, driven through the
DevTools protocol over a pipe (standard library only; html5lib for the HTML5 parse).

    page_check.py PAGE.html [--expect-text SELECTOR=SUBSTRING]... [--expect-count SELECTOR=N]...
                            [--expect-js EXPRESSION]... [--expect-*-scripted ...]...
                            [--max-scripts N] [--screenshot OUT.png [--width W] [--max-height H]]
                            [--metrics-json OUT.json] [--no-parse] [--no-js-off]
                            [--chromium PATH] [--timeout S]

The page is loaded from file:// twice, in one fresh browser (a temporary profile): once with
JavaScript on and once with it off (Emulation.setScriptExecutionDisabled). It fails, exiting 1
with one line a fault on standard error, when:

- the page attempted any request other than its own file:// URL (Network.requestWillBeSent,
  Network.loadingFailed, CSP violations from Log.entryAdded): data: and blob: URLs included,
  since a report's Content-Security-Policy allows none (its SVG is inline). Every such
  request is also stopped before it leaves (Fetch), and Chromium's own traffic is turned off
  (CHROMIUM_FLAGS), so the check never depends on the network being absent;
- the console has an error or a warning, or a script threw (Runtime.consoleAPICalled,
  Runtime.exceptionThrown, Log.entryAdded);
- a hostile fixture's payload ran: window.__aijri_pwned was assigned (a trap installed before
  the page's own scripts reports it), there are more <script> elements than --max-scripts
  (default 1: the page's own), a script has a src, an element carries an on* event-handler
  attribute, or a link or source points at javascript:;
- an expectation does not hold. --expect-text, --expect-count and --expect-js must hold both
  with JavaScript on and off (a report is readable without it); the same options ending in
  -scripted only with JavaScript on (sorting, paging):
    --expect-text 'SELECTOR=SUBSTRING'  document.querySelector(SELECTOR).textContent contains it
    --expect-count 'SELECTOR=N'         document.querySelectorAll(SELECTOR).length == N
    --expect-js 'EXPRESSION'            the expression is truthy (evaluated in the page)
  SELECTOR=... splits at the first '=' outside the selector's brackets and quotes. They are
  evaluated in the order given, so a scripted one may click a control for the next.
- the file is not well-formed HTML5 (html5lib's strict parser; the line and column are told);
- the browser could not be started, or anything took longer than --timeout (Chromium is
  killed on every path).

--screenshot writes a full-page PNG at the viewport width --width (JavaScript on), cut at
--max-height if given.
--metrics-json writes the load measurement (JavaScript on): the navigation's load event end
and a forced layout after it, in ms from the navigation's start, plus Chromium's own
Performance metrics (layout and script durations), the page's size in bytes, its table rows
(in the DOM, and shown) and its SVG elements.

Exit codes: 0 pass, 1 a check failed, 2 usage, 77 Chromium or html5lib missing (the test is
skipped, and this says why).
"""
import argparse
import base64
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time

EXIT_FAIL = 1
EXIT_USAGE = 2
EXIT_SKIP = 77

# The marker a hostile fixture's payload sets (tests/browser/fixtures/, the hostile assessment).
PWNED = "__aijri_pwned"

# Chromium must not touch the network on its own account, so that every request seen is the
# page's: no component, safe-browsing, translate or field-trial fetches, no first-run, no
# extensions, no sync, and every host name resolves to nothing.
CHROMIUM_FLAGS = [
    "--headless=new",
    "--remote-debugging-pipe",
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-component-extensions-with-background-pages",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-default-apps",
    "--disable-sync",
    "--disable-domain-reliability",
    "--disable-client-side-phishing-detection",
    "--disable-breakpad",
    "--disable-crash-reporter",
    "--disable-field-trial-config",
    "--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,"
    "AutofillServerCommunication,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions",
    "--metrics-recording-only",
    "--no-pings",
    "--safebrowsing-disable-auto-update",
    "--password-store=basic",
    "--use-mock-keychain",
    "--mute-audio",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--force-color-profile=srgb",
    "--font-render-hinting=none",
]

# Installed before the page's own scripts: assigning the marker is reported as a console
# error, so that a payload that sets it and deletes it again is still caught.
TRAP = """(() => {
  let value;
  Object.defineProperty(window, '%s', {
    configurable: false,
    get() { return value; },
    set(v) { value = v; console.error('page_check: window.%s was assigned ' + String(v)); },
  });
})();""" % (PWNED, PWNED)

# What a hostile payload could leave in the DOM even when it did not run.
HOSTILE_DOM = """(() => {
  const found = [];
  for (const s of document.querySelectorAll('script[src]')) {
    found.push('a <script> with src=' + JSON.stringify(s.getAttribute('src')));
  }
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) {
        found.push('<' + e.localName + '> has an event-handler attribute ' + a.name + '='
                   + JSON.stringify(a.value));
      }
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(name)
          && /^\\s*(javascript|vbscript):/i.test(a.value)) {
        found.push('<' + e.localName + '> has ' + a.name + '=' + JSON.stringify(a.value));
      }
    }
  }
  return found;
})()"""


class CheckError(Exception):
    """A fault of the page or of the browser: its message is the line printed."""


class Skip(Exception):
    """What the check needs is not on this machine."""


def find_chromium(explicit=None):
    candidates = [explicit] if explicit else [os.environ.get("AIJRI_CHROMIUM"), "chromium",
                                              "chromium-browser", "google-chrome"]
    for c in candidates:
        if c and shutil.which(c):
            return shutil.which(c)
    raise Skip("skipped: no Chromium (install Debian's chromium: scripts/install-deps)")


class Browser:
    """One headless Chromium, spoken to through the DevTools protocol on fds 3 (to it) and 4
    (from it): JSON messages, each ended by a NUL byte."""

    def __init__(self, executable, timeout):
        self.deadline = time.monotonic() + timeout
        self.timeout = timeout
        self.step = "starting Chromium"  # what a timeout interrupted, for its message
        self.profile = tempfile.mkdtemp(prefix="aijri-chromium-")
        self.next_id = 0
        self.buffer = b""
        self.events = []  # (sessionId, method, params), in arrival order
        self.on_event = None  # called with each event as it arrives
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        flags = list(CHROMIUM_FLAGS) + [f"--user-data-dir={self.profile}"]
        if os.geteuid() == 0:
            flags.append("--no-sandbox")  # Chromium refuses to run its sandbox as root

        def child_fds():
            # The pipe ends move to fds 3 and 4, which Chromium inherits, by way of fds above
            # them (closed at exec) so that neither overwrites the other.
            r = os.dup2(to_child_r, 100, inheritable=False)
            w = os.dup2(from_child_w, 101, inheritable=False)
            os.dup2(r, 3)
            os.dup2(w, 4)
            os.setsid()  # its own process group, killed as one

        self.stderr = tempfile.TemporaryFile()
        try:
            self.process = subprocess.Popen([executable] + flags + ["about:blank"],
                                            stdin=subprocess.DEVNULL, stdout=self.stderr,
                                            stderr=self.stderr, close_fds=False,
                                            preexec_fn=child_fds)
        except OSError as e:
            self.close()
            raise Skip(f"skipped: cannot run {executable}: {e}")
        finally:
            os.close(to_child_r)
            os.close(from_child_w)

    def close(self):
        process = getattr(self, "process", None)
        if process and process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            process.wait()
        for fd in ("to_child", "from_child"):
            if getattr(self, fd, None) is not None:
                os.close(getattr(self, fd))
                setattr(self, fd, None)
        shutil.rmtree(self.profile, ignore_errors=True)

    def browser_output(self):
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace")[-3000:]

    def _receive(self):
        while b"\0" not in self.buffer:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise CheckError(f"timed out after {self.timeout:g} s {self.step}")
            ready, _, _ = select.select([self.from_child], [], [], left)
            if not ready:
                continue
            chunk = os.read(self.from_child, 1 << 20)
            if not chunk:
                raise CheckError("Chromium closed the DevTools pipe (it exited with "
                                 f"{self.process.poll()}):\n{self.browser_output()}")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def post(self, method, params=None, session=None):
        """Sends a command without waiting for its answer; returns its id."""
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self.to_child, data):]
        return self.next_id

    def send(self, method, params=None, session=None):
        """Sends a command and waits for its answer, keeping the events met meanwhile."""
        wanted = self.post(method, params, session)
        while True:
            reply = self._receive()
            if reply.get("id") == wanted:
                if "error" in reply:
                    raise CheckError(f"DevTools {method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            self._keep(reply)

    def receive_event(self):
        """Waits for the next message and keeps it if it is an event."""
        self._keep(self._receive())

    def _keep(self, reply):
        if "method" in reply:
            event = (reply.get("sessionId"), reply["method"], reply.get("params", {}))
            self.events.append(event)
            if self.on_event:
                self.on_event(*event)


class Page:
    """A tab of the browser with the domains the checks listen to."""

    def __init__(self, browser, scripts):
        self.browser = browser
        target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.send("Target.attachToTarget",
                                    {"targetId": target, "flatten": True})["sessionId"]
        self.first_event = len(browser.events)
        self.url = None
        self.scripts = scripts
        browser.on_event = self._answer
        for domain in ("Page", "Runtime", "Network", "Log", "Performance"):
            self.send(f"{domain}.enable")
        # Every request other than the page's own file is stopped before it leaves (and
        # recorded): the check must not depend on the network being absent.
        self.send("Fetch.enable", {"patterns": [{"urlPattern": "*"}]})
        if scripts:
            self.send("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP})
        else:
            self.send("Emulation.setScriptExecutionDisabled", {"value": True})

    def send(self, method, params=None):
        return self.browser.send(method, params, self.session)

    def my_events(self):
        return [(m, p) for s, m, p in self.browser.events[self.first_event:] if s == self.session]

    def navigate(self, url):
        """Loads url and waits for its load event. Requests are answered as they are paused
        (a navigation's answer waits for its own request): url itself goes through, every
        other request fails."""
        self.url = url
        started = time.monotonic()
        reply = self.send("Page.navigate", {"url": url})
        if reply.get("errorText"):
            raise CheckError(f"cannot load {url}: {reply['errorText']}")
        while not any(m == "Page.loadEventFired" for m, _ in self.my_events()):
            self.browser.receive_event()
        self.load_wall_ms = (time.monotonic() - started) * 1000

    def _answer(self, session, method, params):
        if session != self.session or method != "Fetch.requestPaused":
            return
        if params["request"]["url"] == self.url:
            self.browser.post("Fetch.continueRequest", {"requestId": params["requestId"]}, session)
        else:
            self.browser.post("Fetch.failRequest", {"requestId": params["requestId"],
                                                    "errorReason": "BlockedByClient"}, session)

    def settle(self):
        """Lets the page's timers and late requests (a script's fetch, a late image) run.
        With scripts off the page has no timers (and a promise on one would never settle)."""
        for _ in range(4 if self.scripts else 0):
            self.evaluate("new Promise(r => setTimeout(r, 50))", await_promise=True)

    def evaluate(self, expression, await_promise=False):
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                               "awaitPromise": await_promise})
        if "exceptionDetails" in reply:
            details = reply["exceptionDetails"]
            text = details.get("exception", {}).get("description") or details.get("text")
            raise CheckError(f"evaluating {expression!r} threw: {text}")
        return reply["result"].get("value")


def faults_of_events(page, url, mode):
    """Requests other than the page's own, console errors and warnings, uncaught exceptions."""
    faults = []
    seen = set()

    def fault(text):
        if text not in seen:
            seen.add(text)
            faults.append(f"{mode}: {text}")

    requests = {}  # requestId -> URL
    attempted = {}  # URL -> how it was stopped (in order of first sight)

    def attempt(url_seen, reason=None):
        reasons = attempted.setdefault(url_seen, [])
        if reason and reason not in reasons:
            reasons.append(reason)

    for method, p in page.my_events():
        if method == "Network.requestWillBeSent":
            requests[p["requestId"]] = p["request"]["url"]
            if p["request"]["url"] != url:
                attempt(p["request"]["url"])
        elif method == "Fetch.requestPaused":
            if p["request"]["url"] != url:
                attempt(p["request"]["url"], "stopped by page_check")
        elif method == "Network.loadingFailed":
            target = requests.get(p["requestId"], "?")
            if target == url:
                fault(f"the page's own file failed to load: {p.get('errorText')}")
            elif p.get("blockedReason") != "inspector":  # page_check's own stop, said above
                attempt(target, f"blocked: {p.get('blockedReason') or p.get('errorText')}")
        elif method == "Runtime.consoleAPICalled" and p["type"] in ("error", "warning", "assert"):
            text = " ".join(str(a.get("value", a.get("description", ""))) for a in p["args"])
            fault(f"console {p['type']}: {text}")
        elif method == "Runtime.exceptionThrown":
            d = p["exceptionDetails"]
            text = d.get("exception", {}).get("description") or d.get("text")
            fault(f"uncaught exception at line {d.get('lineNumber', 0) + 1}: {text}")
        elif method == "Log.entryAdded" and p["entry"]["level"] in ("error", "warning"):
            e = p["entry"]
            if "ERR_BLOCKED_BY_CLIENT.Inspector" in e["text"]:
                continue  # page_check stopped the request, which is reported once above
            where = f" ({short(e['url'])})" if e.get("url") else ""
            fault(f"browser log {e['level']} [{e['source']}]{where}: {e['text']}")
    faults[:0] = [f"{mode}: the page requested {short(target)}"
                  + (f" ({', '.join(reasons)})" if reasons else "")
                  for target, reasons in attempted.items()]
    return faults


def short(url, limit=120):
    return url if len(url) <= limit else url[:limit] + "…"


def split_expectation(option, value):
    """SELECTOR=VALUE, split at the first '=' outside the selector's brackets and quotes
    (a[href="#x"]=text): the text itself may hold '='."""
    depth, quote = 0, None
    for i, c in enumerate(value):
        if quote:
            quote = None if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "[(":
            depth += 1
        elif c in "])":
            depth -= 1
        elif c == "=" and depth == 0 and i > 0:
            return value[:i], value[i + 1:]
    raise CheckError(f"{option} {value!r}: expected SELECTOR=VALUE")


def check_expectations(page, expectations, mode):
    faults = []
    for option, value in expectations:
        if option == "--expect-js":
            try:
                if not page.evaluate(value):
                    faults.append(f"{mode}: {option} {value!r} is not true")
            except CheckError as e:
                faults.append(f"{mode}: {option}: {e}")
            continue
        selector, wanted = split_expectation(option, value)
        sel = json.dumps(selector)
        if option == "--expect-text":
            text = page.evaluate(f"(() => {{ const e = document.querySelector({sel});"
                                 f" return e === null ? null : e.textContent; }})()")
            if text is None:
                faults.append(f"{mode}: {option}: no element matches {selector!r}")
            elif wanted not in text:
                shown = " ".join(text.split())
                faults.append(f"{mode}: {option}: {selector!r} does not contain {wanted!r}; "
                              f"its text is {short(shown, 200)!r}")
        else:
            count = page.evaluate(f"document.querySelectorAll({sel}).length")
            if str(count) != wanted:
                faults.append(f"{mode}: {option}: {selector!r} matches {count} elements, "
                              f"expected {wanted}")
    return faults


def check_hostile(page, max_scripts, mode):
    faults = []
    scripts = page.evaluate("document.scripts.length")
    if scripts > max_scripts:
        faults.append(f"{mode}: {scripts} <script> elements, at most {max_scripts} expected "
                      "(the page's own)")
    faults += [f"{mode}: {f}" for f in page.evaluate(HOSTILE_DOM)]
    if mode == "javascript on" and page.evaluate(f"window.{PWNED} !== undefined"):
        faults.append(f"{mode}: window.{PWNED} is set: a hostile payload ran")
    return faults


def measure(page, path):
    """The load, in ms from the navigation's start: its load event's end, and a layout
    forced after it (what a reader waits for before the page can be scrolled)."""
    timing = page.evaluate("""(() => {
      const n = performance.getEntriesByType('navigation')[0];
      const before = performance.now();
      document.documentElement.getBoundingClientRect();
      const height = document.documentElement.scrollHeight;
      const after = performance.now();
      const rows = [...document.querySelectorAll('tbody tr')];
      return {domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd,
              forcedLayout: after - before, laidOut: after, height: height,
              rows: rows.length, visibleRows: rows.filter(r => r.checkVisibility()).length,
              svgElements: document.querySelectorAll('svg *').length};
    })()""")
    metrics = {m["name"]: m["value"] for m in page.send("Performance.getMetrics")["metrics"]}
    return {
        "bytes": os.path.getsize(path),
        "dom_content_loaded_ms": round(timing["domContentLoaded"], 1),
        "load_event_end_ms": round(timing["load"], 1),
        "laid_out_ms": round(timing["laidOut"], 1),
        "forced_layout_ms": round(timing["forcedLayout"], 1),
        "wall_to_load_event_ms": round(page.load_wall_ms, 1),
        "layout_duration_ms": round(metrics.get("LayoutDuration", 0) * 1000, 1),
        "recalc_style_duration_ms": round(metrics.get("RecalcStyleDuration", 0) * 1000, 1),
        "script_duration_ms": round(metrics.get("ScriptDuration", 0) * 1000, 1),
        "task_duration_ms": round(metrics.get("TaskDuration", 0) * 1000, 1),
        "nodes": int(metrics.get("Nodes", 0)),
        "page_height_px": timing["height"],
        # What a reader of a big portfolio meets: table rows in the DOM and shown (a paged
        # table shows few), and the charts' SVG elements (aggregated charts have few).
        "table_rows": timing["rows"],
        "visible_table_rows": timing["visibleRows"],
        "svg_elements": timing["svgElements"],
    }


def screenshot(page, out, width, max_height=None):
    page.send("Emulation.setDeviceMetricsOverride",
              {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": False})
    # The document's own height (scrollHeight is at least the viewport's).
    height = page.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
    if max_height:
        height = min(height, max_height)
    page.send("Emulation.setDeviceMetricsOverride",
              {"width": width, "height": max(1, int(height)), "deviceScaleFactor": 1, "mobile": False})
    clip = {"x": 0, "y": 0, "width": width, "height": max(1, int(height)), "scale": 1}
    data = page.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                "fromSurface": True, "clip": clip})["data"]
    write(out, base64.b64decode(data))
    page.send("Emulation.clearDeviceMetricsOverride")


def write(path, data):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def parse_html5(path):
    """html5lib's strict parser: the first parse error, with its line and column, or None."""
    try:
        import html5lib
        from html5lib import constants
    except ImportError:
        raise Skip("skipped: no html5lib for this Python (install Debian's python3-html5lib: "
                   "scripts/install-deps, and run /usr/bin/python3)")
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    with open(path, "rb") as f:
        data = f.read()
    try:
        parser.parse(data)
    except html5lib.html5parser.ParseError:
        (line, col), code, variables = parser.errors[-1]
        text = constants.E.get(code, code) % (variables or {})
        return f"{path}:{line}:{col}: not well-formed HTML5: {text}"
    except Exception as e:  # a decoding error, say
        return f"{path}: not well-formed HTML5: {e}"
    return None


def run_mode(browser, url, path, scripts, args, expectations):
    mode = "javascript on" if scripts else "javascript off"
    page = Page(browser, scripts)
    browser.step = f"loading the page ({mode})"
    page.navigate(url)
    browser.step = f"checking the page ({mode})"
    result = measure(page, path) if scripts and args.metrics_json else {}
    page.settle()
    faults = check_expectations(page, expectations, mode)
    faults += check_hostile(page, args.max_scripts, mode)
    if scripts and args.screenshot:
        screenshot(page, args.screenshot, args.width, args.max_height)
    faults = faults_of_events(page, url, mode) + faults
    return faults, result


def check(args):
    """All checks of one page: the faults found, and the load measurement."""
    path = os.path.abspath(args.page)
    if not os.path.isfile(path):
        raise CheckError(f"{args.page}: no such file")
    faults = []
    if not args.no_parse:
        parse_fault = parse_html5(path)
        if parse_fault:
            faults.append(parse_fault)
    url = "file://" + path
    browser = Browser(find_chromium(args.chromium), args.timeout)
    try:
        both = [(o, v) for o, v in args.expectations if not o.endswith("-scripted")]
        scripted = [(o[:-len("-scripted")], v) for o, v in args.expectations if o.endswith("-scripted")]
        on_faults, metrics = run_mode(browser, url, path, True, args, both + scripted)
        off_faults, _ = ([], None) if args.no_js_off else run_mode(browser, url, path, False, args, both)
    finally:
        browser.close()
    return faults + on_faults + off_faults, metrics


class Collect(argparse.Action):
    """Keeps the expectation options in the order given, with their option name."""

    def __call__(self, parser, namespace, value, option):
        namespace.expectations.append((option, value))


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("page")
    ap.set_defaults(expectations=[])
    for name in ("--expect-text", "--expect-count", "--expect-js"):
        ap.add_argument(name, action=Collect, metavar="SPEC", default=argparse.SUPPRESS,
                        help="holds with JavaScript on and off")
        ap.add_argument(name + "-scripted", action=Collect, metavar="SPEC",
                        default=argparse.SUPPRESS, help="holds with JavaScript on")
    ap.add_argument("--max-scripts", type=int, default=1,
                    help="<script> elements allowed (default 1: the page's own)")
    ap.add_argument("--screenshot", metavar="OUT.png")
    ap.add_argument("--width", type=int, default=1200, help="viewport width of the screenshot")
    ap.add_argument("--max-height", type=int, help="cut the screenshot at this height (px)")
    ap.add_argument("--metrics-json", metavar="OUT.json")
    ap.add_argument("--no-parse", action="store_true", help="skip the HTML5 parse (huge pages)")
    ap.add_argument("--no-js-off", action="store_true", help="skip the JavaScript-off load")
    ap.add_argument("--chromium", help="the browser (default: $AIJRI_CHROMIUM, chromium)")
    ap.add_argument("--timeout", type=float, default=90.0, help="seconds for the whole check")
    return ap.parse_args(argv)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    try:
        faults, metrics = check(args)
    except Skip as e:
        print(f"page_check: {e}", file=sys.stderr)
        return EXIT_SKIP
    except CheckError as e:
        print(f"page_check: {args.page}: {e}", file=sys.stderr)
        return EXIT_FAIL
    if args.metrics_json and metrics:
        write(args.metrics_json, (json.dumps(metrics, indent=2) + "\n").encode())
    for f in faults:
        print(f"page_check: {args.page}: {f}", file=sys.stderr)
    if faults:
        return EXIT_FAIL
    print(f"page_check: {args.page}: ok ({len(args.expectations)} expectations, "
          f"javascript on{'' if args.no_js_off else ' and off'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
