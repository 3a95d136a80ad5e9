#!/usr/bin/env python3
"""Runs one guest cycle for tests/vm/run.sh: boot, views, dump, views, quit.

    drive.py --out DIR --qmp SOCK --cmd SOCK --pidfile F --meta-in JSON [--ram-file PATH]
             [--paging] [--sched-ext] [--settle S] -- QEMU-ARGV...

QEMU is started paused (-S must be in QEMU-ARGV) with stdout to DIR/console.log, so that both
sockets are connected before the guest says anything; then, over QMP and the guest's command
port (its /dev/ttyS1, see init.sh):
    cont -> READY line -> settle -> view "before" -> stop -> dump-guest-memory DIR/dump.elf
    [-> copy the RAM file to DIR/ram.bin] -> cont -> view "after" -> quit
Every wait has a deadline. On failure it prints one line, "run.sh: FAILED at <step>: <why>",
and exits 1; QEMU is killed whatever happens. DIR/meta.json gets the times and what was seen.
"""
import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time


class StepError(Exception):
    def __init__(self, step, detail):
        super().__init__(f"{step}: {detail}")
        self.step = step
        self.detail = detail


class Line:
    """A byte stream from a unix socket with deadlines; notices QEMU dying."""

    def __init__(self, path, proc, deadline, step):
        self.proc = proc
        self.buf = b""
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        while True:
            try:
                self.sock.connect(path)
                break
            except (FileNotFoundError, ConnectionRefusedError):
                self.check_alive(step)
                if time.monotonic() > deadline:
                    raise StepError(step, f"no socket {path} after waiting")
                time.sleep(0.05)

    def check_alive(self, step):
        rc = self.proc.poll()
        if rc is not None:
            raise StepError(step, f"QEMU exited (status {rc}); see console.log and qemu-stderr.log")

    def fill(self, deadline, step):
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise StepError(step, "timed out")
            self.sock.settimeout(min(left, 0.5))
            try:
                data = self.sock.recv(1 << 16)
            except socket.timeout:
                self.check_alive(step)
                continue
            if not data:
                try:
                    self.proc.wait(timeout=3)
                except subprocess.TimeoutExpired:
                    pass
                self.check_alive(step)
                raise StepError(step, "connection closed")
            self.buf += data
            return data

    def readline(self, deadline, step):
        while b"\n" not in self.buf:
            self.fill(deadline, step)
        line, self.buf = self.buf.split(b"\n", 1)
        return line + b"\n"

    def readn(self, n, deadline, step):
        while len(self.buf) < n:
            self.fill(deadline, step)
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def send(self, data):
        self.sock.sendall(data)


class Qmp:
    def __init__(self, path, proc, deadline):
        self.s = Line(path, proc, deadline, "qmp connect")
        self.n = 0
        self.events = []
        greeting = self.msg(deadline, "qmp greeting")
        if "QMP" not in greeting:
            raise StepError("qmp greeting", repr(greeting))
        self.version = greeting["QMP"].get("version", {}).get("qemu", {})
        self.cmd("qmp_capabilities")

    def msg(self, deadline, step):
        line = self.s.readline(deadline, step)
        try:
            return json.loads(line)
        except ValueError:
            raise StepError(step, f"not JSON: {line[:200]!r}")

    def cmd(self, name, args=None, timeout=30.0):
        self.n += 1
        req = {"execute": name, "id": self.n}
        if args is not None:
            req["arguments"] = args
        self.s.send(json.dumps(req).encode() + b"\n")
        deadline = time.monotonic() + timeout
        step = f"qmp {name}"
        while True:
            m = self.msg(deadline, step)
            if "event" in m:
                self.events.append(m)
                continue
            if m.get("id") != self.n:
                continue
            if "error" in m:
                raise StepError(step, m["error"].get("desc", repr(m["error"])))
            return m.get("return")

    def quit(self, proc):
        """Asks QEMU (`proc`) to quit; whether it exited within 15 s."""
        try:
            self.cmd("quit", timeout=10)
        except StepError:
            pass  # QEMU may close the socket before it answers
        try:
            proc.wait(timeout=15)
            return True
        except subprocess.TimeoutExpired:
            return False


