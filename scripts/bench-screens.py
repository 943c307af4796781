#!/usr/bin/env python3
"""Hall screens against a long line (issue 17, goal 6): how long a call takes to reach each
screen's terminal, and what the screens cost the hall actor, with 1 and with 8 screens.

Starts the daemon (`kiosk serve`, the hall clock at a weekday 08:00) on CONFIG, fills the line
to WAITING tickets (16 clients, supervisor override), then runs two phases: 1 screen, then 8.
Each screen is a real `kiosk display` (main-hall layout, 120x40) in a tmux session of its own,
with `--paint-log`: after every redraw it appends the wall time right after its bytes were
written to the terminal, and the calls it drew. In each phase CALLS calls are made, one every
INTERVAL seconds, each followed by that window's start and finish, windows in turn. For each call and
screen the latency is from the moment the call's POST was sent (before the decision, the
commit and its fsync: an upper bound on "commit to frame") to the first redraw that drew it;
also given from the call's 2xx (after the commit: a lower bound). Per screen p50 / p99 / max.

The hall actor's part is counted from the daemon's /metrics over each phase: hand-overs of
committed batches to the live streams (`kiosk_stream_handoffs_total{kind="events"}`, made by
the actor, once per commit), events given to subscribers (outside the actor), `GET /v1/hall`
reads and renderings; plus the daemon's CPU (utime + stime from /proc) per second.

Asserts nothing; prints the figures (and writes them as JSON to OUT when given).

usage: scripts/bench-screens.py KIOSK CONFIG [--waiting 2000] [--calls 100] [--interval 0.25]
                                [--screens 8] [--out OUT.json] [--keep DIR]
  e.g. scripts/bench-screens.py .build/release/kiosk scripts/bench-halls/city.json
"""
import argparse, http.client, json, os, shutil, socket, statistics, subprocess, sys, tempfile, threading, time

ap = argparse.ArgumentParser()
ap.add_argument("kiosk"); ap.add_argument("config")
ap.add_argument("--waiting", type=int, default=2000)
ap.add_argument("--calls", type=int, default=100)
ap.add_argument("--interval", type=float, default=0.25)
ap.add_argument("--screens", type=int, default=8)
ap.add_argument("--out"); ap.add_argument("--keep")
args = ap.parse_args()
kiosk = os.path.abspath(args.kiosk)
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
layout = os.path.join(root, "layouts", "main-hall.layout")
d = args.keep or tempfile.mkdtemp(prefix="kiosk-screens-")
os.makedirs(d, exist_ok=True)
tmux = ["tmux", "-L", "kiosk-bench-screens-%d" % os.getpid(), "-f", "/dev/null"]

s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
daemon = subprocess.Popen([kiosk, "serve", "--data-dir", d + "/data", "--config", args.config, "--port", str(port), "--start-at", "2026-03-02 08:00"],
                          stdout=subprocess.DEVNULL, stderr=open(d + "/serve.log", "w"))


def conn(): return http.client.HTTPConnection("127.0.0.1", port, timeout=60)


for _ in range(600):
    try:
        c = conn(); c.request("GET", "/healthz"); r = c.getresponse(); r.read()
        if r.status == 200: break
    except Exception: time.sleep(0.05)
tokens = json.load(open(d + "/data/tokens.json"))
H = {"Authorization": "Bearer " + tokens["supervisor"], "Content-Type": "application/json"}
config = json.load(open(args.config))
codes = [svc["code"] for svc in config["services"]]
windows = [w["id"] for w in config["counters"]]


def cpu():
    f = open("/proc/%d/stat" % daemon.pid).read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")


def post(c, path, body):
    c.request("POST", path, json.dumps(body), H); r = c.getresponse(); data = r.read()
    return r.status, data


def fill(n, clients=16):
    def w(k):
        c = conn()
        for i in range(k, n, clients):
            status, body = post(c, "/v1/tickets", {"service": codes[i % len(codes)], "override": True})
            assert status == 201, body
    ts = [threading.Thread(target=w, args=(k,)) for k in range(clients)]
    [t.start() for t in ts]; [t.join() for t in ts]


def metrics():
    c = conn(); c.request("GET", "/metrics"); text = c.getresponse().read().decode()
    want = {"handoffs": 'kiosk_stream_handoffs_total{kind="events"}', "deliveries": 'kiosk_stream_deliveries_total{kind="events"}',
            "hall_reads": "kiosk_hall_reads_total", "hall_renders": "kiosk_hall_renders_total"}
    out = {k: 0.0 for k in want}
    for line in text.splitlines():
        for k, name in want.items():
            if line.startswith(name + " "): out[k] = float(line.split()[-1])
    return out


def start_screen(i):
    log = "%s/paint-%d.log" % (d, i)
    open(log, "w").close()
    command = " ".join([kiosk, "display", "--layout", layout, "--server", "http://127.0.0.1:%d" % port, "--tokens", d + "/data/tokens.json",
                        "--paint-log", log, "2>>%s/display-%d.err" % (d, i), "; sleep 600"])
    subprocess.run(tmux + ["new-session", "-d", "-s", "s%d" % i, "-x", "120", "-y", "40", command], check=True)
    return log


