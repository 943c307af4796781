"""The citizen's ticket page in a real Chromium against a real daemon (issue 19)."""
import json
import re
import time
import unittest

from kiosk_browser import KioskTestCase


def public_hall(config):
    config["hall"]["public_url"] = "https://q.example.gov.cn"
    config["hall"]["address"] = "连城县莲峰镇北大东路 1 号 综合服务大厅一楼"


class TicketPageTests(KioskTestCase):
    daemon_options = {"start_at": "2026-03-02 09:00", "edit": public_hall}

    def issue(self, service="A", **extra):
        return self.daemon.api("POST", "/v1/tickets", {"service": service, **extra}, role="kiosk")

    def test_the_page_follows_the_ticket_live_and_takes_one_rating(self):
        ahead = self.issue("A")
        issued = self.issue("A")
        page = issued["page_url"]
        self.assertRegex(page, r"^/t/2026-03-02/A002\?k=[0-9a-f]{20}$")
        self.assertEqual(issued["public_page_url"], "https://q.example.gov.cn" + page)

        self.browser.open(self.daemon.url(page))
        self.assertEqual(self.browser.text("#number"), "A002")
        # Connected: the stream's first message marks the page with the ticket's state.
        self.browser.wait_for(lambda b: b.script("return document.documentElement.getAttribute('data-ticket-state')") == "waiting")
        self.assertIn("前面还有 1 人", self.browser.text("#status"))
        self.assertIn("1 person ahead of you", self.browser.text("#status"))
        self.assertIn("连城县莲峰镇北大东路 1 号", self.browser.text())
        self.browser.screenshot("ticket-waiting")
        self.assertEqual(self.browser.console_errors(), [])
        # The page is never reloaded from here on: a mark set now must still be there.
        self.browser.script("window.kioskMark = 'not reloaded'")

        # Window 1 calls A001, then A002: the page counts down, then shows the call.
        self.daemon.api("POST", "/v1/windows/1/call", role="window:1")
        self.browser.wait_for(lambda b: "前面还有 0 人" in b.text("#status"), timeout=2)
        self.daemon.api("POST", "/v1/windows/1/start", role="window:1")
        self.daemon.api("POST", "/v1/windows/1/finish", role="window:1")
        called_at = time.monotonic()
        self.daemon.api("POST", "/v1/windows/1/call", role="window:1")
        self.browser.wait_for(lambda b: b.find_all("#status[data-state=called]"), timeout=2)
        # From sending the call (its answer included) to the page showing it.
        latency = time.monotonic() - called_at
        print(f"\ncall to page: {latency * 1000:.0f} ms (answer included)")
        status = self.browser.text("#status")
        self.assertIn("请到", status)
        self.assertEqual(self.browser.text("#window"), "1号窗口")
        self.assertIn("Please go to Window 1", status)
        self.assertEqual(self.browser.script("return window.kioskMark"), "not reloaded")
        self.assertLess(latency, 2.0)
        self.browser.screenshot("ticket-called")

        # Served and finished: the five levels appear, live.
        self.daemon.api("POST", "/v1/windows/1/start", role="window:1")
        self.browser.wait_for(lambda b: b.find_all("#status[data-state=serving]"), timeout=2)
        self.daemon.api("POST", "/v1/windows/1/finish", role="window:1")
        self.browser.wait_for(lambda b: len(b.find_all("form.rating button[name=score]")) == 5, timeout=2)
        self.browser.screenshot("ticket-done-rate")

        # Rate once (a real form post, then the redirect back to the page): thanks, no form.
        self.browser.find("form.rating button[value='4']").click()
        self.browser.wait_for(lambda b: b.find_all("#rated"), timeout=3)
        self.assertIn("满意", self.browser.text("#rated"))
        self.assertEqual(self.browser.find_all("form.rating"), [])
        self.browser.screenshot("ticket-rated")

        # A second rating is refused (409, the page says why) and changes nothing.
        rating_path = page.replace("?k=", "/rating?k=")
        status_code, _, body = self.daemon.request("POST", rating_path, form={"score": "1"})
        self.assertEqual(status_code, 409)
        self.assertIn("已经评价过", body.decode())
        report = self.daemon.api("GET", "/v1/reports?date=2026-03-02", role="supervisor")
        self.assertEqual(report["ratings"]["counts"].get("4"), 1)
        self.assertEqual(report["ratings"]["counts"].get("1", 0), 0)
        self.assertIsNotNone(ahead)

    def test_without_the_right_key_there_is_no_page(self):
        issued = self.issue("B")
        page = issued["page_url"]
        other = self.issue("B")["page_url"]
        key = page.split("?k=")[1]
        wrong = [
            page.split("?")[0],                                  # no key
            page[:-1] + ("0" if page[-1] != "0" else "1"),       # one character off
            other.split("?")[0] + "?k=" + key,                   # another ticket's key
            page.replace("2026-03-02", "2026-03-03"),             # another day
            "/t/2026-03-02/B999?k=" + key,                       # no such ticket
            "/t/2026-03-02/..%2Fv1?k=" + key,
        ]
        for path in wrong:
            status, headers, body = self.daemon.request("GET", path)
            self.assertEqual(status, 404, path)
            self.assertNotIn("B00", body.decode(), path)
        stream, _, _ = self.daemon.request("GET", page.split("?")[0] + "/events?k=" + "0" * 20)
        self.assertEqual(stream, 404)
        rate, _, _ = self.daemon.request("POST", page.split("?")[0] + "/rating?k=" + "0" * 20, form={"score": "5"})
        self.assertEqual(rate, 404)
        self.browser.open(self.daemon.url(wrong[1]))
        self.assertIn("没有找到这张票", self.browser.text())
        self.browser.screenshot("ticket-not-found")

    def test_the_service_guide_opens_on_the_page(self):
        # Issue 21, item 7: C (失业登记) has a guide; its materials are listed, the guide opens.
        issued = self.issue("C")
        self.browser.open(self.daemon.url(issued["page_url"]))
        self.assertIn("解除劳动合同书 原件1份", self.browser.text())
        self.assertFalse(self.browser.script("return document.getElementById('guide').open"))
        self.browser.find("#guide summary").click()
        self.browser.wait_for(lambda b: b.script("return document.getElementById('guide').open"))
        guide = self.browser.text("#guide")
        self.assertIn("承诺时限 Time limit", guide)
        self.assertIn("即办", guide)
        self.assertIn("办理程序 Steps", guide)
        self.browser.screenshot("ticket-guide")
        self.assertEqual(self.browser.console_errors(), [])

    def test_the_page_is_strict_small_and_works_without_scripts(self):
        issued = self.issue("C")
        status, headers, body = self.daemon.request("GET", issued["page_url"])
        self.assertEqual(status, 200)
        html = body.decode()
        policy = headers["Content-Security-Policy"]
        self.assertIn("default-src 'none'", policy)
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe", policy)
        self.assertEqual(headers["Referrer-Policy"], "no-referrer")
        self.assertEqual(headers["Cache-Control"], "no-store")
        self.assertIn('<noscript><meta http-equiv="refresh"', html)
        self.assertNotIn("http://", html.replace('http-equiv', ''))
        self.assertNotIn("https://", html)
        # Everything the page loads comes from the daemon: add it up.
        weight = len(body)
        for asset in re.findall(r'(?:href|src)="(/static/[^"]+)"', html):
            asset_status, asset_headers, asset_body = self.daemon.request("GET", asset.replace("&amp;", "&"))
            self.assertEqual(asset_status, 200, asset)
            self.assertIn("immutable", asset_headers["Cache-Control"])
            weight += len(asset_body)
        print(f"\npage weight: {weight} bytes (HTML {len(body)}, with its CSS and script)")
        self.assertLess(weight, 50 * 1024)

    def test_the_public_status_shows_nothing_personal(self):
        issued = self.issue("D", priority=True, phone="13800138000")
        number = issued["ticket"]
        status, _, body = self.daemon.request("GET", f"/v1/tickets/{number}")
        self.assertEqual(status, 200)
        public = json.loads(body)
        for personal in ["priority", "sms_to", "sms_caretaker", "phone", "page_url"]:
            self.assertNotIn(personal, public)
        self.assertNotIn("8000", body.decode())
        _, _, page = self.daemon.request("GET", issued["page_url"])
        self.assertNotIn("8000", page.decode().replace("08:00", ""))
        self.assertNotIn("优先", page.decode())


if __name__ == "__main__":
    unittest.main()
