#!/usr/bin/env python3
"""Check `kiosk advice` on simulated days: does the advice help, and how far is its projection?

For every scenario and seed (issue 18, "Check it on simulated days"):
  1. simulate the day (the harness's sim.py, seed k) with a window away mid-morning, and a
     previous day (seed k + 1000, without the extra absence) as the daemon's history;
  2. cut the day at a moment inside the absence (the journal as it stands then) and
     `kiosk import` the previous day and the cut day into a fresh journal;
  3. ask `kiosk advice --data-dir JOURNAL --at 'DATE HH:MM' --json`;
  4. simulate the SAME day (same seed: same arrivals, service times, answers, breaks) with the
     advised move applied from that moment (scripts/advice_eval_hall.py), and compare with the
     day as it went: the longest wait and the number past target of the citizens waiting at
     that moment, simulated, before and after; and the advice's projection of both against
     the simulation (per ticket too, when the advice lists its tickets);
  5. whether advice is given or not, try every move of the kinds the advisor names (resume the
     absent window, a window covering it, a window also serving one more service) in the
     simulation: on a day without advice, did any of them cut the longest wait by 5 minutes?

Usage:
    scripts/advice-eval.py [--seeds 10] [--scenarios typical,monday,disrupted,township]
        [--kiosk .build/debug/kiosk] [--harness ../shared/wait-eval] [--jobs 2]
        [--json OUT.json] [--out advice-eval.md] [--work DIR]
    scripts/advice-eval.py --self-check    # the simulator side only, one seed, seconds

Needs python3 with numpy (the harness's own requirement) and the harness at ../shared/wait-eval.
"""
import argparse
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from multiprocessing import Pool

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import advice_eval_hall as hall  # noqa: E402

# Each scenario: the hall, the window away (added as a scheduled pause, unless the hall already
# has its own mid-morning absence) and the moment the supervisor asks, 20 minutes into it.
# `may_serve`: the services a window's config lets it take on (`counters[].may_serve`, the
# advisor's add_service only names those): typical gives windows 1 and 2 the absent window's
# services as AB roles, township's three clerks may take on anything, monday and disrupted none.
SCENARIOS = {
    "typical": {"file": "harness:typical", "away": ("5", "09:30", "10:30"), "ask": "09:50",
                "may_serve": {"1": ["E", "F"], "2": ["E", "F"]}},
    "monday": {"file": "harness:monday", "away": ("5", "09:30", "10:30"), "ask": "09:50", "may_serve": {}},
    # disrupted's own absence: window 2 away 09:15-11:30 (and window 5 in the afternoon)
    "disrupted": {"file": "harness:disrupted", "away": None, "absent": "2", "ask": "09:35", "may_serve": {}},
    "township": {"file": "scripts/wait-eval-halls/township.json", "away": ("1", "09:30", "10:30"), "ask": "09:50",
                 "may_serve": "all"},
}
TARGET_S = 20 * 60          # targets.wait_min's default: the imported traces carry no targets
HELP_S = 5 * 60             # the advisor's threshold: advice cuts the longest wait by 5 minutes


def hhmm(s):
    h, m = s.split(":")
    return int(h) * 3600 + int(m) * 60


def scenario_raw(spec, harness):
    f = spec["file"]
    path = os.path.join(harness, "scenarios", f[len("harness:"):] + ".json") if f.startswith("harness:") \
        else os.path.join(REPO, f)
    with open(path) as fh:
        return json.load(fh)


def today_raw(spec, harness):
    """The scenario with the window away (a scheduled pause the predictors are not told of)."""
    raw = copy.deepcopy(scenario_raw(spec, harness))
    if spec["away"]:
        w, a, b = spec["away"]
        raw["scheduled_pauses"] = raw.get("scheduled_pauses", []) + [{"counter": w, "start": a, "end": b}]
    return raw


def absent_window(spec):
    return spec["away"][0] if spec["away"] else spec["absent"]


def day_before(date):
    import datetime
    return (datetime.date.fromisoformat(date) - datetime.timedelta(days=1)).isoformat()


