#!/usr/bin/env python3
"""Writes Sources/kiosk/kiosk.order: the functions `kiosk serve` runs on a big day, in the order
callgrind first meets them, for lld's --symbol-ordering-file (Package.swift, release on Linux).

The release link puts these functions next to each other at the start of the code, so the
daemon's code pages are a few megabytes instead of pages scattered over 30 MB of code, each
pulling in its 64 KB neighbourhood (issue 17, goal 3; README "Memory"). Rerun it when the
daemon's code changes a lot; a stale list still links (unknown names are skipped), it only
places less well.

It runs scripts/bench-memory.py once (the day folded, 8 screens, WAIT seconds) with the daemon
under valgrind's callgrind (a copy of the binary without debug information, which valgrind
3.19 cannot read), then keeps every function callgrind saw, by its mangled name.

usage: scripts/make-kiosk-order.py KIOSK_BINARY CONFIG DAY_DIR [WAIT]
  e.g. scripts/build-release
       DAY=/tmp/city-day scripts/bench-restart.py .build/release/kiosk scripts/bench-halls/city.json 10000 1
       scripts/make-kiosk-order.py .build/release/kiosk scripts/bench-halls/city.json /tmp/city-day
then relink to use the new list: SwiftPM does not know the list is an input of the link, so
  rm .build/release/kiosk && scripts/build-release
"""
import glob, os, re, subprocess, sys, tempfile

args = sys.argv[1:]
if len(args) < 3 or {"-h", "--help"} & set(args):
    sys.exit(__doc__)  # the usage above, on stderr, exit status 1
binary, config, day = args[0], args[1], args[2]
wait = args[3] if len(args) > 3 else "20"
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix="kiosk-order-")
plain = os.path.join(work, "kiosk")
subprocess.run(["objcopy", "--strip-debug", binary, plain], check=True)
wrapper = os.path.join(work, "kiosk-under-callgrind")
with open(wrapper, "w") as f:
    f.write("#!/bin/sh\nexec valgrind --tool=callgrind --demangle=no --dump-instr=no --compress-strings=no "
            "--compress-pos=no --callgrind-out-file=%s/callgrind.out.%%p %s \"$@\"\n" % (work, plain))
os.chmod(wrapper, 0o755)
subprocess.run([os.path.join(root, "scripts/bench-memory.py"), wrapper, config, day, "1", wait],
               check=True, stdout=subprocess.DEVNULL)
names, seen = [], set()
for out in glob.glob(os.path.join(work, "callgrind.out.*")):
    for line in open(out):
        if line.startswith(("fn=", "cfn=")):
            # callgrind marks recursion levels as name'2; 0x… are functions without a symbol.
            name = re.sub(r"'\d+$", "", line.split("=", 1)[1].strip())
            if name and not name.startswith("0x") and name not in seen:
                seen.add(name); names.append(name)
if not names:
    sys.exit("callgrind saw no functions (see %s)" % work)
target = os.path.join(root, "Sources/kiosk/kiosk.order")
with open(target, "w") as f:
    f.write("\n".join(names) + "\n")
subprocess.run(["rm", "-rf", work])
print("%d functions in %s" % (len(names), os.path.relpath(target, root)))
