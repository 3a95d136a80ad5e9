#!/usr/bin/env python3
"""Keeps a tests/vm guest running for a host that watches its memory (tests/vm/live.sh).

    live.py --qmp SOCK --cmd SOCK --log-dir DIR [--sched-ext] [--boot-timeout S]
            [--max-seconds S] [--remove DIR] -- QEMU-ARGV...

QEMU is started paused (-S must be in QEMU-ARGV) with its console in DIR/console.log; both
sockets are connected, then `cont`, and the guest's READY line awaited (with --sched-ext it
must say sched_ext=enabled ops=ktstr_min). Then one line on stdout:

    READY {"qemu_pid": ..., "boot_s": ..., "cpus": "2", "sched_ext": "enabled", ...}

and one command per line on stdin, each answered with one line:

    spin-start CPU | spin-stop CPU   the guest's command port (init.sh)   OK spin-start 1 pid=130
    stop | cont                      QMP: freeze or resume every vCPU     OK stop
    status                           QMP query-status                     OK running
    quit (or the end of stdin)       QMP quit                             OK quit

A command that fails answers "ERR <command>: <why>"; a failure that ends the guest prints
"FAILED <step>: <why>" and exits 1. QEMU is killed on every way out: when this process ends
(QEMU gets SIGKILL from the kernel when its parent dies, PR_SET_PDEATHSIG), on SIGTERM, and
after --max-seconds (default 600) whatever happens. The helpers are drive.py's.
"""
import argparse
import ctypes
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ left in tests/vm
from drive import Guest, Qmp, StepError  # noqa: E402

PR_SET_PDEATHSIG = 1


def die_with_parent():
    """In QEMU's child, before exec: SIGKILL when the parent (this process) dies."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except OSError:
        pass


def say(line):
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def guest_command(guest, line, timeout):
    """Sends `line` to init.sh's command server; returns its OK line's detail."""
    cmd = line.split()[0]
    guest.s.send((line + "\n").encode())
    deadline = time.monotonic() + timeout
    while True:
        reply = guest.readline(deadline, cmd).decode(errors="replace").strip()
        if reply.startswith(f"==KTSTR-OK {cmd} ") and reply.endswith("=="):
            return reply[len("==KTSTR-OK "):-2]
        if reply.startswith("==KTSTR-ERR"):
            raise StepError(cmd, reply.strip("="))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--qmp", required=True)
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--log-dir", required=True)
    ap.add_argument("--sched-ext", action="store_true")
    ap.add_argument("--boot-timeout", type=float, default=180.0)
    ap.add_argument("--max-seconds", type=float, default=600.0)
    ap.add_argument("--command-timeout", type=float, default=30.0)
    ap.add_argument("--remove", help="a directory (the sockets') removed on the way out")
    ap.add_argument("qemu", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    qemu = a.qemu[1:] if a.qemu and a.qemu[0] == "--" else a.qemu
    os.makedirs(a.log_dir, exist_ok=True)
    proc = None
    rc = 1

    def kill_qemu():
        if proc is not None and proc.poll() is None:
            proc.kill()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass

    def on_term(signum, frame):
        raise SystemExit(1)

    signal.signal(signal.SIGTERM, on_term)
    signal.signal(signal.SIGHUP, on_term)

    def deadline_reached():
        say(f"FAILED lifetime: still running after {a.max_seconds:.0f} s; QEMU killed")
        kill_qemu()
        os._exit(1)

    timer = threading.Timer(a.max_seconds, deadline_reached)
    timer.daemon = True
    timer.start()
    step = "start qemu"
    try:
        console = open(os.path.join(a.log_dir, "console.log"), "wb")
        err = open(os.path.join(a.log_dir, "qemu-stderr.log"), "wb")
        proc = subprocess.Popen(qemu, stdin=subprocess.DEVNULL, stdout=console, stderr=err,
                                start_new_session=True, preexec_fn=die_with_parent)
        qmp = Qmp(a.qmp, proc, time.monotonic() + 30)
        guest = Guest(a.cmd, proc, time.monotonic() + 30, os.path.join(a.log_dir, "guest-port.log"))
        step = "boot"
        qmp.cmd("cont")
        t0 = time.monotonic()
        ready = guest.wait_ready(t0 + a.boot_timeout)
        if a.sched_ext and (ready.get("sched_ext") != "enabled" or ready.get("ops") != "ktstr_min"):
            raise StepError("scheduler", f"guest reports sched_ext={ready.get('sched_ext')} "
                            f"ops={ready.get('ops')} (want enabled, ktstr_min); see console.log")
        say("READY " + json.dumps({"qemu_pid": proc.pid, "boot_s": round(time.monotonic() - t0, 3),
                                   **ready}))
        for raw in sys.stdin:
            line = raw.strip()
            if not line:
                continue
            cmd = line.split()[0]
            step = cmd
            try:
                if cmd in ("spin-start", "spin-stop"):
                    say("OK " + guest_command(guest, line, a.command_timeout))
                elif cmd in ("stop", "cont"):
                    qmp.cmd(cmd)
                    say(f"OK {cmd}")
                elif cmd == "status":
                    say(f"OK {qmp.cmd('query-status').get('status')}")
                elif cmd == "quit":
                    break
                else:
                    say(f"ERR {cmd}: unknown command")
            except StepError as e:
                if proc.poll() is not None:
                    raise
                say(f"ERR {cmd}: {e.detail}")
        step = "quit"
        qmp.quit(proc)  # still running after it: killed on the way out, as on any error
        say("OK quit")
        rc = 0
    except StepError as e:
        say(f"FAILED {e.step}: {e.detail}")
    except (BrokenPipeError, KeyboardInterrupt, SystemExit):
        pass
    except Exception as e:  # an unexpected error is still one line naming the step
        say(f"FAILED {step}: {e!r}")
    finally:
        timer.cancel()
        kill_qemu()
        if a.remove:
            shutil.rmtree(a.remove, ignore_errors=True)
    return rc


if __name__ == "__main__":
    sys.exit(main())