def may_serve(spec, sc):
    """{window: [services it may take on]} of a scenario."""
    m = spec["may_serve"]
    if m == "all":
        return {c["id"]: [s for s in sc.codes if s not in c["services"]] for c in sc.counters}
    return {w: list(v) for w, v in m.items()}


def for_import(events, spec, sc, announce=False):
    """The trace as the hall's journal would have it: its config with the windows' `may_serve`;
    with `announce`, each scheduled absence's pause carries its back-at time (`until`: the
    clerk paused with `kiosk pause W --until`)."""
    events = copy.deepcopy(events)
    extra = may_serve(spec, sc)
    for c in events[0]["config"]["counters"]:
        if extra.get(c["id"]):
            c["may_serve"] = extra[c["id"]]
    if announce:
        for w, start, end in sc.sched_pauses:
            e = next((e for e in events[1:] if e["ev"] == "pause" and e["counter"] == w and start <= e["t"] < end), None)
            if e is not None:
                e["until"] = float(end)
    return events


def write_jsonl(path, rows):
    with open(path, "w") as f:
        for r in rows:
            f.write(json.dumps(r, separators=(",", ":")) + "\n")


# ------------------------------------------------------------------ simulated figures --

def waiting_at(events, t):
    """Tickets issued by t and not yet called at t: {ticket: t_issue}."""
    return {k: iss for k, (iss, call, _) in hall.waits(events).items()
            if iss <= t and (call is None or call > t)}


def figures(events, waiting, t):
    """What the simulation says of the citizens `waiting` at t (the advisor's figures, same
    definitions): each one's wait still ahead at t (t -> first call), the longest of those, and
    how many wait in all (issue -> first call) longer than the target."""
    w = hall.waits(events)
    ahead = {k: (w[k][1] - t) if w[k][1] is not None else None for k in waiting}
    called = [v for v in ahead.values() if v is not None]
    return {"per_ticket": ahead, "longest_s": max(called) if called else 0.0,
            "past_target": sum(1 for k in waiting if w[k][1] is not None and w[k][1] - w[k][0] > TARGET_S),
            "never_called": sum(1 for v in ahead.values() if v is None)}


def paused_at(events, t):
    """Windows away at t (the absent one, and any on a break then)."""
    away = set()
    for e in events:
        if e.get("t", 0) > t:
            break
        if e["ev"] == "pause":
            away.add(e["counter"])
        elif e["ev"] == "resume":
            away.discard(e["counter"])
    return sorted(away, key=lambda w: (len(w), w))


def candidate_moves(spec, sc, away):
    """Every move of the advisor's kinds this hall allows at that moment: resume a window that
    is away, a window that is there covering one that is away, a window that is there also
    serving a service its `may_serve` lists."""
    moves = [hall.Move("resume", w) for w in away]
    allowed = may_serve(spec, sc)
    for c in sc.counters:
        if c["id"] in away:
            continue
        moves += [hall.Move("cover", c["id"], covered=w) for w in away]
        moves += [hall.Move("add_service", c["id"], service=x) for x in allowed.get(c["id"], [])]
    return moves


# ---------------------------------------------------------------------------- advice --

def ask_advice(kiosk, data_dir, date, at):
    """`kiosk advice --data-dir D --at 'DATE HH:MM' --json`: (advice list, raw answer, seconds)."""
    t0 = time.time()
    r = subprocess.run([kiosk, "advice", "--data-dir", data_dir, "--at", "%s %s" % (date, at), "--json"],
                       capture_output=True, text=True)
    elapsed = time.time() - t0
    if r.returncode != 0:
        raise RuntimeError("kiosk advice exit %d: %s" % (r.returncode, (r.stderr or r.stdout).strip()))
    answer = json.loads(r.stdout)
    return advice_list(answer), answer, elapsed


def advice_list(answer):
    """The list of advice in the answer (the interface: /work/notes/advice-interface.md)."""
    if isinstance(answer, list):
        return answer
    return answer.get("advice", [])


