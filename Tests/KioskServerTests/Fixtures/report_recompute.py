#!/usr/bin/env python3
"""Recomputes a hall report from `kiosk export` traces, independently of the Swift code, and
compares it with the report JSON that `kiosk report --format json` wrote.

    report_recompute.py REPORT.json DAY1.jsonl [DAY2.jsonl ...]

Definitions (README "Reports"): wait = issue -> first call, counted for the service issued
for; service time = last start -> finish, counted for the service and window that finished
it; within target = called tickets whose wait <= the service's target minutes; a window's open
time runs from the day's first session opening to the day's last event, split into serving (a
ticket called or in service), idle and paused; closed time is not open time. Percentiles are
nearest-rank. Exit 0 and "ok: N figures" when every figure agrees, 1 with the differences.
"""
import json
import sys
from collections import defaultdict


def nearest_rank(p, values):
    if not values:
        return None
    xs = sorted(values)
    rank = max(1, (p * len(xs) + 99) // 100)
    return xs[rank - 1]


class Scope:
    def __init__(self):
        self.issued = self.served = self.no_show = self.cancelled = self.transferred = 0
        self.waits, self.serves = [], []
        self.within = 0

    def figures(self):
        return {
            "issued": self.issued, "served": self.served, "no_show": self.no_show,
            "cancelled": self.cancelled, "transferred": self.transferred, "called": len(self.waits),
            "wait_p50_s": nearest_rank(50, self.waits), "wait_p90_s": nearest_rank(90, self.waits),
            "wait_max_s": max(self.waits) if self.waits else None,
            "serve_p50_s": nearest_rank(50, self.serves), "serve_p90_s": nearest_rank(90, self.serves),
            "within_target_share": (self.within / len(self.waits)) if self.waits else None,
        }


def recompute(paths):
    hall = Scope()
    services = defaultdict(Scope)
    windows = defaultdict(Scope)
    window_time = defaultdict(lambda: {"serving": 0.0, "idle": 0.0, "paused": 0.0})
    ratings = defaultdict(int)
    counters = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
        meta = lines[0]
        config = meta["config"]
        counters = [c["id"] for c in config["counters"]]
        targets = config.get("targets", {})
        default_target = targets.get("wait_min", 20)
        per_service = targets.get("services", {})
        tickets = {}
        availability = {c: "open" for c in counters}
        current = {c: None for c in counters}
        open_since = None
        last_t = None
        for e in lines[1:]:
            ev, t = e["ev"], e["t"]
            if ev == "end":
                continue
            # Time since the previous event, by each window's state before this one.
            if open_since is not None and last_t is not None and t > last_t:
                start = max(last_t, open_since)
                if t > start:
                    for c in counters:
                        if availability[c] == "closed":
                            continue
                        if availability[c] == "paused":
                            window_time[c]["paused"] += t - start
                        elif current[c] is not None:
                            window_time[c]["serving"] += t - start
                        else:
                            window_time[c]["idle"] += t - start
            ticket = e.get("ticket")
            counter = e.get("counter")
            if ev == "issue":
                tickets[ticket] = {"issued": t, "for": e["service"], "service": e["service"], "first_call": None, "start": None}
                hall.issued += 1
                services[e["service"]].issued += 1
            elif ev == "call":
                tk = tickets.get(ticket)
                if tk is not None and tk["first_call"] is None:
                    tk["first_call"] = t
                    wait = t - tk["issued"]
                    within = wait <= per_service.get(tk["for"], default_target) * 60
                    for scope in (hall, services[tk["for"]]):
                        scope.waits.append(wait)
                        scope.within += 1 if within else 0
                current[counter] = ticket
            elif ev == "unpark":
                current[counter] = ticket
            elif ev == "start":
                if ticket in tickets:
                    tickets[ticket]["start"] = t
            elif ev == "finish":
                tk = tickets.get(ticket)
                if tk is not None:
                    for scope in (hall, services[tk["service"]], windows[counter]):
                        scope.served += 1
                        if tk["start"] is not None:
                            scope.serves.append(t - tk["start"])
                    tk["start"] = None
                if current.get(counter) == ticket:
                    current[counter] = None
            elif ev == "noshow":
                tk = tickets.get(ticket)
                if tk is not None:
                    hall.no_show += 1
                    services[tk["service"]].no_show += 1
                if current.get(counter) == ticket:
                    current[counter] = None
            elif ev == "cancel":
                tk = tickets.get(ticket)
                if tk is not None:
                    hall.cancelled += 1
                    services[tk["service"]].cancelled += 1
            elif ev == "transfer":
                hall.transferred += 1
                services[e["from"]].transferred += 1
                if ticket in tickets:
                    tickets[ticket]["service"] = e["service"]
                    tickets[ticket]["start"] = None
                if current.get(counter) == ticket:
                    current[counter] = None
            elif ev == "park":
                if current.get(counter) == ticket:
                    current[counter] = None
            elif ev == "pause":
                availability[counter] = "paused"
            elif ev in ("resume", "counter_open"):
                availability[counter] = "open"
            elif ev == "counter_close":
                availability[counter] = "closed"
            elif ev == "open":
                if open_since is None:
                    open_since = t
            elif ev == "rate":
                ratings[str(e["score"])] += 1
            last_t = t if last_t is None else max(last_t, t)
    out = {"hall": hall.figures(), "services": {}, "windows": {}, "ratings": {str(s): ratings[str(s)] for s in range(1, 6)}}
    for code, scope in services.items():
        out["services"][code] = scope.figures()
    for c in counters:
        wt = window_time[c]
        open_s = wt["serving"] + wt["idle"] + wt["paused"]
        out["windows"][c] = {
            "served": windows[c].served,
            "utilisation": (wt["serving"] / open_s) if open_s > 0 else None,
            "open_s": open_s,
        }
    return out


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))
    return a == b


def main():
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    mine = recompute(sys.argv[2:])
    problems, compared = [], 0

    def check(where, expected, actual):
        nonlocal compared
        compared += 1
        if not close(expected, actual):
            problems.append(f"{where}: recomputed {expected!r}, report says {actual!r}")

    for key, value in mine["hall"].items():
        check(f"hall.{key}", value, report["hall"].get(key))
    by_code = {s["code"]: s for s in report["services"]}
    for code in set(mine["services"]) | set(by_code):
        theirs = by_code.get(code)
        if theirs is None:
            problems.append(f"services[{code}] missing from the report")
            continue
        ours = mine["services"].get(code, Scope().figures())
        for key, value in ours.items():
            check(f"services[{code}].{key}", value, theirs.get(key))
    by_id = {w["id"]: w for w in report["windows"]}
    for wid, ours in mine["windows"].items():
        theirs = by_id.get(wid)
        if theirs is None:
            problems.append(f"windows[{wid}] missing from the report")
            continue
        for key, value in ours.items():
            check(f"windows[{wid}].{key}", value, theirs.get(key))
    for score, n in mine["ratings"].items():
        check(f"ratings.counts.{score}", n, report["ratings"]["counts"].get(score))
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"ok: {compared} figures")


if __name__ == "__main__":
    main()
