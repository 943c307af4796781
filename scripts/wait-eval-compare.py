#!/usr/bin/env python3
"""Compare `kiosk replay` (our live wait estimator) with the wait-eval reference predictors.

For every scenario and seed: simulate the day (sim.py, seed k) and a warm-start day (seed
k + 1000), run `kiosk replay DAY --history YESTERDAY --predictions P --updates U`, score it
with evaluate.py, pool all seeds of a scenario like run_all.py does, and write a markdown
table with the reference methods' figures (from the harness's RESULTS.md) beside ours.

Usage:
    scripts/wait-eval-compare.py [--harness ../shared/wait-eval] [--kiosk .build/release/kiosk]
        [--seeds 20] [--jobs 2] [--out wait-eval-comparison.md] [--replay-arg=--replicates=32 ...]
        [--prefix-check] [--hall scripts/wait-eval-halls/township.json ...]

--hall adds a hall that is not one of the harness's scenarios (ours, in scripts/wait-eval-halls,
to check that the estimator is built from the queue's mechanics rather than fitted to the four
public files): its reference rows (ql, bayes) are computed on the same days with the harness's
own predictors, which takes a few seconds per day for bayes.

Needs python3 with numpy (the harness's own requirement).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from multiprocessing import Pool

SCENARIOS = ("calm", "typical", "monday", "disrupted")
REFERENCE = ("naive", "ql", "qla", "qlb", "qlf", "bayes", "oracle")


def write_jsonl(path, rows):
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r, separators=(",", ":")) + "\n")


def one_day(job):
    harness, kiosk, work, scenario, seed, replay_args, hall_file = job
    sys.path.insert(0, harness)
    import evaluate
    import sim
    sc = sim.load_scenario(hall_file or os.path.join(harness, "scenarios", scenario + ".json"))
    d = os.path.join(work, "%s_s%d" % (scenario, seed))
    os.makedirs(d, exist_ok=True)
    trace, hist = os.path.join(d, "trace.jsonl"), os.path.join(d, "history.jsonl")
    write_jsonl(trace, sim.simulate(sc, seed))
    write_jsonl(hist, sim.simulate(sc, 1000 + seed))
    pred, upd = os.path.join(d, "pred.jsonl"), os.path.join(d, "upd.jsonl")
    t0 = time.time()
    subprocess.run([kiosk, "replay", trace, "--history", hist, "--predictions", pred, "--updates", upd]
                   + replay_args, check=True)
    elapsed = time.time() - t0
    events = [e for e in evaluate.load_jsonl(trace) if e.get("ev") != "meta"]
    preds = evaluate.load_jsonl(pred)
    ups = evaluate.load_jsonl(upd)
    acts = evaluate.actuals(events)
    pmap = {p["ticket"]: p["predicted_wait_s"] for p in preds}
    cls, _ = evaluate.sms_metrics(acts, pmap, ups, raw=True)
    references = {}
    if hall_file:
        import predictors
        trace_rows = evaluate.load_jsonl(trace)
        for m in ("ql", "bayes"):
            upd = []
            if m == "bayes":
                p = predictors.run_oracle(trace_rows[0], events, updates=upd, observable=True)
            else:
                p = predictors.run_online(trace_rows[0], events, m, [hist], updates=upd)
            m_cls, _ = evaluate.sms_metrics(acts, {x["ticket"]: x["predicted_wait_s"] for x in p}, upd, raw=True)
            references[m] = (evaluate.ticket_errors(events, p), m_cls)
    return scenario, seed, evaluate.ticket_errors(events, preds), cls, elapsed, references


def reference_figures(results_md):
    """{scenario: {method: {mae, under5, on_time, late}}} from the harness's RESULTS.md."""
    out, scenario = {}, None
    with open(results_md) as f:
        for line in f:
            m = re.match(r"^### (\w+)", line)
            if m:
                scenario = m.group(1)
                out[scenario] = {}
                continue
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if scenario and len(cells) == 13 and cells[0] in REFERENCE:
                out[scenario][cells[0]] = {
                    "mae": float(cells[1]), "under5": float(cells[6].rstrip("%")),
                    "on_time": float(cells[10].rstrip("%")), "late": float(cells[12].rstrip("%")),
                }
    return out


def pooled(rows):
    import numpy as np
    errs = np.array([e for r in rows for e, _, _, _ in r[2]], float)
    cls = defaultdict(int)
    for r in rows:
        for k, v in r[3].items():
            cls[k] += v
    n = sum(cls.values()) or 1
    return {"mae": float(np.abs(errs).mean() / 60), "under5": float((errs < -300).mean() * 100),
            "bias": float(errs.mean() / 60), "n": len(errs),
            "on_time": 100.0 * cls["on_time"] / n, "early": 100.0 * cls["early"] / n,
            "late": 100.0 * (cls["late"] + cls["missed"]) / n, "sms_n": sum(cls.values())}