def advice_move(a):
    """The simulator move an advice names (kinds: /work/notes/advice-interface.md)."""
    kind = {"end_cover": "uncover"}.get(a["kind"], a["kind"])
    return hall.Move(kind, a["window"], covered=a.get("from_window"), service=a.get("service"))


def projected(p):
    """A projection of the answer (its `before`, or an advice's `before`/`after`) in seconds:
    the longest wait still ahead, the number past target, each waiting ticket's wait ahead."""
    return {"longest_s": 60.0 * p["longest_wait_min"], "past_target": p["past_target"],
            "per_ticket": {k: 60.0 * v for k, v in p.get("waits", {}).items()}}


# ----------------------------------------------------------------------------- a day --

def one_day(job):
    harness, kiosk, work, name, seed, with_advice, n_futures, announce = job
    sim = hall.load_harness(harness)
    spec = SCENARIOS[name]
    sc_today = sim.Scenario(today_raw(spec, harness))
    base = hall.simulate(sc_today, seed)
    t_ask = hhmm(spec["ask"])
    waiting = waiting_at(base, t_ask)
    before = figures(base, waiting, t_ask)
    row = {"scenario": name, "seed": seed, "ask": spec["ask"], "absent": absent_window(spec),
           "away": paused_at(base, t_ask), "waiting": len(waiting), "sim_before": strip(before)}
    candidates = candidate_moves(spec, sc_today, row["away"])

    advice, answer = [], None
    if with_advice:
        answer = ask_and_keep(kiosk, work, name, seed, sim, spec, sc_today, base, t_ask, announce)
        row["advice_s"] = answer.pop("_elapsed_s")
        advice = advice_list(answer)
        pb = projected(answer["before"])       # the hall as it is, on every day
        row["proj_before"] = strip(pb)
        row["ticket_err_before"] = ticket_error(pb["per_ticket"], before["per_ticket"])
        row["advice"] = []

    # the same day (same seed) with each move the hall allows, and each advised move
    moves = {m.label(): m for m in candidates}
    same_day = {}
    for a in advice:
        m = advice_move(a)
        moves.setdefault(m.label(), m)
    for label, m in list(moves.items()):
        try:
            same_day[label] = figures(hall.simulate(sc_today, seed, [(t_ask, m)]), waiting, t_ask)
        except (KeyError, ValueError) as e:
            # a window or service the simulated hall has not: say so on the day, go on
            same_day[label] = e
            del moves[label]
    # and in other futures from that moment: what each move does in expectation
    fut = hall.futures(sc_today, seed, t_ask, [None] + list(moves.values()), waiting, n_futures) if n_futures else {}
    expected = {label: expectation(fut[None], fut[m], waiting, t_ask) for label, m in moves.items()} if fut else {}
    if fut:
        row["exp_before"] = expectation(fut[None], fut[None], waiting, t_ask)["before"]
        row["ticket_err_before_median"] = ticket_error(pb["per_ticket"], median_waits(fut[None])) if answer else None

    def gain(label):
        return before["longest_s"] - same_day[label]["longest_s"]
    labels = [m.label() for m in candidates]
    row["sim_moves"] = {x: {"gain_s": gain(x), "past_target_gain": before["past_target"] - same_day[x]["past_target"],
                            "exp_gain_s": expected[x]["cut_s"] if expected else None} for x in labels}
    best = max(labels, key=gain, default=None)
    row["best_sim_move"] = {"move": best, "gain_s": gain(best) if best else 0.0}
    best_exp = max(labels, key=lambda x: expected[x]["cut_s"], default=None) if expected else None
    row["best_exp_move"] = {"move": best_exp, "cut_s": expected[best_exp]["cut_s"] if best_exp else 0.0}

    for a in advice:
        label = advice_move(a).label()
        if isinstance(same_day[label], Exception):
            row["advice"].append({"move": label, "text": a.get("text"), "unsimulated": repr(same_day[label])})
            continue
        after, pa = same_day[label], projected(a["after"])
        row["advice"].append({
            "move": label, "text": a.get("text"), "text_en": a.get("text_en"), "command": a.get("command"),
            "proj_before": strip(projected(a["before"])), "proj_after": strip(pa), "sim_after": strip(after),
            "ticket_err_after": ticket_error(pa["per_ticket"], after["per_ticket"]),
            "expected": expected.get(label),
        })
    return row


