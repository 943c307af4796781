"""The supervisor's console in a real Chromium at the office's 1366×768 against a real daemon (issue 20).

A supervisor is added with `kiosk users add … --password-stdin` (the daemon reads users.json
within a second), signs in through the form, sees the hall change live as windows call, covers
a window from the page, and signs out. A POST without the page's CSRF token changes nothing;
five wrong passwords make this computer wait.
"""
import json
import subprocess
import time
import unittest

from kiosk_browser import Browser, KioskDaemon, KioskTestCase

OFFICE = (1366, 768)
PASSWORD = "morning shift 7"


def office_hall(config):
    # A line is past its target after a minute, so the alerts show up in a short test; called
    # tickets stay called (no automatic recalls) while the test looks at them.
    config.setdefault("targets", {})["wait_min"] = 1
    config.setdefault("recall", {})["automatic"] = False


def attribute(browser, css, name):
    """An attribute read in one step in the page (the live part is swapped whole on every event,
    so an element found a moment ago may be gone)."""
    return browser.script("var e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null", css, name)


def new_document(browser):
    """Whether the page marked with `kioskPending` has been replaced by a loaded one."""
    try:
        return browser.script("return window.kioskPending !== true && document.readyState === 'complete'")
    except Exception:   # asked in the middle of the navigation
        return False


def add_user(daemon, name, role="supervisor", password=PASSWORD):
    subprocess.run(
        [daemon.binary, "users", "add", name, "--role", role, "--data-dir", daemon.data_dir + "/var", "--password-stdin"],
        input=password + "\n", text=True, check=True, capture_output=True,
    )


class ConsoleTestCase(KioskTestCase):
    """A daemon with supervisor 王芳 and admin it.li, and a browser the size of the office's screen."""

    @classmethod
    def setUpClass(cls):
        cls.daemon = KioskDaemon(**cls.daemon_options).__enter__()
        try:
            add_user(cls.daemon, "王芳")
            add_user(cls.daemon, "it.li", role="admin")
            cls.browser = Browser(size=OFFICE).__enter__()
        except Exception:
            cls.daemon.__exit__(None, None, None)
            raise

    def sign_in(self, name="王芳", password=PASSWORD):
        self.browser.open(self.daemon.url("/console/sign-in"))
        self.browser.find("#name").clear()
        self.browser.find("#name").send_keys(name)
        self.browser.find("#password").send_keys(password)
        self.browser.script("window.kioskPending = true")
        self.browser.find("#sign-in").click()
        # Until the answer's page replaced the form (a click returns before the page loads).
        self.browser.wait_for(lambda b: new_document(b), timeout=10)

    def path(self):
        return self.browser.script("return location.pathname")

    def page_errors(self):
        """Script errors and policy violations; a refused request (a 401 sign-in, a 403 POST) is the
        console answering as it should, and is not counted."""
        return [e for e in self.browser.console_errors() if e.get("source") != "network"]

    def session_cookie(self):
        cookie = self.browser.driver.get_cookie("kiosk_console")
        return cookie["value"] if cookie else None