def prefix_check(harness, kiosk, work, replay_args):
    """prefix_check.py on one day per scenario (history included)."""
    lines = []
    for scenario in SCENARIOS:
        d = os.path.join(work, "%s_s1" % scenario)
        cmd = [sys.executable, os.path.join(harness, "prefix_check.py"), os.path.join(d, "trace.jsonl"), "--",
               sys.executable, "-c",
               "import subprocess,sys,tempfile,os;"
               "p=tempfile.mktemp();"
               "subprocess.run([%r,'replay',sys.argv[1],'--history',%r,'--predictions',p]+%r,check=True);"
               "sys.stdout.write(open(p).read());os.remove(p)" % (kiosk, os.path.join(d, "history.jsonl"), replay_args),
               "{trace}"]
        r = subprocess.run(cmd, capture_output=True, text=True)
        lines.append("* %s seed 1: %s" % (scenario, (r.stdout.strip() or r.stderr.strip()).splitlines()[0]))
    return lines


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(here)
    ap = argparse.ArgumentParser(description="simulate -> kiosk replay -> evaluate, with the references beside")
    ap.add_argument("--harness", default=os.path.join(repo, "..", "shared", "wait-eval"))
    ap.add_argument("--kiosk", default=os.path.join(repo, ".build", "release", "kiosk"))
    ap.add_argument("--seeds", type=int, default=20)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--scenarios", default=",".join(SCENARIOS))
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "kiosk-wait-eval"))
    ap.add_argument("--out", default="wait-eval-comparison.md")
    ap.add_argument("--replay-arg", action="append", default=[], help="extra argument for kiosk replay")
    ap.add_argument("--prefix-check", action="store_true", help="also run prefix_check.py on seed 1")
    ap.add_argument("--hall", action="append", default=[],
                    help="a scenario file outside the harness (references computed on the same days)")
    a = ap.parse_args()
    harness, kiosk = os.path.abspath(a.harness), os.path.abspath(a.kiosk)
    scenarios = [s for s in a.scenarios.split(",") if s]
    hall_files = {os.path.splitext(os.path.basename(h))[0]: os.path.abspath(h) for h in a.hall}
    scenarios += list(hall_files)
    t0 = time.time()
    jobs = [(harness, kiosk, a.work, s, k, a.replay_arg, hall_files.get(s))
            for s in scenarios for k in range(1, a.seeds + 1)]
    with Pool(a.jobs) as pool:
        rows = pool.map(one_day, jobs, chunksize=1)
    refs = reference_figures(os.path.join(harness, "RESULTS.md"))
    for s in hall_files:
        refs[s] = {m: pooled([(r[0], r[1], r[5][m][0], r[5][m][1]) for r in rows if r[0] == s])
                   for m in ("ql", "bayes")}

    L = ["# Wait estimates: `kiosk replay` against the wait-eval references", "",
         "Generated by `scripts/wait-eval-compare.py --seeds %d` (%.0f s). Each day is `sim.py` seed k, "
         "warm-started from seed k + 1000 (`--history`). Figures pool every called ticket of a scenario's "
         "days. Reference rows are from the harness's RESULTS.md (same days, same pooling); for our own "
         "halls (`--hall`) they are computed here on the same days with the harness's predictors. "
         "`gap closed` = (ql - ours) / (ql - bayes) for MAE. SMS: heads-up scored on tickets that waited "
         ">= 15 min; on time = 5-15 min before the call, late includes missed." % (a.seeds, time.time() - t0),
         "",
         "| scenario | method | MAE min | under5 | SMS on time | SMS late | gap closed |",
         "|---|---|---|---|---|---|---|"]
    verdicts = []
    for s in scenarios:
        ours = pooled([r for r in rows if r[0] == s])
        ref = refs.get(s, {})
        for m in REFERENCE:
            if m in ref:
                x = ref[m]
                L.append("| %s | %s | %.2f | %.1f%% | %.0f%% | %.0f%% | |" % (s, m, x["mae"], x["under5"], x["on_time"], x["late"]))
        gap = ""
        if "ql" in ref and "bayes" in ref:
            ql, by = ref["ql"], ref["bayes"]
            frac = (ql["mae"] - ours["mae"]) / (ql["mae"] - by["mae"])
            gap = "%.2f" % frac
            ok = (frac >= 0.5, ours["under5"] <= ql["under5"], ours["late"] <= 0.5 * ql["late"],
                  ours["on_time"] >= ql["on_time"])
            verdicts.append("* %s: MAE gap closed %.2f (target 0.5, stretch 0.8) %s; under5 %.1f%% vs ql %.1f%% %s; "
                            "SMS late %.1f%% vs <= %.1f%% %s; on time %.1f%% vs >= %.0f%% %s" % (
                                s, frac, "ok" if ok[0] else "MISSED", ours["under5"], ql["under5"],
                                "ok" if ok[1] else "MISSED", ours["late"], 0.5 * ql["late"], "ok" if ok[2] else "MISSED",
                                ours["on_time"], ql["on_time"], "ok" if ok[3] else "MISSED"))
        L.append("| %s | **kiosk** | **%.2f** | **%.1f%%** | **%.0f%%** | **%.1f%%** | **%s** |" % (
            s, ours["mae"], ours["under5"], ours["on_time"], ours["late"], gap))
    L += ["", "Targets (issue 4):", ""] + verdicts
    L += ["", "Our bias (mean error, min): " + ", ".join(
        "%s %+.2f" % (s, pooled([r for r in rows if r[0] == s])["bias"]) for s in scenarios)]
    L.append("Replay time per day (s, incl. updates): mean %.2f" % (sum(r[4] for r in rows) / len(rows)))
    if a.prefix_check:
        L += ["", "prefix_check.py (no look-ahead):", ""] + prefix_check(harness, kiosk, a.work, a.replay_arg)
    text = "\n".join(L) + "\n"
    with open(a.out, "w") as f:
        f.write(text)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