class Guest:
    """The guest's command port (init.sh's server on /dev/ttyS1)."""

    def __init__(self, path, proc, deadline, transcript):
        self.s = Line(path, proc, deadline, "guest port connect")
        self.log = open(transcript, "wb")

    def readline(self, deadline, step):
        line = self.s.readline(deadline, step)
        self.log.write(line)
        self.log.flush()
        return line

    def wait_ready(self, deadline):
        while True:
            line = self.readline(deadline, "boot (waiting for the guest's READY line)")
            m = re.match(rb"==KTSTR-READY (.*)==\s*$", line)
            if m:
                return dict(kv.split("=", 1) for kv in m.group(1).decode().split() if "=" in kv)

    def view(self, tag, outdir, timeout):
        step = f"view {tag}"
        deadline = time.monotonic() + timeout
        os.makedirs(outdir, exist_ok=True)
        self.s.send(f"view {tag}\n".encode())
        t0 = time.monotonic()
        parts = {}
        while True:
            line = self.readline(deadline, step)
            m = re.match(rb"==KTSTR-BEGIN ([^/ ]+)/(\S+) (\d+)==\s*$", line)
            if m:
                name = m.group(2).decode()
                data = self.s.readn(int(m.group(3)), deadline, step)
                self.log.write(data)
                end = self.readline(deadline, step)
                e = re.match(rb"==KTSTR-END \S+ rc=(\d+)==\s*$", end)
                if not e:
                    raise StepError(step, f"part {name}: bad end marker {end[:120]!r}")
                with open(os.path.join(outdir, name + ".txt"), "wb") as f:
                    f.write(data)
                parts[name] = {"bytes": len(data), "rc": int(e.group(1)),
                               "done_s": round(time.monotonic() - t0, 3)}
                continue
            if line.startswith(f"==KTSTR-VIEW-DONE {tag}==".encode()):
                return parts
            if line.startswith(b"==KTSTR-ERR"):
                raise StepError(step, line.decode(errors="replace").strip())


def workload_rows(path):
    rows = []
    try:
        with open(path) as f:
            for ln in f.read().splitlines()[1:]:
                p = ln.split()
                if len(p) == 3 and p[0].isdigit():
                    rows.append({"pid": int(p[0]), "comm": p[1], "cpu": int(p[2]) if p[2].isdigit() else p[2]})
    except OSError:
        pass
    return rows