class ConsoleTests(ConsoleTestCase):
    daemon_options = {"start_at": "2026-03-02 09:00", "speed": 30, "edit": office_hall}

    def test_1_sign_in_see_the_hall_live_and_cover_a_window(self):
        # A stranger is sent to the form.
        self.browser.open(self.daemon.url("/console"))
        self.assertEqual(self.path(), "/console/sign-in")
        self.browser.screenshot("console-sign-in")
        # The user file was written after the daemon started: it is read within a second.
        deadline = time.monotonic() + 10
        while True:
            self.sign_in()
            if self.path() == "/console" or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        self.assertEqual(self.path(), "/console")
        cookie = self.browser.driver.get_cookie("kiosk_console")
        self.assertTrue(cookie["httpOnly"])
        self.assertEqual(cookie["sameSite"], "Strict")
        self.assertIn("expiry", cookie)
        self.assertIn("王芳", self.browser.text("#who"))
        self.assertEqual(len(self.browser.find_all("#windows tbody tr")), 8)
        self.assertEqual(self.page_errors(), [], "no Content-Security-Policy violation, no script error")

        # The hall moves: tickets are issued, window 1 calls. The page follows without a reload.
        self.browser.script("window.kioskMark = 'not reloaded'")
        for service in ["A", "A", "C", "C", "C", "D"]:
            self.daemon.api("POST", "/v1/tickets", {"service": service}, role="kiosk")
        self.daemon.api("POST", "/v1/windows/1/call", role="window:1")
        _, took = self.browser.wait_for(lambda b: "A001" in (b.script("var e = document.querySelector('#window-1'); return e ? e.innerText : ''")), timeout=3)
        print(f"\ncall to console: {took * 1000:.0f} ms")
        self.assertEqual(self.browser.script("return window.kioskMark"), "not reloaded")
        self.daemon.api("POST", "/v1/windows/2/pause", {"until": "10:30"}, role="window:2")
        self.browser.wait_for(lambda b: attribute(b, "#window-2", "data-status") == "paused", timeout=3)
        # A minute of hall time (2 s at ×30): the lines are past their one-minute target. The page
        # redraws on the next event (or its 30-second refresh): a citizen takes a ticket.
        time.sleep(3)
        self.daemon.api("POST", "/v1/tickets", {"service": "B"}, role="kiosk")
        self.browser.wait_for(lambda b: b.find_all("#alerts [data-kind=over_target]"), timeout=3)
        self.browser.screenshot("console-hall")

        # Cover window 3 with window 4 from the page: the hall view changes.
        from selenium.webdriver.support.ui import Select
        Select(self.browser.find("#w4-covered")).select_by_value("3")
        self.browser.script("window.kioskPending = true")
        self.browser.find("#w4-cover").click()
        self.browser.wait_for(new_document, timeout=5)   # the form posted, the hall page loaded again
        self.browser.wait_for(lambda b: attribute(b, "#window-4", "data-covering") == "3", timeout=3)
        texts = self.browser.script("return [document.querySelector('#window-3').innerText, document.querySelector('#window-4').innerText]")
        self.assertIn("由 4号窗口 代", texts[0])
        self.assertIn("D E F C", texts[1], "window 4 now calls window 3's service C too")
        self.browser.screenshot("console-hall-covered")
        # The journal says who: the signed-in name, not just "supervisor".
        status, _, body = self.daemon.request("GET", "/v1/export?date=2026-03-02", role="admin")
        self.assertEqual(status, 200)
        covers = [json.loads(line) for line in body.decode().splitlines() if '"ev":"cover"' in line]
        self.assertEqual([c.get("audit") for c in covers], ["supervisor 王芳"])

    def test_2_a_post_without_the_csrf_token_is_refused(self):
        cookie = self.session_cookie()
        self.assertIsNotNone(cookie, "signed in by the previous test")
        # The page's own script context, the session cookie sent, but no token: refused.
        status = self.browser.script(
            "return fetch('/console/windows/5/pause', {method: 'POST', credentials: 'same-origin',"
            " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'until=11:00'}).then(r => r.status)"
        )
        self.assertEqual(status, 403)
        # Outside the browser with the stolen cookie and a made-up token: refused too.
        status, _, body = self.daemon.request("POST", "/console/windows/5/pause", headers={"Cookie": "kiosk_console=" + cookie}, form={"csrf": "0" * 64})
        self.assertEqual(status, 403)
        self.assertIn(b'data-code="csrf_invalid"', body)
        window = self.daemon.api("GET", "/v1/windows/5", role="window:5")
        self.assertEqual(window["status"], "open", "nothing changed")

    def test_3_todays_figures_and_the_report(self):
        self.browser.open(self.daemon.url("/console/figures"))
        self.assertIn("差评整改", self.browser.text("#followups"))
        self.browser.screenshot("console-figures")
        self.browser.script("window.kioskPending = true")
        self.browser.find("#report-link").click()
        self.browser.wait_for(new_document, timeout=5)
        self.browser.wait_for(lambda b: b.script("return location.pathname") == "/console/report")
        self.assertEqual(self.page_errors(), [], "the report's inline styles are allowed by its own policy")
        self.browser.screenshot("console-report")

    def test_4_sign_out_ends_the_session(self):
        self.browser.open(self.daemon.url("/console"))
        cookie = self.session_cookie()
        self.browser.script("window.kioskPending = true")
        self.browser.find("#sign-out").click()
        self.browser.wait_for(new_document, timeout=5)
        self.browser.wait_for(lambda b: b.script("return location.pathname") == "/console/sign-in")
        self.assertIsNone(self.session_cookie())
        self.browser.open(self.daemon.url("/console"))
        self.assertEqual(self.path(), "/console/sign-in")
        # The old cookie, replayed, opens nothing: the session ended on the server.
        status, headers, _ = self.daemon.request("GET", "/console", headers={"Cookie": "kiosk_console=" + cookie})
        self.assertEqual(status, 303)
        self.assertEqual(headers.get("Location"), "/console/sign-in")


class ConsoleWrongPasswordTests(ConsoleTestCase):
    daemon_options = {"start_at": "2026-03-02 09:00"}

    def test_five_wrong_passwords_make_this_address_wait(self):
        time.sleep(1.5)   # the daemon reads the users file added after it started
        for i in range(1, 5):
            self.sign_in(password=f"guess {i}")
            self.assertIn("用户名或密码错误", self.browser.text("#sign-in-error"))
        self.sign_in(password="guess 5")
        self.assertIn("5 分钟后再试", self.browser.text("#refusal"))
        self.browser.screenshot("console-too-many-attempts")
        # The right password from this address now waits too (it is not even checked).
        self.sign_in()
        self.assertIn("分钟后再试", self.browser.text("#refusal"))
        self.assertIsNone(self.session_cookie())
        status, headers, _ = self.daemon.request("GET", "/console/sign-in")
        self.assertEqual(status, 200, "the form itself is still there")


if __name__ == "__main__":
    unittest.main()
