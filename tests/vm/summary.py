#!/usr/bin/env python3
"""Summarises a tests/vm/run.sh output directory, and checks what can be checked in it.

    python3 tests/vm/summary.py OUTDIR...

Prints, per directory: the settings and times (meta.json), the dump's size, notes and program
headers (read here from the ELF, no readelf needed), what the guest said of sched_ext, the
first lines of the SysRq-D dump, and whether each busy loop is where it was pinned: on its CPU
in workload.txt, and in that CPU's section of /sys/kernel/debug/sched/debug. Exits 1 if a
check failed.
"""
import json
import os
import re
import struct
import sys


def elf_summary(path):
    with open(path, "rb") as f:
        h = f.read(64)
        if h[:4] != b"\x7fELF":
            return {"error": "not ELF"}
        phoff, shoff = struct.unpack_from("<QQ", h, 32)
        phnum = struct.unpack_from("<H", h, 56)[0]
        xnum = phnum == 0xFFFF  # PN_XNUM: the real count is section header 0's sh_info
        if xnum:
            f.seek(shoff)
            phnum = struct.unpack_from("<I", f.read(64), 44)[0]
        f.seek(phoff)
        phs = [struct.unpack("<IIQQQQQQ", f.read(56)) for _ in range(phnum)]
        notes, loads = [], []
        for p_type, _flags, off, va, pa, fsz, msz, _align in phs:
            if p_type == 4:
                f.seek(off)
                buf = f.read(fsz)
                i = 0
                while i + 12 <= len(buf):
                    nsz, dsz, typ = struct.unpack_from("<III", buf, i)
                    name = buf[i + 12:i + 12 + nsz].rstrip(b"\0").decode(errors="replace")
                    d0 = i + 12 + ((nsz + 3) & ~3)
                    desc = buf[d0:d0 + dsz]
                    notes.append((name, typ, dsz, desc))
                    i = d0 + ((dsz + 3) & ~3)
            elif p_type == 1:
                loads.append((va, pa, fsz, msz))
    return {"notes": notes, "loads": loads, "xnum": xnum}


def sched_debug_cpus(path):
    """pid -> CPU section of sched/debug its 'runnable tasks' row is in."""
    where, cpu, in_tasks = {}, None, False
    with open(path, errors="replace") as f:
        for line in f:
            m = re.match(r"^cpu#(\d+)", line)
            if m:
                cpu, in_tasks = int(m.group(1)), False
                continue
            if line.startswith("runnable tasks:"):
                in_tasks = True
                continue
            if in_tasks and cpu is not None:
                m = re.match(r"^\s*>?\s*[A-Z]\s+(\S+)\s+(\d+)\s", line)
                if m:
                    where.setdefault(int(m.group(2)), []).append((cpu, m.group(1), line.lstrip().startswith(">")))
    return where


def summarise(out):
    ok = True
    print(f"== {out}")
    meta = json.load(open(os.path.join(out, "meta.json")))
    t = meta.get("times_s", {})
    print(f"kernel {meta.get('kernel')} ({meta.get('package')}), {meta.get('cpus')} CPUs, "
          f"{meta.get('mem_mb')} MB, kaslr {'on' if meta.get('kaslr') else 'off'}, "
          f"paging {'on' if meta.get('paging') else 'off'}, ram file {meta.get('ram_file') or '-'}, "
          f"-device vmcoreinfo {'yes' if meta.get('vmcoreinfo_device') else 'no'}")
    print("times (s): " + ", ".join(f"{k} {v}" for k, v in t.items()))
    if meta.get("failed"):
        print(f"FAILED at {meta['failed']['step']}: {meta['failed']['detail']}")
        return False
    print(f"guest READY: {meta.get('guest_ready')}")
    dump = os.path.join(out, "dump.elf")
    e = elf_summary(dump)
    print(f"dump.elf: {os.path.getsize(dump)} bytes, {len(e['loads'])} PT_LOAD"
          f"{' (e_phnum = PN_XNUM, count in sh_info)' if e['xnum'] else ''}, notes: "
          + ", ".join(f"{n}/{typ}x{sum(1 for x in e['notes'] if x[0] == n and x[1] == typ)}"
                      for n, typ in sorted({(x[0], x[1]) for x in e["notes"]})))
    for va, pa, fsz, msz in e["loads"][:5]:
        print(f"  LOAD vaddr {va:#018x} paddr {pa:#012x} filesz {fsz:#x} memsz {msz:#x}")
    if len(e["loads"]) > 5:
        print(f"  ... {len(e['loads']) - 5} more")
    for n, typ, dsz, desc in e["notes"]:
        if n == "VMCOREINFO":
            keys = [ln for ln in desc.decode(errors="replace").splitlines()
                    if ln.startswith(("OSRELEASE=", "KERNELOFFSET=", "NUMBER(phys_base)=",
                                      "NUMBER(pgtable_l5_enabled)="))]
            print(f"  VMCOREINFO note ({dsz} bytes): {' '.join(keys)}")
    ram = os.path.join(out, "ram.bin")
    if os.path.exists(ram):
        print(f"ram.bin: {os.path.getsize(ram)} bytes")
    with open(os.path.join(out, "console.log"), errors="replace") as f:
        for line in f:
            if "ktstr-init: /sys/kernel/sched_ext/" in line or "no sched_ext" in line:
                print("console: " + line.strip())
    for tag in ("before", "after"):
        d = os.path.join(out, tag)
        sysrq = os.path.join(d, "sysrq-d.txt")
        if os.path.exists(sysrq):
            body = [ln.rstrip() for ln in open(sysrq, errors="replace") if "sched_ext_dump:" in ln]
            print(f"{tag}/sysrq-d.txt: {len(body)} sched_ext_dump lines; first:")
            for ln in body[:7]:
                print("  " + ln.split("sched_ext_dump:", 1)[1][1:])
        rows = []
        with open(os.path.join(d, "workload.txt")) as f:
            for line in f.read().splitlines()[1:]:
                p = line.split()
                rows.append((int(p[0]), p[1], p[2]))
        pinned = {}
        with open(os.path.join(d, "pid-stat.txt")) as f:
            for line in f:
                m = re.match(r"# pid (\d+) pinned to cpu (\d+)", line)
                if m:
                    pinned[int(m.group(1))] = int(m.group(2))
        where = sched_debug_cpus(os.path.join(d, "sched-debug.txt"))
        verdicts = []
        for pid, comm, cpu in rows:
            want = pinned.get(pid)
            seen = where.get(pid, [])
            good = str(want) == cpu and any(c == want for c, _, _ in seen)
            ok &= good
            cur = any(c == want and cur for c, _, cur in seen)
            verdicts.append(f"{comm}[{pid}] pinned {want} last-ran {cpu} sched/debug "
                            f"cpu#{','.join(str(c) for c, _, _ in seen) or '-'}{' (curr)' if cur else ''}"
                            f"{'' if good else ' MISMATCH'}")
        print(f"{tag}: busy loops: " + "; ".join(verdicts))
    return ok


def main():
    ok = True
    for out in sys.argv[1:]:
        ok &= summarise(out)
        print()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
