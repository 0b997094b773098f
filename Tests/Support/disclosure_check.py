#!/usr/bin/env python3
"""An independent check that no [c] cell csv-report publishes can be worked
out, or narrowed to fewer than the threshold's worth of whole numbers, from
everything else the same run publishes.

It shares no code with the Swift audit: the attacker's model is written here
from the tables' meaning, and solved here by its own exact simplex
(fractions.Fraction, Bland's rule). A [c] cell is known to be at least 1
(zeros are always shown); a figure that no table shows, at least 0.

    python3 disclosure_check.py            # runs the checks below (SAFEGUARD_BIN names the tools)
"""
import csv, io, os, random, subprocess, sys, tempfile
from fractions import Fraction

BIN = os.environ.get("SAFEGUARD_BIN", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug"))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
THRESHOLD = 5


def maximise(rows, basis, cost, ncols):
    """Simplex on a tableau already in canonical form for `basis` (each row:
    ncols coefficients then the right-hand side). Returns the optimum, or
    None when unbounded. Bland's rule: lowest index enters and leaves."""
    while True:
        enter = None
        for j in range(ncols):
            if j in basis:
                continue
            reduced = cost[j] - sum(cost[b] * rows[i][j] for i, b in enumerate(basis) if cost[b])
            if reduced > 0:
                enter = j
                break
        if enter is None:
            return sum(cost[b] * rows[i][-1] for i, b in enumerate(basis) if cost[b])
        leave = None
        for i, row in enumerate(rows):
            if row[enter] > 0:
                ratio = row[-1] / row[enter]
                if leave is None or ratio < best or (ratio == best and basis[i] < basis[leave]):
                    leave, best = i, ratio
        if leave is None:
            return None
        pivot(rows, basis, leave, enter)


def pivot(rows, basis, i, j):
    p = rows[i][j]
    rows[i] = [x / p for x in rows[i]]
    for r in range(len(rows)):
        if r != i and rows[r][j] != 0:
            f = rows[r][j]
            rows[r] = [a - f * b for a, b in zip(rows[r], rows[i])]
    basis[i] = j


class Model:
    """Variables with lower bounds, and equations sum(coef * var) = constant."""

    def __init__(self):
        self.lower, self.known, self.equations = [], [], []

    def var(self, known=None, lower=0):
        self.known.append(known)
        self.lower.append(lower)
        return len(self.known) - 1

    def cell(self, text):
        """A published cell: a number, or [c] (at least 1)."""
        return self.var(None, 1) if text == "[c]" else self.var(int(text))

    def eq(self, terms, constant=0):
        self.equations.append((terms, constant))

    def bounds(self, targets):
        """(min, max) of each target variable; max None when unbounded."""
        unknown = [v for v in range(len(self.known)) if self.known[v] is None]
        col = {v: k for k, v in enumerate(unknown)}
        n = len(unknown)
        rows = []
        for terms, constant in self.equations:
            if not any(self.known[v] is None for v, _ in terms):
                assert sum(c * self.known[v] for v, c in terms) == constant, "published figures disagree"
                continue
            row = [Fraction(0)] * n
            rhs = Fraction(constant)
            for v, c in terms:
                if self.known[v] is None:
                    row[col[v]] += c
                    rhs -= c * self.lower[v]
                else:
                    rhs -= c * self.known[v]
            if rhs < 0:
                row, rhs = [-x for x in row], -rhs
            rows.append(row + [rhs])
        m = len(rows)
        # Phase 1 with one artificial per row.
        tableau = [r[:-1] + [Fraction(int(i == k)) for k in range(m)] + [r[-1]] for i, r in enumerate(rows)]
        basis = list(range(n, n + m))
        cost = [Fraction(0)] * n + [Fraction(-1)] * m
        assert maximise(tableau, basis, cost, n + m) == 0, "no values fit what is published"
        i = 0
        while i < len(tableau):
            if basis[i] >= n:
                j = next((j for j in range(n) if tableau[i][j] != 0), None)
                if j is None:
                    del tableau[i], basis[i]
                    continue
                pivot(tableau, basis, i, j)
            i += 1
        tableau = [r[:n] + [r[-1]] for r in tableau]
        out = {}
        for v in targets:
            k = col[v]
            c = [Fraction(0)] * n
            c[k] = Fraction(1)
            hi = maximise([r[:] for r in tableau], basis[:], c, n)
            c[k] = Fraction(-1)
            lo = -maximise([r[:] for r in tableau], basis[:], c, n)
            out[v] = (lo + self.lower[v], None if hi is None else hi + self.lower[v])
        return out


def span(lo, hi):
    """How many whole numbers apart the ends of the range are (None: unbounded)."""
    if hi is None:
        return None
    return (hi.numerator // hi.denominator) - -((-lo.numerator) // lo.denominator)


def add_grid(model, cells):
    """cells[r][c] as text, last row and (with more than one column) last column the totals."""
    v = [[model.cell(t) for t in row] for row in cells]
    rows, cols = len(v), len(v[0])
    if cols > 1:
        for r in range(rows):
            model.eq([(v[r][c], 1) for c in range(cols - 1)] + [(v[r][-1], -1)])
    for c in range(cols):
        model.eq([(v[r][c], 1) for r in range(rows - 1)] + [(v[-1][c], -1)])
    return v


def exposed(model, grids):
    """Every [c] cell whose range spans fewer than THRESHOLD whole numbers."""
    targets = [x for g in grids for row in g for x in row if model.known[x] is None]
    found = model.bounds(targets)
    return [(v, lo, hi) for v, (lo, hi) in found.items() if span(lo, hi) is not None and span(lo, hi) < THRESHOLD]


def run(args, stdin):
    r = subprocess.run([os.path.join(BIN, "csv-report")] + args, input=stdin, capture_output=True)
    assert r.returncode == 0, (args, r.returncode, r.stderr.decode())
    return list(csv.reader(io.StringIO(r.stdout.decode())))


def check_pivots(count=1000, seed=20261202):
    """Random tables of 2-5 x 2-5 cells, many of them small, through count --pivot."""
    rng = random.Random(seed)
    tables = 0
    hidden = 0
    for t in range(count):
        nr, nc = rng.randint(2, 5), rng.randint(2, 5)
        truth = [[rng.choice([0, 0, 1, 2, 3, 4, rng.randint(5, 9), rng.randint(5, 40)]) for _ in range(nc)] for _ in range(nr)]
        if not any(map(any, truth)):
            truth[0][0] = 1
        lines = []
        for r in range(nr):
            for c in range(nc):
                lines += ['{"kind":"t","r":"r%d","c":"c%d"}' % (r, c)] * truth[r][c]
        out = run(["count", "--by", "r", "--pivot", "c"], ("\n".join(lines) + "\n").encode())
        body = [row[1:] for row in out[1:]]
        model = Model()
        grid = add_grid(model, body)
        hidden += sum(row.count("[c]") for row in body)
        bad = exposed(model, [grid])
        assert not bad, f"table {t}: {truth} published as {body}: recoverable {bad}"
        tables += 1
    return tables, hidden


def check_checker():
    """The check is not vacuous. Every row and column below has two hidden
    cells, which a per-row, per-column rule accepts; but the six form one
    cycle, and with each at least 1 the totals pin every one of them."""
    model = Model()
    grid = add_grid(model, [["[c]", "[c]", "10", "12"], ["[c]", "10", "[c]", "12"], ["10", "[c]", "[c]", "12"], ["12", "12", "12", "36"]])
    assert len(exposed(model, [grid])) == 6, "the cycle is caught"
    model = Model()
    grid = add_grid(model, [["[c]", "[c]", "40"], ["[c]", "[c]", "40"], ["40", "40", "80"]])
    assert exposed(model, [grid]) == [], "each hidden cell can be anything from 1 to 39"


def nrm_model(rows):
    """The attacker's model of one nrm-stats run: every table, and how they tie together."""
    model = Model()
    tables = {}
    for row in rows[1:]:
        tables.setdefault(row[0], []).append(row)
    grids, cells = {}, {}
    for name, trows in tables.items():
        g = add_grid(model, [r[2:] for r in trows])
        grids[name] = g
        cells[name] = {r[1]: g[k] for k, r in enumerate(trows)}
    ex, uk, non = cells["exploitation"], cells["exploitation-uk"], cells["exploitation-non-uk"]
    nat, top = cells["nationality"], cells["top-nationalities"]
    for a in (0, 1):
        for t in ("gender", "nationality", "top-nationalities", "first-responder", "rg-outcome"):
            model.eq([(cells[t]["total"][a], 1), (ex["total"][a], -1)])
        model.eq([(uk["total"][a], 1), (nat["uk"][a], -1)])
        model.eq([(non["total"][a], 1), (nat["non-uk"][a], -1)])
        model.eq([(cells["cg-outcome"]["total"][a], 1), (cells["rg-outcome"]["positive"][a], -1)])
        unknown = []
        for category in ex:
            if category == "total":
                continue
            h = model.var()  # referrals of unknown nationality: in no table
            model.eq([(ex[category][a], 1), (uk[category][a], -1), (non[category][a], -1), (h, -1)])
            unknown.append((h, 1))
        model.eq(unknown + [(nat["not-known"][a], -1)])
        countries = [c for c in top if c not in ("other", "not-known", "total")]
        model.eq([(top["not-known"][a], 1), (nat["not-known"][a], -1)])
        other_uk, other_non = model.var(), model.var()
        if "GB" in countries:
            model.eq([(other_uk, 1)])
        model.eq([(top["other"][a], 1), (other_uk, -1), (other_non, -1)])
        model.eq([(top[c][a], 1) for c in countries if c == "GB"] + [(other_uk, 1), (nat["uk"][a], -1)])
        model.eq([(top[c][a], 1) for c in countries if c != "GB"] + [(other_non, 1), (nat["non-uk"][a], -1)])
    for i, j in zip(countries, countries[1:]):
        strict = 1 if i > j else 0  # ranked by total, ties in code order
        gap = model.var()
        model.eq([(top[i][2], 1), (top[j][2], -1), (gap, -1)], strict)
    return model, list(grids.values())


def check_nrm_stats(count=150, seed=11):
    gen = subprocess.run([sys.executable, os.path.join(ROOT, "examples", "generate.py"), "--seed", str(seed), "--count", str(count), "--decisions"],
                         capture_output=True, check=True).stdout
    args = ["nrm-stats", "--as-of", "2026-06-30"]
    shown, truth = run(args, gen), run(args + ["--no-suppress"], gen)
    model, grids = nrm_model(shown)
    hidden = sum(row.count("[c]") for row in shown)
    for s, t in zip(shown, truth):
        assert all(a == "[c]" or a == b for a, b in zip(s, t)), (s, t)
    bad = exposed(model, grids)
    assert not bad, f"{len(bad)} [c] cells narrowed below {THRESHOLD}: {bad[:5]}"
    # And the model is right: the true values fit it.
    truth_model, _ = nrm_model(truth)
    truth_model.bounds([])
    return hidden


if __name__ == "__main__":
    check_checker()
    n, hidden = check_pivots(int(os.environ.get("PIVOT_TABLES", "1000")))
    print(f"count --pivot: {n} random tables, {hidden} [c] cells, none narrowed below {THRESHOLD}")
    hidden = check_nrm_stats()
    print(f"nrm-stats: {hidden} [c] cells across all tables of one run, none narrowed below {THRESHOLD}")