def ask_and_keep(kiosk, work, name, seed, sim, spec, sc_today, base, t_ask, announce):
    """The previous day and the day cut at t_ask imported into a fresh journal, and the advice
    asked of it (the files stay in WORK/SCENARIO_sSEED for a look)."""
    d = os.path.join(work, "%s_s%d" % (name, seed))
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    history = sim.simulate(sim.Scenario(copy.deepcopy(scenario_raw(spec, harness_of(sim)))), 1000 + seed)
    history[0]["date"] = day_before(sc_today.date)
    write_jsonl(os.path.join(d, "history.jsonl"), for_import(history, spec, sc_today))
    write_jsonl(os.path.join(d, "cut.jsonl"), for_import(hall.cut(base, t_ask), spec, sc_today, announce))
    journal = os.path.join(d, "journal")
    for f in ("history.jsonl", "cut.jsonl"):
        subprocess.run([kiosk, "import", os.path.join(d, f), "--data-dir", journal], check=True, capture_output=True)
    _, answer, elapsed = ask_advice(kiosk, journal, sc_today.date, spec["ask"])
    with open(os.path.join(d, "advice.json"), "w") as f:
        json.dump(answer, f, ensure_ascii=False, indent=1)
    answer["_elapsed_s"] = elapsed
    return answer


def harness_of(sim):
    return os.path.dirname(os.path.abspath(sim.__file__))


def expectation(none, moved, waiting, t):
    """Over the futures (the same draws with and without the move): the mean longest wait
    ahead before and after, the mean cut, and the mean number past target before and after."""
    def longest(calls):
        return max(calls.values()) if calls else 0.0

    def past(calls):
        return sum(1 for k, v in calls.items() if t + v - waiting[k] > TARGET_S)
    n = len(none)
    return {"before": {"longest_s": sum(longest(c) for c in none) / n, "past_target": sum(past(c) for c in none) / n},
            "after": {"longest_s": sum(longest(c) for c in moved) / n, "past_target": sum(past(c) for c in moved) / n},
            "cut_s": sum(longest(a) - longest(b) for a, b in zip(none, moved)) / n}


def median_waits(futures):
    """Each ticket's median wait ahead over the futures (what a projection could best say)."""
    import statistics
    return {k: statistics.median(c[k] for c in futures) for k in futures[0]} if futures else {}


def strip(f):
    return {k: v for k, v in f.items() if k != "per_ticket"}


def ticket_error(proj, sim_waits):
    """Mean absolute error (s) of the projected waits against the simulated ones, and how
    many tickets both name; None when the advice lists no tickets."""
    both = [k for k in proj if sim_waits.get(k) is not None]
    if not both:
        return None
    return {"mae_s": sum(abs(proj[k] - sim_waits[k]) for k in both) / len(both), "n": len(both)}


# ---------------------------------------------------------------------------- tables --

def mins(s):
    return "%.0f" % (s / 60.0)


def first_advice(r):
    """The day's first advice that the simulation could apply (None: no advice)."""
    return next((a for a in r.get("advice", []) if "sim_after" in a), None)


