#!/usr/bin/env python3
"""Deterministic synthetic missing-from-care events (NDJSON) for tests and the bench.

    python3 examples/generate_missing.py --seed 42 --events 100000 --children 5000

One placement per child, then episodes (missing-start, missing-return, and usually a
return-interview) spread over two years up to 2026-11-20, in time order. Every child,
placement and episode is synthetic. Same arguments, same bytes.
"""
import argparse
import datetime
import random
import sys

END = datetime.datetime(2026, 11, 20, 12, 0, tzinfo=datetime.timezone.utc)
SPAN_HOURS = 2 * 365 * 24
HOMES = [f"Synthetic Home {n:02d}" for n in range(1, 41)]


def stamp(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def main(argv):
    p = argparse.ArgumentParser(prog="generate_missing.py", description=__doc__.splitlines()[0])
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--events", type=int, required=True, help="about how many records to write")
    p.add_argument("--children", type=int, default=5000)
    a = p.parse_args(argv)
    if a.events < 0 or a.children < 1:
        sys.stderr.write("generate_missing.py: --events must be >= 0 and --children >= 1\n")
        return 64
    rng = random.Random(a.seed)
    begin = END - datetime.timedelta(hours=SPAN_HOURS)
    out = []
    per_child = max(1, a.events // a.children)
    for c in range(a.children):
        child = f"C-{a.seed}-{c:05d}"
        home = rng.choice(HOMES)
        dob = datetime.date(2008, 1, 1) + datetime.timedelta(days=rng.randrange(0, 3000))
        out.append((begin, f'{{"kind":"placement","v":1,"id":"plc-{child}","child":"{child}","dob":"{dob}",'
                           f'"placement":"{home}","start":"{begin.date()}","trafficking-concern":{str(rng.random() < 0.3).lower()}}}'))
        n = 1
        # Episodes: each about three records; spread evenly with jitter, never overlapping.
        episodes = max(0, (per_child - 1) // 3)
        step = SPAN_HOURS / max(1, episodes)
        for e in range(episodes):
            start = begin + datetime.timedelta(hours=e * step + rng.uniform(1, step / 3))
            back = start + datetime.timedelta(hours=rng.uniform(1, min(72, step / 3)))
            kind = "missing" if rng.random() < 0.7 else "away"
            reported = f',"reported-to-police":"{stamp(start + datetime.timedelta(minutes=30))}"' if kind == "missing" else ""
            out.append((start, f'{{"kind":"missing-start","v":1,"id":"ms-{child}-{n}","child":"{child}","last-seen":"{stamp(start)}",'
                               f'"type":"{kind}","from":"{home}"{reported},"may-have-been-moved":{str(rng.random() < 0.1).lower()}}}'))
            n += 1
            if back < END:
                out.append((back, f'{{"kind":"missing-return","v":1,"id":"mr-{child}-{n}","child":"{child}","returned":"{stamp(back)}"}}'))
                n += 1
                at = back + datetime.timedelta(hours=rng.uniform(2, 90))
                if at < END and at < start + datetime.timedelta(hours=step * 0.9):
                    status = rng.choice(["done", "done", "done", "refused", "offered"])
                    out.append((at, f'{{"kind":"return-interview","v":1,"id":"ri-{child}-{n}","child":"{child}","status":"{status}",'
                                    f'"at":"{stamp(at)}","by":"SW-{rng.randrange(1, 60):02d}","independent":true}}'))
                    n += 1
    out.sort(key=lambda item: item[0])
    w = sys.stdout.write
    for _, line in out:
        w(line)
        w("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
