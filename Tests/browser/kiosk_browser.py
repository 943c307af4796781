"""The browser-test harness: a real Kiosk daemon and a real headless Chromium (Selenium).

Pages are tested as a citizen or a supervisor meets them: the daemon is the built `kiosk`
binary (`KIOSK_BIN`, else `.build/debug/kiosk`) on a temporary data directory and a free
loopback port, the browser is Debian's `chromium` driven through `chromium-driver`, and every
test can write screenshots (`KIOSK_SCREENSHOTS`, default `.build/browser-screenshots`).

    from kiosk_browser import KioskDaemon, Browser

    with KioskDaemon(start_at="2026-03-02 09:00") as daemon, Browser() as browser:
        issued = daemon.api("POST", "/v1/tickets", {"service": "A"}, role="kiosk")
        browser.open(daemon.url(issued["page_url"]))
        browser.screenshot("ticket-waiting")

`KioskTestCase` does the `with` for a unittest suite: `self.daemon`, `self.browser`.
"""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.parse
import urllib.request

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
# A phone: the CSS viewport of a common 6.1" handset.
PHONE = (390, 844)


def kiosk_binary():
    explicit = os.environ.get("KIOSK_BIN")
    if explicit:
        return explicit
    found = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, capture_output=True, text=True)
    path = pathlib.Path(found.stdout.strip() or ROOT / ".build/debug") / "kiosk"
    if not path.exists():
        raise RuntimeError(f"{path} is not built: run `swift build` first (or set KIOSK_BIN)")
    return str(path)


def screenshot_dir():
    path = pathlib.Path(os.environ.get("KIOSK_SCREENSHOTS", ROOT / ".build/browser-screenshots"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class APIError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


class KioskDaemon:
    """`kiosk serve` on a temporary data directory and a free port, stopped with SIGTERM.

    config: a hall config as a dict (default: the embedded hall); edit(config) may change it
    before it is written (e.g. set `hall.public_url`). start_at: `YYYY-MM-DD HH:MM` hall time.
    """

    def __init__(self, start_at="2026-03-02 09:00", speed=None, edit=None, config=None):
        self.binary = kiosk_binary()
        self.start_at = start_at
        self.speed = speed
        self.edit = edit
        self.config = config
        self.process = None
        self.data_dir = None

    def __enter__(self):
        self.data_dir = tempfile.mkdtemp(prefix="kiosk-browser-")
        config = self.config or json.loads(subprocess.run([self.binary, "config", "show-default"], capture_output=True, text=True, check=True).stdout)
        if self.edit:
            self.edit(config)
        config_path = os.path.join(self.data_dir, "hall.json")
        with open(config_path, "w", encoding="utf-8") as f:
            json.dump(config, f, ensure_ascii=False)
        for attempt in range(3):
            self.port = free_port()
            arguments = [self.binary, "serve", "--config", config_path, "--data-dir", os.path.join(self.data_dir, "var"), "--port", str(self.port)]
            if self.start_at:
                arguments += ["--start-at", self.start_at]
            if self.speed:
                arguments += ["--speed", str(self.speed)]
            self.log = open(os.path.join(self.data_dir, "serve.log"), "ab")
            self.process = subprocess.Popen(arguments, stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
            if self._wait_ready():
                break
            self._stop()
        else:
            raise RuntimeError(f"kiosk serve did not start: see {self.data_dir}/serve.log")
        with open(os.path.join(self.data_dir, "var", "tokens.json"), encoding="utf-8") as f:
            self.tokens = json.load(f)
        return self

    def _wait_ready(self, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                with urllib.request.urlopen(self.url("/healthz"), timeout=2) as answer:
                    if answer.status == 200:
                        return True
            except OSError:
                pass
            time.sleep(0.1)
        return False

    def _stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def __exit__(self, *exc):
        self._stop()
        if os.environ.get("KIOSK_KEEP_DATA") != "1":
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def token(self, role):
        """`kiosk`, `supervisor`, `display`, `admin`, or `window:N`."""
        if role.startswith("window:"):
            return self.tokens["windows"][role.split(":", 1)[1]]
        return self.tokens[role]

    def request(self, method, path, body=None, role=None, headers=None, form=None):
        """(status, headers, body bytes) of one request; never raises for an HTTP status."""
        data = None
        all_headers = dict(headers or {})
        if body is not None:
            data = json.dumps(body).encode()
            all_headers["Content-Type"] = "application/json"
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        if role:
            all_headers["Authorization"] = "Bearer " + self.token(role)
        request = urllib.request.Request(self.url(path), data=data, method=method, headers=all_headers)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=10) as answer:
                return answer.status, dict(answer.headers), answer.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def api(self, method, path, body=None, role=None):
        """A /v1 call's JSON answer; APIError for a 4xx or 5xx."""
        status, _, data = self.request(method, path, body if body is not None else ({} if method == "POST" else None), role=role)
        if status >= 400:
            raise APIError(status, data.decode(errors="replace"))
        return json.loads(data) if data else None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Headless Chromium through Selenium, sized like a phone (390×844 CSS pixels)."""

    def __init__(self, size=PHONE):
        self.size = size
        self.driver = None

    def __enter__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ["--headless=new", "--disable-gpu", "--hide-scrollbars", "--lang=zh-CN", "--force-device-scale-factor=1"]:
            options.add_argument(argument)
        if os.geteuid() == 0:
            options.add_argument("--no-sandbox")   # Chromium refuses to run as root with its sandbox
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": self.size[0], "height": self.size[1], "pixelRatio": 1.0}})
        # Console messages (a Content-Security-Policy violation is one) for `console_errors`.
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        return self

    def __exit__(self, *exc):
        if self.driver:
            self.driver.quit()

    def open(self, url):
        self.driver.get(url)

    def find(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def text(self, css="body"):
        # A live page replaces an element when the ticket moves on (the status line on the
        # stream's next event): one found just before that is stale when its text is read.
        # Read the element that stands there now.
        from selenium.common.exceptions import StaleElementReferenceException
        for _ in range(4):
            try:
                return self.find(css).text
            except StaleElementReferenceException:
                time.sleep(0.02)
        return self.find(css).text

    def wait_for(self, condition, timeout=5.0, poll=0.02):
        """Polls `condition(browser)` until truthy; returns (value, seconds it took)."""
        started = time.monotonic()
        while True:
            value = condition(self)
            if value:
                return value, time.monotonic() - started
            if time.monotonic() - started > timeout:
                raise AssertionError(f"not within {timeout} s")
            time.sleep(poll)

    def screenshot(self, name):
        """Writes the viewport as NAME.png in the screenshot folder; returns its path."""
        path = screenshot_dir() / f"{name}.png"
        self.driver.save_screenshot(str(path))
        return path

    def console_errors(self):
        return [entry for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]

    def script(self, source, *arguments):
        return self.driver.execute_script(source, *arguments)


class KioskTestCase(unittest.TestCase):
    """A daemon and a browser per test class (`daemon_options` for the daemon)."""

    daemon_options = {}

    @classmethod
    def setUpClass(cls):
        cls.daemon = KioskDaemon(**cls.daemon_options).__enter__()
        try:
            cls.browser = Browser().__enter__()
        except Exception:
            cls.daemon.__exit__(None, None, None)
            raise

    @classmethod
    def tearDownClass(cls):
        cls.browser.__exit__(None, None, None)
        cls.daemon.__exit__(None, None, None)
