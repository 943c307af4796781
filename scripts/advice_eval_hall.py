"""The wait-eval simulator's hall with a supervisor's move applied at a moment of the day.

`scripts/advice-eval.py` simulates the same day (same scenario, same seed) twice: as it went,
and with the move a piece of advice names applied from the moment the advice was asked for.
The harness's `sim.Hall` draws all its randomness up front, so the two days share every
arrival, service time, answer and break request; only what the move changes can differ.

Moves (the supervisor commands an advice names):
  resume W           the window's break ends now (its scheduled or random return is dropped)
  open W             the same in this simulator (it has no closed windows, only absent ones)
  cover W ABSENT     W also serves ABSENT's services (after its own), until ABSENT is back
  add_service W S    W also serves S (a live config change), for the rest of the day
  uncover W ABSENT   W stops serving ABSENT's services (those not its own)

The harness is imported, not copied: `load_harness(path)` puts it on sys.path.
"""
import heapq
import math
import os
import sys

_sim = None

# a kind of heap event of our own, after the harness's OPEN … TICK (0 … 7)
CHANGE = 100


def load_harness(harness):
    """Imports the harness's sim.py (read-only, from ../shared/wait-eval)."""
    global _sim
    harness = os.path.abspath(harness)
    if harness not in sys.path:
        sys.path.insert(0, harness)
    import sim
    _sim = sim
    return sim


class Move:
    """One supervisor command: kind, window, and the absent window or the service."""

    KINDS = ("resume", "open", "cover", "add_service", "uncover")

    def __init__(self, kind, counter, covered=None, service=None):
        if kind not in self.KINDS:
            raise ValueError("unknown move %r" % kind)
        self.kind, self.counter, self.covered, self.service = kind, str(counter), covered, service
        if covered is not None:
            self.covered = str(covered)

    def label(self):
        extra = self.covered if self.kind in ("cover", "uncover") else (self.service or "")
        return ("%s %s %s" % (self.kind, self.counter, extra)).strip()

    def __repr__(self):
        return "Move(%s)" % self.label()


def changed_hall_class():
    sim = _sim

    class ChangedHall(sim.Hall):
        """sim.Hall plus moves applied at given moments. With no move it is sim.Hall exactly
        (no extra heap entry, so the tie-breaking sequence numbers are the base day's)."""

        def __init__(self, sc, seed, moves=()):
            super().__init__(sc, seed)
            self.uncover_when_back = {}     # absent window -> [covering windows]
            for t, move in moves:
                self.push(t, CHANGE, move)

        def handle(self, kind, a, b):
            if kind == CHANGE:
                self.apply(a)
                return
            was_paused = kind == sim.PAUSE_END and self.cmap[a].state == "paused"
            super().handle(kind, a, b)
            if was_paused and a in self.uncover_when_back:
                # the supervisor ends the cover when the absent window is back
                for w in self.uncover_when_back.pop(a):
                    self.apply(Move("uncover", w, covered=a))

        def apply(self, move):
            c = self.cmap[move.counter]
            if move.kind in ("resume", "open"):
                if c.state != "paused":
                    c.pending_pause = None       # not away yet: the break is called off
                    return
                self.heap = [e for e in self.heap if not (e[2] == sim.PAUSE_END and e[3] == c.id)]
                heapq.heapify(self.heap)
                c.state, c.idle_since = "idle", self.t
                self.ev("resume", counter=c.id)
                self.dispatch(c)
            elif move.kind == "cover":
                extra = [s for s in self.cmap[move.covered].services if s not in c.services]
                self.serve(c, c.services + extra)
                self.uncover_when_back.setdefault(move.covered, []).append(c.id)
            elif move.kind == "add_service":
                if move.service not in self.sc.codes:
                    raise ValueError("no service %s in this hall" % move.service)
                if move.service not in c.services:
                    self.serve(c, c.services + [move.service])
            elif move.kind == "uncover":
                own = next(x for x in self.sc.counters if x["id"] == c.id)["services"]
                gone = set(self.cmap[move.covered].services) - set(own)
                self.serve(c, [s for s in c.services if s not in gone])

        def run_until(self, t):
            """Runs the day up to and including t (the state the journal holds at t)."""
            while True:
                t_arr = self.arrivals[self.arr_ptr][0] if self.arr_ptr < len(self.arrivals) else math.inf
                t_ev = self.heap[0][0] if self.heap else math.inf
                if min(t_arr, t_ev) > t:
                    break
                if t_arr < t_ev:
                    self.t = t_arr
                    self.arrive(self.arrivals[self.arr_ptr])
                    self.arr_ptr += 1
                else:
                    when, _, kind, a, b = heapq.heappop(self.heap)
                    self.t = when
                    self.handle(kind, a, b)
            self.t = t

        def clone(self):
            h = super().clone()
            h.__class__ = type(self)
            h.uncover_when_back = {k: list(v) for k, v in self.uncover_when_back.items()}
            return h

        def serve(self, c, services):
            c.services, c.sset = list(services), set(services)
            if c.state == "idle":
                self.dispatch(c)

    return ChangedHall


def simulate(sc, seed, moves=()):
    """The day's trace events (meta first), as sim.simulate, with `moves` = [(t, Move)]."""
    sim = _sim
    h = changed_hall_class()(sc, seed, moves)
    h.run()
    meta = {"ev": "meta", "version": sim.TRACE_VERSION, "date": sc.date,
            "time_unit": "seconds since local midnight",
            "config": sc.public_config(),
            "sim": {"seed": seed, "scenario": sc.raw}}
    return [meta] + h.out


def futures(sc, seed, t, moves, waiting, n=16):
    """What each move does in expectation: the day up to t as it went (seed), then n other
    futures, each drawn once and shared by every move (common random numbers): the hidden
    present resampled as the harness's `bayes` does (service times of the waiting, answers,
    ongoing services and breaks, conditioned on what a kiosk has seen; the scheduled absence's
    end stays, as the true plan) and new arrivals and breaks drawn. Returns, per move (None =
    no move), a list over the futures of {ticket: wait ahead at t (s)}."""
    import numpy as np
    h = changed_hall_class()(sc, seed)
    h.run_until(t)
    out = {m: [] for m in moves}
    for r in range(n):
        rng = np.random.default_rng([seed, r, 18])
        drawn = h.clone()
        drawn.resample_hidden(rng)
        drawn.replace_future(rng)
        for m in moves:
            v = drawn.clone()
            v.out, v.emit = [], True
            if m is not None:
                v.apply(m)
            v.run()
            calls = {}
            for e in v.out:
                if e["ev"] == "call" and e["ticket"] in waiting and e["ticket"] not in calls:
                    calls[e["ticket"]] = e["t"] - t
            out[m].append(calls)
    return out


def waits(events):
    """{ticket: (t_issue, t_first_call or None, service)} of a trace."""
    out = {}
    for e in events:
        if e["ev"] == "issue":
            out[e["ticket"]] = [e["t"], None, e["service"]]
        elif e["ev"] == "call" and out[e["ticket"]][1] is None:
            out[e["ticket"]][1] = e["t"]
    return {k: tuple(v) for k, v in out.items()}


def cut(events, t):
    """The trace as a journal holds it at `t`: meta and every event up to t (no `end`)."""
    return [e for e in events if e["ev"] == "meta" or (e["ev"] != "end" and e["t"] <= t)]
