#!/usr/bin/env python3
"""Daemon CPU per request against the line's length (issue 17), for before/after comparisons.

Wall-clock latency on this 2-core machine says more about the other builds running than about
the daemon, so this measures the daemon's own CPU time (utime + stime from /proc/PID/stat)
over 100 sequential requests of each kind, at each line length, plus the wall p50:

  issue    POST /v1/tickets (supervisor override, so the closing-time rule never refuses)
           and the cancel of that ticket (both counted; the line keeps its length)
  services GET /v1/services
  hall     GET /v1/hall

then 64 concurrent clients issuing 640 tickets on the longest line: daemon CPU per ticket and
wall throughput. The line is filled by 16 concurrent clients over the 20 services of the hall.

usage: scripts/bench-daemon-cpu.py KIOSK_BINARY CONFIG OUT.json [line lengths...]
  e.g. scripts/bench-daemon-cpu.py .build/release/kiosk scripts/bench-halls/city.json out.json 10 100 300 1000 2000
"""
import json, os, subprocess, sys, tempfile, time, threading, http.client, socket, statistics

if len(sys.argv[1:]) < 3 or {"-h", "--help"} & set(sys.argv[1:]):
    sys.exit(__doc__)  # the usage above, on stderr, exit status 1
binary, config, out = sys.argv[1], sys.argv[2], sys.argv[3]
lines = [int(x) for x in sys.argv[4:]] or [10, 100, 300, 1000, 2000]
d = tempfile.mkdtemp(prefix="kiosk-cpu-")
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
p = subprocess.Popen([binary, "serve", "--data-dir", d + "/data", "--config", config, "--port", str(port), "--start-at", "2026-03-02 08:00"],
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
for _ in range(3000):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=600); c.request("GET", "/healthz"); r = c.getresponse(); r.read()
        if r.status == 200: break
    except Exception: time.sleep(0.05)
tok = json.load(open(d + "/data/tokens.json"))["supervisor"]
H = {"Authorization": "Bearer " + tok, "Content-Type": "application/json"}
codes = [chr(65 + i) for i in range(20)]
def cpu():
    f = open("/proc/%d/stat" % p.pid).read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / os.sysconf("SC_CLK_TCK")
def conn(): return http.client.HTTPConnection("127.0.0.1", port, timeout=600)
def take(c, i):
    c.request("POST", "/v1/tickets", json.dumps({"service": codes[i % 20], "override": True}), H); r = c.getresponse(); b = r.read()
    assert r.status == 201, b
    return json.loads(b)["ticket"]
def fill(n, clients=16):
    def w(k):
        c = conn()
        for i in range(k, n, clients): take(c, i)
    ts = [threading.Thread(target=w, args=(k,)) for k in range(clients)]
    [t.start() for t in ts]; [t.join() for t in ts]
res = {}; waiting = 0; K = 100
for L in lines:
    fill(L - waiting); waiting = L
    time.sleep(1.5)  # let background work (projector) settle
    for name in ("issue", "services", "hall"):
        c = conn(); walls = []; c0 = cpu(); t0 = time.time()
        for i in range(K):
            a = time.time()
            if name == "issue":
                n = take(c, i); walls.append(time.time() - a)
                c.request("POST", "/v1/tickets/%s/cancel" % n, headers=H); r = c.getresponse(); r.read()
            else:
                c.request("GET", "/v1/services" if name == "services" else "/v1/hall", headers=H); r = c.getresponse(); r.read(); walls.append(time.time() - a)
        res["line_%d_%s_cpu_ms_per_req" % (L, name)] = round((cpu() - c0) * 1000 / K, 2)
        res["line_%d_%s_wall_p50_ms" % (L, name)] = round(statistics.median(walls) * 1000, 2)
        print(L, name, res["line_%d_%s_cpu_ms_per_req" % (L, name)], res["line_%d_%s_wall_p50_ms" % (L, name)], flush=True)
# throughput in daemon CPU: 64 clients, 640 tickets
c0 = cpu(); t0 = time.time(); fill(640, 64); dt = time.time() - t0
res["issue_64_clients_cpu_ms_per_ticket_at_line_%d" % waiting] = round((cpu() - c0) * 1000 / 640, 2)
res["throughput_64_clients_wall_per_s"] = round(640 / dt)
print(res, flush=True)
json.dump(res, open(out, "w"), indent=1)
p.terminate(); p.wait()
subprocess.run(["rm", "-rf", d])
