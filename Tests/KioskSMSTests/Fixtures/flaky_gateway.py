#!/usr/bin/env python3
"""A gateway in front of a real Kannel that misbehaves for its first N requests.

    flaky_gateway.py UPSTREAM_BASE MODE N
MODE 503: answer 503 "Temporal failure, try again later." with Retry-After: 1;
MODE hang: accept, read the request, then say nothing for 30 s.
After N such requests every request is forwarded to UPSTREAM_BASE (same path and query) and
Kannel's answer relayed. Prints "PORT n" once listening; exits when stdin closes.
"""
import http.server, socketserver, sys, threading, time, urllib.request, urllib.error

upstream, mode, budget = sys.argv[1], sys.argv[2], int(sys.argv[3])
lock = threading.Lock()
count = {"bad": 0, "forwarded": 0}

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def log_message(self, *args):
        pass
    def do_GET(self):
        with lock:
            misbehave = count["bad"] < budget
            if misbehave:
                count["bad"] += 1
            else:
                count["forwarded"] += 1
        print(("BAD " if misbehave else "FORWARD ") + mode, flush=True)
        if misbehave and mode == "hang":
            time.sleep(30)
            return
        if misbehave:
            body = b"Temporal failure, try again later."
            self.send_response(503)
            self.send_header("Retry-After", "1")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        try:
            with urllib.request.urlopen(upstream + self.path, timeout=10) as r:
                status, body = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, body = e.code, e.read()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True

urllib.request.install_opener(urllib.request.build_opener(urllib.request.ProxyHandler({})))
server = Server(("127.0.0.1", 0), Handler)
print("PORT %d" % server.server_address[1], flush=True)
threading.Thread(target=server.serve_forever, daemon=True).start()
sys.stdin.read()