def first_line(path):
    try:
        with open(path) as f:
            return f.readline().strip()
    except OSError:
        return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--qmp", required=True)
    ap.add_argument("--cmd", required=True)
    ap.add_argument("--pidfile", required=True)
    ap.add_argument("--meta-in", required=True)
    ap.add_argument("--ram-file")
    ap.add_argument("--paging", action="store_true")
    ap.add_argument("--sched-ext", action="store_true")
    ap.add_argument("--settle", type=float, default=3.0)
    ap.add_argument("--boot-timeout", type=float, default=180.0)
    ap.add_argument("--view-timeout", type=float, default=180.0)
    ap.add_argument("--dump-timeout", type=float, default=600.0)
    ap.add_argument("qemu", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    qemu = a.qemu[1:] if a.qemu and a.qemu[0] == "--" else a.qemu
    out = os.path.abspath(a.out)
    with open(a.meta_in) as f:
        meta = json.load(f)
    meta["qemu_argv"] = qemu
    meta["qemu_cmdline"] = " ".join(qemu)
    times = meta.setdefault("times_s", {})
    t0 = time.monotonic()
    proc = None
    step = "start qemu"
    ok = False
    try:
        console = open(os.path.join(out, "console.log"), "wb")
        err = open(os.path.join(out, "qemu-stderr.log"), "wb")
        proc = subprocess.Popen(qemu, stdin=subprocess.DEVNULL, stdout=console, stderr=err,
                                start_new_session=True)
        with open(a.pidfile, "w") as f:
            f.write(f"{proc.pid}\n")
        qmp = Qmp(a.qmp, proc, time.monotonic() + 30)
        meta["qemu_version"] = qmp.version
        guest = Guest(a.cmd, proc, time.monotonic() + 30, os.path.join(out, "guest-port.log"))
        step = "qmp"
        meta["qmp_cpus"] = qmp.cmd("query-cpus-fast")
        meta["qmp_accel"] = {k: qmp.cmd(f"query-{k}") for k in ("kvm",)}
        qmp.cmd("cont")
        tb = time.monotonic()
        ready = guest.wait_ready(tb + a.boot_timeout)
        times["boot"] = round(time.monotonic() - tb, 3)
        meta["guest_ready"] = ready
        print(f"run.sh: booted in {times['boot']:.1f} s: {ready}", file=sys.stderr)
        if a.sched_ext:
            if ready.get("sched_ext") != "enabled" or ready.get("ops") != "ktstr_min":
                raise StepError("scheduler", f"guest reports sched_ext={ready.get('sched_ext')} "
                                f"ops={ready.get('ops')} (want enabled, ktstr_min); see console.log")
        time.sleep(a.settle)
        t = time.monotonic()
        meta["parts"] = {"before": guest.view("before", os.path.join(out, "before"), a.view_timeout)}
        times["view_before"] = round(time.monotonic() - t, 3)

        t = time.monotonic()
        qmp.cmd("stop")
        times["stop"] = round(time.monotonic() - t, 3)
        meta["qmp_status_stopped"] = qmp.cmd("query-status")
        dump = os.path.join(out, "dump.elf")
        t = time.monotonic()
        qmp.cmd("dump-guest-memory", {"paging": bool(a.paging), "protocol": "file:" + dump},
                timeout=a.dump_timeout)
        times["dump"] = round(time.monotonic() - t, 3)
        meta["dump_bytes"] = os.path.getsize(dump)
        if a.ram_file:
            t = time.monotonic()
            step = "copy ram file"
            shutil.copyfile(a.ram_file, os.path.join(out, "ram.bin"))
            times["ram_copy"] = round(time.monotonic() - t, 3)
            meta["ram_bytes"] = os.path.getsize(os.path.join(out, "ram.bin"))
        t = time.monotonic()
        qmp.cmd("cont")
        times["stopped"] = round(time.monotonic() - t + times["stop"] + times["dump"]
                                 + times.get("ram_copy", 0), 3)

        time.sleep(1.0)
        t = time.monotonic()
        meta["parts"]["after"] = guest.view("after", os.path.join(out, "after"), a.view_timeout)
        times["view_after"] = round(time.monotonic() - t, 3)

        step = "quit"
        if not qmp.quit(proc):
            raise StepError("quit", "QEMU still running 15 s after quit")
        meta["qmp_events"] = qmp.events
        ok = True
    except StepError as e:
        meta["failed"] = {"step": e.step, "detail": e.detail}
        print(f"run.sh: FAILED at {e.step}: {e.detail}", file=sys.stderr)
    except Exception as e:  # an unexpected error is still one line naming the step
        meta["failed"] = {"step": step, "detail": repr(e)}
        print(f"run.sh: FAILED at {step}: {e!r}", file=sys.stderr)
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        times["cycle"] = round(time.monotonic() - t0, 3)
        if "started_epoch" in meta:
            times["total"] = round(time.time() - meta["started_epoch"], 3)
        for tag in ("before", "after"):
            meta.setdefault("workload", {})[tag] = workload_rows(os.path.join(out, tag, "workload.txt"))
            meta.setdefault("sysrq_d_first_line", {})[tag] = first_line(os.path.join(out, tag, "sysrq-d.txt"))
        with open(os.path.join(out, "meta.json"), "w") as f:
            json.dump(meta, f, indent=2)
            f.write("\n")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
