#!/usr/bin/env python3
"""A tiny HTTP/1.1 server on 127.0.0.1 for KioskHTTPClient's tests (stdlib only).

Prints `PORT <n>` on stdout once it listens, then serves until killed or until its stdin
closes (so it dies with the test process even after a crash).

Paths:
  /echo               200, JSON of the request: method, path, query, args, headers, body
                      (UTF-8 text) and body_hex, client_port (same port = reused connection)
  /status/<code>      that status; `?retry_after=<v>` adds a Retry-After header
  /sleep/<seconds>    prints `SLEEPING` on stdout, waits, then 200 (for timeouts and
                      cancellation); counts requests in flight
  /stats              JSON {"max_in_flight": n} over /sleep requests so far
  /empty              closes the connection without a reply
  /reset              starts a reply, then resets the connection (TCP RST)
  /bytes/<n>          200 with an n-byte body
  /chunks/<n>         200, chunked: `chunk <i>` lines one per chunk, `gap=<s>` apart; prints
                      `STREAMING` once the head is out; then `hold=<s>` of silence before the
                      last chunk, printing `CLOSED` if the client hangs up meanwhile

Modes:
  --blackhole         listen with a full accept queue and never accept: connects hang
  --closed-port       print `PORT <n>` for a port nobody listens on, and exit
"""
import json
import os
import select
import signal
import socket
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

in_flight = 0
max_in_flight = 0
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, so connection reuse is observable

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.route()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = do_GET

    def route(self):
        url = urllib.parse.urlsplit(self.path)
        parts = url.path.strip("/").split("/")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if parts[0] == "echo":
            self.reply_json(200, {
                "method": self.command,
                "path": url.path,
                "query": url.query,
                "args": urllib.parse.parse_qs(url.query, keep_blank_values=True, encoding="utf-8", errors="strict"),
                "headers": [[k, v] for k, v in self.headers.items()],
                "body": body.decode("utf-8", errors="replace"),
                "body_hex": body.hex(),
                "client_port": self.client_address[1],
            })
        elif parts[0] == "status":
            extra = {}
            query = urllib.parse.parse_qs(url.query)
            if "retry_after" in query:
                extra["Retry-After"] = query["retry_after"][0]
            self.reply_json(int(parts[1]), {"status": int(parts[1])}, extra)
        elif parts[0] == "sleep":
            self.sleep(float(parts[1]))
        elif parts[0] == "stats":
            with lock:
                self.reply_json(200, {"max_in_flight": max_in_flight})
        elif parts[0] == "empty":
            self.close_connection = True
        elif parts[0] == "reset":
            # Half a response, then SO_LINGER 0 so close() sends RST instead of FIN.
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            self.wfile.write(b"partial")
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
        elif parts[0] == "bytes":
            payload = b"x" * int(parts[1])
            self.send_response(200)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
        elif parts[0] == "big-head":
            # N header fields of 1 KiB each: a head no real server sends.
            self.send_response(200)
            for i in range(int(parts[1])):
                self.send_header(f"X-Filler-{i}", "y" * 1024)
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif parts[0] == "flood":
            self.flood(int(parts[1]))
        elif parts[0] == "chunks":
            query = urllib.parse.parse_qs(url.query)
            self.chunks(int(parts[1]), float(query.get("gap", ["0"])[0]), float(query.get("hold", ["0"])[0]))
        else:
            self.reply_json(404, {"error": "no such path"})

    def chunks(self, count, gap, hold):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        self.wfile.flush()
        print("STREAMING", flush=True)
        try:
            for i in range(count):
                if i and gap:
                    time.sleep(gap)
                data = f"chunk {i}\n".encode()
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                self.wfile.flush()
            deadline = time.monotonic() + hold
            while time.monotonic() < deadline:
                readable, _, _ = select.select([self.connection], [], [], 0.05)
                if readable and not self.connection.recv(1, socket.MSG_PEEK):
                    print("CLOSED", flush=True)
                    self.close_connection = True
                    return
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            print("CLOSED", flush=True)
            self.close_connection = True

    def flood(self, total):
        """`total` bytes as fast as the client takes them; CLOSED when it stops taking them."""
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(total))
        self.end_headers()
        chunk = b"z" * 16384
        sent = 0
        try:
            while sent < total:
                self.wfile.write(chunk[: total - sent])
                sent += min(len(chunk), total - sent)
            self.wfile.flush()
            print("SENT", flush=True)
        except (BrokenPipeError, ConnectionResetError):
            print("CLOSED", flush=True)
            self.close_connection = True

    def sleep(self, seconds):
        global in_flight, max_in_flight
        with lock:
            in_flight += 1
            max_in_flight = max(max_in_flight, in_flight)
            print("SLEEPING", flush=True)  # the request is here: a test may now cancel it
        try:
            time.sleep(seconds)
            self.reply_json(200, {"slept": seconds})
        finally:
            with lock:
                in_flight -= 1

    def reply_json(self, status, value, extra_headers=None):
        payload = json.dumps(value, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        for name, content in (extra_headers or {}).items():
            self.send_header(name, content)
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(payload)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


def announce(port):
    print(f"PORT {port}", flush=True)


def main():
    # Children spawned from a Swift concurrency thread inherit its blocked signal mask;
    # without this the test's SIGTERM would never arrive.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM, signal.SIGINT])
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    if "--closed-port" in sys.argv:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        announce(port)
        return
    if "--blackhole" in sys.argv:
        listener = socket.socket()
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        # Fill the accept queue; Linux then drops further SYNs, so a connect just hangs.
        fillers = []
        for _ in range(2):
            filler = socket.socket()
            filler.setblocking(False)
            filler.connect_ex(("127.0.0.1", port))
            fillers.append(filler)
        time.sleep(0.2)  # let the handshakes land in the queue before announcing
        announce(port)
        threading.Event().wait()
        return
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    announce(server.server_address[1])
    server.serve_forever()


if __name__ == "__main__":
    main()
