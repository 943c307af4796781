#!/usr/bin/env python3
"""Kiosk tickets refused by the closing-time rule on a long line, while the hall takes other
commands (issue 17): where the newcomer's own projection of the whole line was made, and
whether it held the hall actor.

Starts the daemon on a copy of a kept day (DAY_DIR, as `DAY=DIR scripts/bench-restart.py`
leaves it: a journal of the city hall with 10,000 waiting), the hall clock at 08:00. A
supervisor issues with the override at RATE tickets a second on one keep-alive connection
(the hall's other commands: each changes the state the rule decides on); after 3 s, KIOSK
(default 10) kiosk tickets are asked for one after another, each with a read inside the hall
actor (GET /v1/windows/1) sent 50 ms after it. Prints per kiosk ticket its status and latency
and the read's latency, then the medians and the daemon's counters:
kiosk_issue_estimates_total{source} (own: the projection made inside the actor; outside: made
on the projection thread and taken) and kiosk_issue_own_projection_tries_total (one per try;
a try the hall changed under is made again, at most Hall.ownEstimatePreparations times, then
inside) and kiosk_issue_own_projection_stale_total (tries thrown away: after two in a row, close
calls go inside at once for a run of issues, see OwnProjectionOutlook). Wall times on this
shared machine swing with the other engineers' work; the counters are the steady figures.

usage: scripts/bench-refusals.py KIOSK_BINARY CONFIG DAY_DIR RATE [KIOSK]
  e.g. scripts/bench-refusals.py .build/release/kiosk scripts/bench-halls/city.json /tmp/day 0.5
"""
import json, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, http.client

if len(sys.argv[1:]) < 4 or {"-h", "--help"} & set(sys.argv[1:]):
    sys.exit(__doc__)  # the usage above, on stderr, exit status 1
binary, config, day, rate = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
kiosk_tickets = int(sys.argv[5]) if len(sys.argv) > 5 else 10
d = tempfile.mkdtemp(prefix="kiosk-refusals-")
data = d + "/data"
shutil.copytree(day, data)
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
p = subprocess.Popen([binary, "serve", "--data-dir", data, "--config", config, "--port", str(port), "--start-at", "2026-03-02 08:00"],
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def request(method, path, headers={}, body=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    t = time.monotonic()
    c.request(method, path, body, headers); r = c.getresponse(); text = r.read()
    return r.status, (time.monotonic() - t) * 1000, text

while True:
    try:
        if request("GET", "/healthz")[0] == 200: break
    except Exception:
        pass
    time.sleep(0.01)
tokens = json.load(open(data + "/tokens.json"))
codes = [svc["code"] for svc in json.load(open(config))["services"]]
S = {"Authorization": "Bearer " + tokens["supervisor"], "Content-Type": "application/json"}
K = {"Authorization": "Bearer " + tokens["kiosk"], "Content-Type": "application/json"}
W = {"Authorization": "Bearer " + tokens["windows"]["1"]}
stop = threading.Event()
def supervisor():
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60); i = 0
    while not stop.is_set():
        c.request("POST", "/v1/tickets", json.dumps({"service": codes[i % len(codes)], "override": True}), S); c.getresponse().read(); i += 1
        time.sleep(1 / rate)
background = threading.Thread(target=supervisor); background.start()
time.sleep(3)
runs = []
for i in range(kiosk_tickets):
    answer = {}
    def take():
        status, ms, _ = request("POST", "/v1/tickets", K, json.dumps({"service": codes[i % len(codes)]}))
        answer.update(status=status, ms=round(ms))
    taker = threading.Thread(target=take); taker.start()
    time.sleep(0.05)
    status, ms, _ = request("GET", "/v1/windows/1", W)
    taker.join()
    runs.append({"kiosk_status": answer["status"], "kiosk_ms": answer["ms"], "actor_read_beside_ms": round(ms)})
    print(json.dumps(runs[-1]), file=sys.stderr)
stop.set(); background.join()
metrics = request("GET", "/metrics")[2].decode()
p.terminate(); p.wait()
shutil.rmtree(d)
figures = {"supervisor_issues_per_s": rate, "kiosk_tickets": kiosk_tickets,
           "refused": sum(1 for r in runs if r["kiosk_status"] == 409),
           "kiosk_ms_median": statistics.median(r["kiosk_ms"] for r in runs),
           "actor_read_beside_ms_median": statistics.median(r["actor_read_beside_ms"] for r in runs),
           "actor_read_beside_ms_max": max(r["actor_read_beside_ms"] for r in runs)}
for line in metrics.splitlines():
    if line.startswith(("kiosk_issue_estimates_total", "kiosk_issue_own_projection_tries_total", "kiosk_issue_own_projection_stale_total")):
        name, value = line.rsplit(" ", 1)
        figures[name] = int(float(value))
print(json.dumps(figures, indent=1))
