#!/usr/bin/env python3
"""Where the daemon's memory is (issue 17, goal 3: RSS after a 10,000-ticket day, the journal
folded, 8 hall screens subscribed), mapping by mapping.

Starts `kiosk serve` on a copy of a day's data directory (each run gets a fresh copy, so the
day does not grow between runs), waits for /healthz (the journal folded), subscribes 8 hall
screens as `kiosk display` does (`GET /v1/hall`, then `/v1/events?start=now`), waits WAIT
seconds (default 5: several projections of the line have run), then reads /proc/PID/smaps
and prints, per mapped file (the binary, each library) and per segment (text r-x, read-only
data r--, writable data rw-), the resident kilobytes and how many of them are anonymous
(copy-on-write pages, the heap and the stacks are anonymous). Then RSS, anonymous and
file-backed totals (each the median of 20 samples over 4 s, and the highest RSS sampled),
medians over RUNS runs (default 3) with the load average.

usage: scripts/bench-memory.py KIOSK_BINARY CONFIG DAY_DIR [RUNS] [WAIT]
  e.g. DAY=/tmp/city-day scripts/bench-restart.py .build/release/kiosk scripts/bench-halls/city.json 10000 1
       scripts/bench-memory.py .build/release/kiosk scripts/bench-halls/city.json /tmp/city-day
DAY_DIR is a data directory holding a day (bench-restart.py with DAY=DIR builds and keeps one).
With --json as the last argument, prints the medians as JSON only.
"""
import json, os, shutil, signal, socket, subprocess, sys, tempfile, threading, time, http.client

args = [a for a in sys.argv[1:] if a != "--json"]
as_json = "--json" in sys.argv
if len(args) < 3 or {"-h", "--help"} & set(sys.argv[1:]):
    sys.exit(__doc__)  # the usage above, on stderr, exit status 1
binary, config, day = args[0], args[1], args[2]
runs = int(args[3]) if len(args) > 3 else 3
wait = float(args[4]) if len(args) > 4 else 5


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    return port


def healthy(port):
    try:
        c = http.client.HTTPConnection("127.0.0.1", port, timeout=5); c.request("GET", "/healthz"); r = c.getresponse(); r.read()
        return r.status == 200
    except Exception:
        return False


def screen(port, token, stop):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    D = {"Authorization": "Bearer " + token}
    c.request("GET", "/v1/hall", headers=D); c.getresponse().read()
    c.request("GET", "/v1/events?start=now", headers=D); r = c.getresponse()
    while not stop.is_set():
        try:
            if not r.fp.readline(): break
        except Exception:
            break


def segment(perms, path):
    if not path or path.startswith("["):
        return {"[heap]": "heap", "[stack]": "stack"}.get(path, "anon" if not path else path.strip("[]"))
    return {"r-xp": "text", "r--p": "rodata", "rw-p": "data"}.get(perms, perms)


def smaps(pid):
    """(name, segment) -> [rss kB, anonymous kB], and the totals."""
    table, key = {}, None
    for line in open("/proc/%d/smaps" % pid):
        fields = line.split()
        if "-" in fields[0] and len(fields) >= 5 and not fields[0].endswith(":"):
            path = fields[5] if len(fields) > 5 else ""
            name = os.path.basename(path) if path.startswith("/") else (path or "anonymous")
            key = (name, segment(fields[1], path))
            table.setdefault(key, [0, 0])
        elif fields[0] == "Rss:":
            table[key][0] += int(fields[1])
        elif fields[0] == "Anonymous:":
            table[key][1] += int(fields[1])
    return table


def status(pid, field):
    for line in open("/proc/%d/status" % pid):
        if line.startswith(field + ":"): return int(line.split()[1])


def one_run():
    work = tempfile.mkdtemp(prefix="kiosk-memory-")
    data = work + "/data"
    shutil.copytree(day, data, ignore=shutil.ignore_patterns("kiosk.lock"))
    port = free_port()
    p = subprocess.Popen([binary, "serve", "--data-dir", data, "--config", config, "--port", str(port),
                          "--start-at", "2026-03-02 08:00"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while not healthy(port):
            if p.poll() is not None: raise SystemExit("kiosk serve exited with %d" % p.returncode)
            time.sleep(0.01)
        folded = status(p.pid, "VmRSS")
        token = json.load(open(data + "/tokens.json"))["display"]
        stop = threading.Event()
        for _ in range(8): threading.Thread(target=screen, args=(port, token, stop), daemon=True).start()
        time.sleep(wait)
        table = smaps(p.pid)
        # The line is projected about once a second, its working arrays live only meanwhile:
        # RSS is sampled 20 times over 4 s (the median, and the highest seen).
        samples = []
        for _ in range(20):
            samples.append({f: status(p.pid, f) for f in ("VmRSS", "RssAnon", "RssFile")})
            time.sleep(0.2)
        mid = lambda f: sorted(x[f] for x in samples)[len(samples) // 2]
        figures = {"rss_kb_folded": folded, "rss_kb_8_screens": mid("VmRSS"),
                   "anon_kb_8_screens": mid("RssAnon"), "file_kb_8_screens": mid("RssFile"),
                   "rss_kb_8_screens_highest": max(x["VmRSS"] for x in samples),
                   "hwm_kb": status(p.pid, "VmHWM"), "load_average": os.getloadavg()[0]}
        stop.set()
        return figures, table
    finally:
        p.send_signal(signal.SIGTERM); p.wait()
        shutil.rmtree(work)


results = [one_run() for _ in range(runs)]
median = lambda xs: sorted(xs)[len(xs) // 2]
figures = {key: median([r[0][key] for r in results]) for key in results[0][0]}
figures["load_averages"] = [round(r[0]["load_average"], 1) for r in results]
del figures["load_average"]
if as_json:
    print(json.dumps(figures, indent=1)); sys.exit()
keys = sorted({k for _, t in results for k in t}, key=lambda k: -median([t.get(k, [0, 0])[0] for _, t in results]))
print("| mapping | segment | Rss kB | of which anonymous kB |")
print("|---|---|---|---|")
other = [0, 0]
for k in keys:
    rss, anon = (median([t.get(k, [0, 0])[i] for _, t in results]) for i in (0, 1))
    if rss < 256:
        other[0] += rss; other[1] += anon
        continue
    print("| %s | %s | %d | %d |" % (k[0], k[1], rss, anon))
print("| (each under 256 kB) | | %d | %d |" % tuple(other))
print()
for key, value in figures.items():
    print("%s: %s" % (key, value))