def mean(xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else None


def fm(x, f="%.1f"):
    return "–" if x is None else f % x


def summary(rows, scenarios):
    """Two tables per run: did the first advice help, and how far was the projection."""
    help_t = ["| scenario | days | advice given | helped ≥5 min, same day | longest wait ahead, same day: before → after "
              "| cut: same day / expected / projected | best move's cut: same day / expected "
              "| first advice within 5 min of the best move (expected) "
              "| past target, same day: before → after (projected) | no advice: no move cuts 5 min (same day / expected) |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    proj_t = ["| scenario | longest ahead, before: projected − same day / − expected (mean, mean abs) "
              "| longest ahead, after: projected − same day / − expected (mean, mean abs) "
              "| per ticket, before: MAE vs same day / vs median future | per ticket, after: MAE vs same day |",
              "|---|---|---|---|"]
    for s in scenarios:
        rs = [r for r in rows if r["scenario"] == s]
        asked = [r for r in rs if "advice" in r]
        firsts = [(r, first_advice(r)) for r in asked if first_advice(r)]
        exp = [(r, a) for r, a in firsts if a.get("expected")]
        none = [r for r in asked if not r["advice"]]
        helped = sum(1 for r, a in firsts if r["sim_before"]["longest_s"] - a["sim_after"]["longest_s"] >= HELP_S)
        agree_same = sum(1 for r in none if r["best_sim_move"]["gain_s"] < HELP_S)
        agree_exp = sum(1 for r in none if "best_exp_move" in r and r["best_exp_move"]["cut_s"] < HELP_S)

        def m(xs, f="%.1f"):
            return fm(mean(xs), f)

        def err(pairs):
            d = [(p - q) / 60 for p, q in pairs]
            return "%s, %s" % (m(d, "%+.1f"), m([abs(x) for x in d]))
        near_best = sum(1 for r, a in exp if r["best_exp_move"]["cut_s"] - a["expected"]["cut_s"] < HELP_S)
        help_t.append("| %s | %d | %d of %d | %d of %d | %s → %s | %s / %s / %s | %s / %s | %d of %d | %s → %s (%s → %s) | %d / %d of %d |" % (
            s, len(rs), sum(1 for r in asked if r["advice"]), len(asked), helped, len(firsts),
            m([r["sim_before"]["longest_s"] / 60 for r, _ in firsts], "%.0f"),
            m([a["sim_after"]["longest_s"] / 60 for _, a in firsts], "%.0f"),
            m([(r["sim_before"]["longest_s"] - a["sim_after"]["longest_s"]) / 60 for r, a in firsts]),
            m([a["expected"]["cut_s"] / 60 for _, a in exp]),
            m([(a["proj_before"]["longest_s"] - a["proj_after"]["longest_s"]) / 60 for _, a in firsts]),
            m([r["best_sim_move"]["gain_s"] / 60 for r, _ in firsts]),
            m([r["best_exp_move"]["cut_s"] / 60 for r, _ in exp]), near_best, len(exp),
            m([r["sim_before"]["past_target"] for r, _ in firsts]), m([a["sim_after"]["past_target"] for _, a in firsts]),
            m([a["proj_before"]["past_target"] for _, a in firsts]), m([a["proj_after"]["past_target"] for _, a in firsts]),
            agree_same, agree_exp, len(none)))
        proj_t.append("| %s | %s / %s | %s / %s | %s / %s | %s |" % (
            s,
            err([(r["proj_before"]["longest_s"], r["sim_before"]["longest_s"]) for r in asked]),
            err([(r["proj_before"]["longest_s"], r["exp_before"]["longest_s"]) for r in asked if "exp_before" in r]),
            err([(a["proj_after"]["longest_s"], a["sim_after"]["longest_s"]) for _, a in firsts]),
            err([(a["proj_after"]["longest_s"], a["expected"]["after"]["longest_s"]) for _, a in exp]),
            m([r["ticket_err_before"]["mae_s"] / 60 for r in asked if r.get("ticket_err_before")]),
            m([r["ticket_err_before_median"]["mae_s"] / 60 for r in asked if r.get("ticket_err_before_median")]),
            m([a["ticket_err_after"]["mae_s"] / 60 for _, a in firsts if a.get("ticket_err_after")])))
    every = ["", "Every advice listed (up to 3 a day), not only the first: how many cut the longest wait ahead by "
             "5 min or more, on the same day / in expectation:", ""]
    for s in scenarios:
        items = [(r, a) for r in rows if r["scenario"] == s for a in r.get("advice", []) if "sim_after" in a]
        same = sum(1 for r, a in items if r["sim_before"]["longest_s"] - a["sim_after"]["longest_s"] >= HELP_S)
        expd = sum(1 for _, a in items if a.get("expected") and a["expected"]["cut_s"] >= HELP_S)
        every.append("* %s: %d advice, %d / %d" % (s, len(items), same, expd))
    return help_t + ["", "How far the projection was (minutes; + = projected longer than simulated):", ""] + proj_t + every


def per_day(rows):
    L = ["| scenario | seed | away | waiting | advice (first) | longest ahead, projected: before → after "
         "| same day: before → after | expected: before → after | past target, projected / same day "
         "| best move: same day (cut) / expected (cut) |",
         "|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        best, bexp = r["best_sim_move"], r.get("best_exp_move")
        bm = "%s (%s)" % (best["move"], mins(best["gain_s"])) if best["gain_s"] >= 30 else "none"
        bm += " / " + ("%s (%s)" % (bexp["move"], mins(bexp["cut_s"])) if bexp and bexp["cut_s"] >= 30 else "none")
        a = first_advice(r)
        eb = mins(r["exp_before"]["longest_s"]) if "exp_before" in r else ""
        away = ",".join(r["away"]) or "–"
        if a:
            ea = mins(a["expected"]["after"]["longest_s"]) if a.get("expected") else ""
            L.append("| %s | %d | %s | %d | %s | %s → %s | %s → %s | %s → %s | %s → %s / %d → %d | %s |" % (
                r["scenario"], r["seed"], away, r["waiting"], a["move"],
                mins(a["proj_before"]["longest_s"]), mins(a["proj_after"]["longest_s"]),
                mins(r["sim_before"]["longest_s"]), mins(a["sim_after"]["longest_s"]), eb, ea,
                a["proj_before"]["past_target"], a["proj_after"]["past_target"],
                r["sim_before"]["past_target"], a["sim_after"]["past_target"], bm))
        else:
            given = ("none" if not r["advice"] else "unsimulated: " + r["advice"][0]["move"]) if "advice" in r \
                else "(not asked)"
            proj = mins(r["proj_before"]["longest_s"]) if "proj_before" in r else ""
            ppt = r["proj_before"]["past_target"] if "proj_before" in r else ""
            L.append("| %s | %d | %s | %d | %s | %s | %s | %s | %s / %d | %s |" % (
                r["scenario"], r["seed"], away, r["waiting"], given, proj, mins(r["sim_before"]["longest_s"]), eb,
                ppt, r["sim_before"]["past_target"], bm))
    return L


# ------------------------------------------------------------------------ self-check --

def self_check(harness, kiosk=None):
    """In seconds: the wrapper with no move is the harness's day exactly; resuming the absent
    window changes the day only from that moment on and does not lengthen the line's longest
    wait; a cover makes the covering window call the absent one's services. With `kiosk`: the
    cut day imported into a journal (after its previous day) exports back as the same events;
    and, if this kiosk has `advice`, the advisor's line at that moment is the simulation's."""
    sim = hall.load_harness(harness)
    spec = SCENARIOS["typical"]
    seed, t = 3, hhmm(spec["ask"])
    plain = sim.simulate(sim.Scenario(today_raw(spec, harness)), seed)
    ours = hall.simulate(sim.Scenario(today_raw(spec, harness)), seed)
    assert ours == plain, "no move: the wrapper must reproduce sim.py's day exactly"
    resumed = hall.simulate(sim.Scenario(today_raw(spec, harness)), seed, [(t, hall.Move("resume", "5"))])
    assert resumed != plain, "resuming the absent window changes nothing"
    assert [e for e in resumed if e.get("t", 0) < t] == [e for e in plain if e.get("t", 0) < t], \
        "a move at t changed the day before t"
    resumes = [e for e in resumed if e["ev"] == "resume" and e["counter"] == "5"]
    assert resumes and resumes[0]["t"] == t, "window 5 did not come back at the moment asked: %r" % resumes[:1]
    waiting = waiting_at(plain, t)
    assert waiting, "nobody waiting at the moment asked: the check proves nothing"
    b, a = figures(plain, waiting, t), figures(resumed, waiting, t)
    assert a["longest_s"] <= b["longest_s"], "one more window made the longest wait longer"
    covered = hall.simulate(sim.Scenario(today_raw(spec, harness)), seed, [(t, hall.Move("cover", "1", covered="5"))])
    own = {"A", "B"}
    svc = {e["ticket"]: e["service"] for e in plain if e["ev"] == "issue"}
    cover_calls = [e for e in covered if e["ev"] == "call" and e["counter"] == "1" and svc[e["ticket"]] not in own]
    assert cover_calls and min(e["t"] for e in cover_calls) >= t, "window 1 never called window 5's services (or before t)"
    back = next(e["t"] for e in plain if e["ev"] == "resume" and e["counter"] == "5")
    assert all(e["t"] < back for e in cover_calls), "the cover outlived the absent window's return"
    print("advice-eval self-check ok: no move = the harness's day (%d events); resume at %s: longest wait "
          "ahead of the %d waiting %s -> %s min; cover: window 1 called %d of window 5's tickets" % (
              len(plain), spec["ask"], len(waiting), mins(b["longest_s"]), mins(a["longest_s"]), len(cover_calls)))
    if kiosk:
        journal_check(sim, spec, harness, kiosk, seed, plain, waiting)


def journal_check(sim, spec, harness, kiosk, seed, day, waiting):
    """The cut day through `kiosk import` and back out with `kiosk export`; then `kiosk advice`
    (when this kiosk has it) must see exactly the simulation's waiting tickets."""
    t = hhmm(spec["ask"])
    sc = sim.Scenario(today_raw(spec, harness))
    with tempfile.TemporaryDirectory() as d:
        history = sim.simulate(sim.Scenario(copy.deepcopy(scenario_raw(spec, harness))), 1000 + seed)
        history[0]["date"] = day_before(sc.date)
        cut = hall.cut(day, t)
        write_jsonl(os.path.join(d, "history.jsonl"), for_import(history, spec, sc))
        write_jsonl(os.path.join(d, "cut.jsonl"), for_import(cut, spec, sc))
        journal = os.path.join(d, "journal")
        for f in ("history.jsonl", "cut.jsonl"):
            subprocess.run([kiosk, "import", os.path.join(d, f), "--data-dir", journal], check=True, capture_output=True)
        out = os.path.join(d, "export.jsonl")
        subprocess.run([kiosk, "export", "--data-dir", journal, "--date", sc.date, "-o", out], check=True, capture_output=True)
        with open(out) as f:
            back = [json.loads(line) for line in f if line.strip()]

        def key(e):
            return (e["t"], e["ev"], e.get("ticket"), e.get("counter"))
        assert [key(e) for e in back if e["ev"] not in ("meta", "end")] == [key(e) for e in cut[1:]], \
            "the cut day did not come back from the journal as it went in"
        print("advice-eval self-check ok: the day cut at %s (%d events) imported after its previous day and "
              "exported back unchanged" % (spec["ask"], len(cut) - 1))
        usage = subprocess.run([kiosk, "advice", "--help"], capture_output=True, text=True).stdout
        has_advice = "kiosk advice" in usage
        if not has_advice:
            print("advice-eval self-check: this kiosk has no `advice` command; the advisor's line not checked")
            return
        _, answer, _ = ask_advice(kiosk, journal, sc.date, spec["ask"])
        seen = set(answer["before"]["waits"])
        assert seen == set(waiting), "the advisor's line %s is not the simulation's %s" % (sorted(seen), sorted(waiting))
        print("advice-eval self-check ok: `kiosk advice` at %s sees the simulation's %d waiting tickets" % (
            spec["ask"], len(seen)))


# ------------------------------------------------------------------------------ main --

def main():
    ap = argparse.ArgumentParser(description="simulated days -> kiosk advice -> the advice applied in the simulation")
    ap.add_argument("--harness", default=os.path.join(REPO, "..", "shared", "wait-eval"))
    ap.add_argument("--kiosk", default=None, help="default: .build/release/kiosk if built, else .build/debug/kiosk")
    ap.add_argument("--seeds", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--scenarios", default=",".join(SCENARIOS))
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "kiosk-advice-eval"))
    ap.add_argument("--out", default=None, help="also write the markdown here")
    ap.add_argument("--json", default=None, help="write every day's figures here as JSON")
    ap.add_argument("--futures", type=int, default=16,
                    help="other futures from the moment asked, to score each move in expectation (0: off)")
    ap.add_argument("--announced", action="store_true",
                    help="the absence is entered with its back-at time (pause --until), not left open")
    ap.add_argument("--no-advice", action="store_true", help="the simulator side only (no kiosk)")
    ap.add_argument("--self-check", action="store_true")
    a = ap.parse_args()
    harness = os.path.abspath(a.harness)
    if a.announced and a.work == ap.get_default("work"):
        a.work += "-announced"
    kiosk = a.kiosk or next((p for p in (os.path.join(REPO, ".build", b, "kiosk") for b in ("release", "debug"))
                             if os.path.exists(p)), "kiosk")
    kiosk = os.path.abspath(kiosk) if os.path.sep in kiosk else kiosk
    if a.self_check:
        if not os.path.isdir(harness):
            print("advice-eval self-check skipped: no wait-eval harness at %s" % harness)
            return
        try:
            import numpy  # noqa: F401  (the harness's one requirement)
        except ImportError:
            print("advice-eval self-check skipped: the harness needs numpy, which this python3 lacks")
            return
        self_check(harness, kiosk if a.kiosk or os.path.exists(kiosk) else None)
        return
    scenarios = [s for s in a.scenarios.split(",") if s]
    for s in scenarios:
        if s not in SCENARIOS:
            ap.error("unknown scenario %s (known: %s)" % (s, ", ".join(SCENARIOS)))
    t0 = time.time()
    jobs = [(harness, kiosk, a.work, s, k, not a.no_advice, a.futures, a.announced)
            for s in scenarios for k in range(1, a.seeds + 1)]
    with Pool(a.jobs) as pool:
        rows = pool.map(one_day, jobs, chunksize=1)
    L = ["# Staffing advice on simulated days", "",
         "Generated by `scripts/advice-eval.py --seeds %d --scenarios %s%s --futures %d` (%.0f s). A window is "
         "away mid-morning (typical, monday: window 5 09:30–10:30; township: window 1 09:30–10:30; disrupted: its "
         "own window 2 09:15–11:30), %s; the supervisor asks 20 minutes in. `away` = the windows paused then "
         "(random breaks too). Figures are of the citizens waiting at that moment, in minutes: the wait still "
         "ahead of them (→ first call; longest = the largest) and how many wait in all (issue → call) over "
         "%d min (past target), as `kiosk advice` defines them. *Same day*: the simulation with the same seed, "
         "as it went (before) and with the first advice applied from that moment (after). *Expected*: the "
         "mean over %d other futures from that moment (the hidden present and what follows redrawn, the same "
         "draws with and without the move). *Projected*: the advice's own figures. Helped = the same day's "
         "longest wait ahead fell by 5 min or more. *Best move*: every move the hall allows at that moment "
         "(resume or cover a window that is away, a window taking on a service its `may_serve` lists), "
         "simulated. No advice: days without advice on which no move cut the longest wait ahead by 5 min." % (
             a.seeds, ",".join(scenarios), " --announced" if a.announced else "", a.futures, time.time() - t0,
             "entered with its back-at time (`pause --until`)" if a.announced else "not announced (a pause with no back-at time)",
             TARGET_S // 60, a.futures), ""]
    L += summary(rows, scenarios) + ["", "Every day:", ""] + per_day(rows)
    if not a.no_advice:
        secs = [r["advice_s"] for r in rows if "advice_s" in r]
        L += ["", "`kiosk advice` took %.2f s a day on average (%s)." % (sum(secs) / max(len(secs), 1), kiosk)]
    text = "\n".join(L) + "\n"
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rows, f, ensure_ascii=False, indent=1)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