def paints(log):
    out = []
    for line in open(log):
        parts = line.split()
        if len(parts) >= 5: out.append((float(parts[0]), parts[3], parts[4].split(",")))
    return out


def wait_live(log, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        if any(link == "live" for _, link, _ in paints(log)): return True
        time.sleep(0.05)
    return False


def phase(logs, label):
    for log in logs:
        if not wait_live(log): sys.exit("screen %s never went live (see %s)" % (log, d))
    time.sleep(2)  # every screen has read the hall once since starting
    c = conn()
    m0, c0, t0 = metrics(), cpu(), time.time()
    calls = []
    for i in range(args.calls):
        window = windows[i % len(windows)]
        sent = time.time()
        status, body = post(c, "/v1/windows/%s/call" % window, {})
        answered = time.time()
        assert status == 200, body
        ticket = json.loads(body)["window"]["current"]["ticket"]
        calls.append((ticket, sent, answered))
        for action in ("start", "finish"):
            status, body = post(c, "/v1/windows/%s/%s" % (window, action), {})
            assert status == 200, body
        time.sleep(max(0.0, sent + args.interval - time.time()))
    time.sleep(1)
    m1, c1, t1 = metrics(), cpu(), time.time()
    seconds = t1 - t0
    per_screen = []
    for log in logs:
        drawn = paints(log)
        from_send, from_answer, missing = [], [], 0
        for ticket, sent, answered in calls:
            at = next((wall for wall, _, tickets in drawn if wall >= sent and ticket in tickets), None)
            if at is None: missing += 1; continue
            from_send.append((at - sent) * 1000); from_answer.append((at - answered) * 1000)
        per_screen.append((from_send, from_answer, missing))
    work = {k: (m1[k] - m0[k]) / seconds for k in m0}
    work["daemon_cpu_ms_per_s"] = (c1 - c0) * 1000 / seconds
    return {"label": label, "screens": len(logs), "calls": len(calls), "seconds": round(seconds, 1), "per_screen": per_screen, "per_second": work}


def pct(values, p):
    if not values: return float("nan")
    values = sorted(values)
    return values[max(0, min(len(values) - 1, int(-(-p / 100 * len(values) // 1)) - 1))]


try:
    fill(args.waiting)
    time.sleep(2)  # the projector settles
    results = []
    logs = [start_screen(0)]
    results.append(phase(logs, "1 screen"))
    logs += [start_screen(i) for i in range(1, args.screens)]
    results.append(phase(logs, "%d screens" % args.screens))
    out = {"waiting": args.waiting, "calls_per_phase": args.calls, "interval_s": args.interval}
    print("bench-screens: %d waiting, %d calls per phase, one every %.2f s (city hall: %s)" % (args.waiting, args.calls, args.interval, args.config))
    for r in results:
        print("\n%s (%.1f s):" % (r["label"], r["seconds"]))
        print("  screen  call sent -> drawn: p50 / p99 / max ms   call 2xx -> drawn: p50 / p99 ms   missed")
        everything = []
        for i, (send, answer, missing) in enumerate(r["per_screen"]):
            everything += send
            print("  %6d  %8.1f / %6.1f / %6.1f            %8.1f / %6.1f            %d" % (
                i + 1, pct(send, 50), pct(send, 99), max(send) if send else float("nan"), pct(answer, 50), pct(answer, 99), missing))
        print("  all screens: p50 %.1f  p99 %.1f  max %.1f ms (call sent -> drawn)" % (pct(everything, 50), pct(everything, 99), max(everything) if everything else float("nan")))
        w = r["per_second"]
        print("  per second: hall-actor hand-overs %.2f  events given to screens %.2f  GET /v1/hall %.2f  renderings %.2f  daemon CPU %.1f ms" % (
            w["handoffs"], w["deliveries"], w["hall_reads"], w["hall_renders"], w["daemon_cpu_ms_per_s"]))
        out[r["label"]] = {
            "per_screen_p50_ms": [round(pct(s, 50), 2) for s, _, _ in r["per_screen"]],
            "per_screen_p99_ms": [round(pct(s, 99), 2) for s, _, _ in r["per_screen"]],
            "per_screen_2xx_p50_ms": [round(pct(a, 50), 2) for _, a, _ in r["per_screen"]],
            "missed": [m for _, _, m in r["per_screen"]],
            "all_p99_ms": round(pct(everything, 99), 2),
            "per_second": {k: round(v, 3) for k, v in w.items()},
        }
    # The screens really show the last call (what the paint logs say is on the terminal).
    last = results[-1]
    for i in range(len(logs)):
        text = subprocess.run(tmux + ["capture-pane", "-p", "-t", "s%d" % i], capture_output=True, text=True).stdout
        if "请" not in text: print("warning: screen %d shows no call:\n%s" % (i + 1, text))
    if args.out: json.dump(out, open(args.out, "w"), indent=1)
finally:
    subprocess.run(tmux + ["kill-server"], stderr=subprocess.DEVNULL)
    daemon.terminate(); daemon.wait()
    if not args.keep: shutil.rmtree(d, ignore_errors=True)
