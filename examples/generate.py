#!/usr/bin/env python3
"""Deterministic synthetic NRM data for demos, tests and benchmarks.

Every person, name and account written here is invented. Names read
"Synthetic Person 0001" and accounts "Synthetic account 1 for testing; no real
person.", so nothing produced can be mistaken for a real case.

Usage:
  generate.py --seed 42 --count N [--decisions] [--start DATE --end DATE] [--children-only]
  generate.py --seed 42 --nrm-2015-children [--decisions]
  generate.py --bad-lines > examples/bad-lines.ndjson

Writes NDJSON to stdout: one compact JSON object a line, fields in the order
nrm-referral writes them, UTF-8. Referral records come out in order of their
received date (ids ref-SEED-000001, ref-SEED-000002, ... in that order). With
--decisions, nrm-decision records are merged in by date: most referrals get a
reasonable-grounds (RG) decision 1-10 days after receipt; some positive RGs get
a conclusive-grounds (CG) decision 45-120 days after the RG. No decision is
dated after --end, so referrals near the end stay pending (some overdue).

--nrm-2015-children writes the 982 child referrals of 2015 published in the
Pan Cheshire strategy (CHESHIRE L173-184): 217 sexual exploitation (105 UK
nationals, 112 non-UK), 288 labour, 69 domestic servitude, 3 organ harvesting,
405 not specified; one type each, in an order shuffled by the seed.

--bad-lines writes the fixed bad-input fixture examples/bad-lines.ndjson
(see bad_lines() below): a good referral, five bad lines with one defect
each, and a good decision ending in CRLF.

The same arguments always give byte-identical output (Python 3.11 stdlib only;
random.Random seeded with an int is stable across platforms). The age rule is
the suite's: age disputed -> child (age-disputed); else a date of birth gives
under-18 / 18-or-over by age on the received date (a 29 February birthday falls
on 1 March in common years); else claimed age < 18 -> claimed-under-18, else
claimed-18-or-over.

Exit status: 0 ok, 64 usage error.
"""

import argparse
import bisect
import datetime
import heapq
import json
import os
import random
import sys

# --- code lists (copied from Sources/SafeguardCore/Codes; checked by the tool's validate) ---

ISO_CODES = """
AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP
KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT
MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG
UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
""".split()
# Territories with no settled population: never drawn.
UNINHABITED = {"AQ", "BV", "GS", "HM", "IO", "TF", "UM"}

CHILD_INDICATORS = [
    "child-history-of-missing", "child-unexplained-phone-calls", "child-unexplained-money-goods",
    "child-adults-loitering", "child-different-children-in-home", "child-limited-freedom",
    "child-excessive-housework", "child-malnourished", "child-no-gp", "child-no-school",
    "child-unexplained-school-absence", "child-abuse-signs-school", "child-abuse-signs-health",
    "child-prepared-story", "child-mistrust-authority", "child-phone-no-money", "child-begging",
    "child-petty-crime", "child-street-prostitution",
]
ADULT_INDICATORS = [
    "adult-high-security-premises", "adult-not-free-to-leave", "adult-appears-under-18",
    "adult-abuse-restraint-parlour", "adult-unhappy-fearful", "adult-abuse-restraint-street",
    "adult-unprotected-sex-low-price", "adult-only-sex-related-english", "adult-controlled-by-pimp",
    "adult-abuse-restraint-work", "adult-no-safety-equipment", "adult-unsuitable-clothing",
    "adult-no-days-off", "adult-employer-holds-id", "adult-overcrowded", "adult-does-not-know-address",
    "adult-escorted-outside", "adult-minibus-unusual-times", "adult-cleaning-workers-fearful",
    "adult-building-workers-controlled", "adult-no-own-id-papers", "adult-no-days-off-council",
    "identity-documents-confiscated", "domestic-worker-reported-absconded",
]
ANY_INDICATORS = ["documents-removed", "debt-bondage", "threats-to-family",
                  "physical-sexual-emotional-abuse", "restricted-freedom"]

# Indicators that go with a type of exploitation are drawn more often.
TYPE_INDICATORS = {
    ("child", "sexual"): ["child-street-prostitution", "child-history-of-missing", "child-unexplained-phone-calls",
                          "child-unexplained-money-goods", "child-adults-loitering", "child-abuse-signs-school"],
    ("child", "criminal"): ["child-petty-crime", "child-begging", "child-history-of-missing",
                            "child-phone-no-money", "child-unexplained-money-goods", "debt-bondage"],
    ("child", "labour"): ["child-no-school", "child-limited-freedom", "child-malnourished", "debt-bondage"],
    ("child", "domestic-servitude"): ["child-excessive-housework", "child-no-school", "child-no-gp",
                                      "child-limited-freedom", "child-different-children-in-home"],
    ("adult", "sexual"): ["adult-controlled-by-pimp", "adult-unprotected-sex-low-price", "adult-high-security-premises",
                          "adult-only-sex-related-english", "adult-not-free-to-leave", "adult-abuse-restraint-parlour"],
    ("adult", "labour"): ["adult-no-safety-equipment", "adult-no-days-off", "adult-employer-holds-id",
                          "adult-overcrowded", "adult-minibus-unusual-times", "debt-bondage"],
    ("adult", "criminal"): ["adult-overcrowded", "adult-does-not-know-address", "debt-bondage", "threats-to-family"],
    ("adult", "domestic-servitude"): ["domestic-worker-reported-absconded", "identity-documents-confiscated",
                                      "adult-escorted-outside", "restricted-freedom"],
}

LANGUAGES = {
    "GB": ["en"], "AL": ["sq"], "VN": ["vi"], "RO": ["ro"], "ER": ["ti"], "SD": ["ar"], "NG": ["en"],
    "CN": ["zh"], "PL": ["pl"], "IQ": ["ar"], "AF": ["ps"], "IR": ["fa"], "SY": ["ar"], "ET": ["am"],
    "SO": ["so"], "IN": ["hi"], "PK": ["ur"], "BD": ["bn"], "LK": ["ta"], "LT": ["lt"], "LV": ["lv"],
    "SK": ["sk"], "CZ": ["cs"], "HU": ["hu"], "BG": ["bg"], "UA": ["uk"], "RU": ["ru"], "TR": ["tr"],
    "EG": ["ar"], "GH": ["en"], "PH": ["tl"], "TH": ["th"], "MY": ["ms"], "BR": ["pt-br"], "PT": ["pt"],
    "FR": ["fr"], "ES": ["es"], "IT": ["it"], "DE": ["de"], "MD": ["ro"], "KW": ["ar"], "SA": ["ar"],
    "LY": ["ar"], "TN": ["ar"], "MA": ["ar"], "DZ": ["ar"], "SS": ["en"], "CD": ["fr"], "CM": ["fr"],
    "CI": ["fr"], "GN": ["fr"], "SN": ["fr"], "KE": ["sw"], "UG": ["en"], "TZ": ["sw"], "ZW": ["en"],
    "ZA": ["en"], "JM": ["en"], "AO": ["pt"], "MZ": ["pt"], "KH": ["km"], "LA": ["lo"], "MM": ["my"],
    "NP": ["ne"], "KR": ["ko"], "KP": ["ko"], "MN": ["mn"], "HK": ["zh"], "TW": ["zh"], "SL": ["en"],
    "GM": ["en"], "LR": ["en"], "US": ["en"], "IE": ["en"], "AU": ["en"], "CA": ["en"], "NZ": ["en"],
    "JO": ["ar"], "LB": ["ar"], "YE": ["ar"], "PS": ["ar"], "GR": ["el"], "RS": ["sr"], "HR": ["hr"],
    "BA": ["bs"], "MK": ["mk"], "ME": ["sr"], "GE": ["ka"], "AM": ["hy"], "AZ": ["az"], "KZ": ["kk"],
    "UZ": ["uz"], "BY": ["be"], "EE": ["et"], "MX": ["es"], "CO": ["es"], "VE": ["es"], "ID": ["id"],
    "JP": ["ja"], "RW": ["rw"], "BI": ["rn"], "CG": ["fr"], "TD": ["fr"], "ML": ["fr"], "NE": ["fr"],
    "BF": ["fr"], "TG": ["fr"], "BJ": ["fr"], "DJ": ["fr"], "MG": ["mg"], "AE": ["ar"], "QA": ["ar"],
    "OM": ["ar"], "BH": ["ar"], "MR": ["ar"],
}
# A second mother tongue some people from these countries give.
EXTRA_LANGUAGES = {"NG": ["yo", "ig", "ha"], "IQ": ["ckb", "ku"], "AF": ["fa"], "IN": ["pa", "gu"],
                   "LK": ["si"], "PK": ["pa"], "SD": ["en"], "ER": ["ar"], "CM": ["en"], "KE": ["en"],
                   "CD": ["ln"], "SS": ["ar"], "SY": ["ku"], "IR": ["ku"], "MD": ["ru"], "UA": ["ru"]}

CHILD_FIRST_RESPONDERS = [
    ("la-childrens-services", 34), ("police", 30), ("immigration", 14), ("barnardos", 8), ("nspcc", 5),
    ("salvation-army", 2), ("migrant-helpline", 3), ("poppy-project", 1), ("tara", 1),
    ("gangmasters-licensing-authority", 1), ("la-adult-services", 1),
]
ADULT_FIRST_RESPONDERS = [
    ("salvation-army", 28), ("police", 25), ("immigration", 15), ("migrant-helpline", 7), ("la-adult-services", 6),
    ("poppy-project", 5), ("gangmasters-licensing-authority", 5), ("kalayaan", 4), ("tara", 3),
    ("la-childrens-services", 1), ("barnardos", 1),
]

CHILD_EXPLOITATION = [
    ("criminal", 28), ("sexual", 21), ("not-specified", 20), ("labour", 16), ("domestic-servitude", 7),
    ("forced-marriage", 1.5), ("benefit-fraud", 1), ("organ-harvesting", 0.1),
]
ADULT_EXPLOITATION = [
    ("labour", 34), ("sexual", 30), ("domestic-servitude", 12), ("not-specified", 11), ("criminal", 9),
    ("benefit-fraud", 2), ("forced-marriage", 1.5), ("organ-harvesting", 0.1),
]

TOP_NATIONALITIES = ["GB", "AL", "VN", "RO", "ER", "SD", "NG", "CN", "PL", "IQ"]
CHILD_NATIONALITY_WEIGHTS = [28, 14, 12, 3, 6, 6, 3, 2, 2, 4]   # others: 20
ADULT_NATIONALITY_WEIGHTS = [12, 12, 6, 8, 4, 4, 6, 5, 5, 3]    # others: 35
OTHERS_SHARE = {"child": 20, "adult": 35}
# Other countries often seen in NRM statistics are drawn more than the long tail.
COMMON_OTHERS = ["AF", "IR", "SY", "ET", "SO", "IN", "PK", "BD", "LT", "SK", "CZ", "HU", "BG", "UA",
                 "EG", "GH", "PH", "TH", "MY", "KW", "LY", "SS", "CD", "CM", "GN", "SL", "LK", "MD"]

# Free text. {n} is the record number. Some variants hold commas, quotes,
# non-ASCII letters and an embedded newline, to exercise CSV escaping.
ACCOUNTS = [
    ("Synthetic account {n} for testing; no real person.", 80),
    ("Synthetic account {n} for testing, with commas, in it; no real person.", 6),
    ('Synthetic account {n} for testing: "they kept the passport", the subject said; no real person.', 5),
    ("Synthetic account {n} for testing; café in Zürich, naïve résumé (é ü ï); no real person.", 4),
    ("Synthetic account {n} for testing;\nsecond line after a newline; no real person.", 3),
    ('Synthetic account {n}, "quoted", é and\na newline; no real person.', 2),
]
NAMES = [
    ("Synthetic Person {n:04d}", 96),
    ('Synthetic Person {n:04d}, also known as "Test Alias"', 2),
    ("Synthetic Persoñ {n:04d} Éxample", 2),
]

NRM_2015_CHILDREN = [  # CHESHIRE L173-184
    ("sexual", "GB", 105), ("sexual", "non-GB", 112), ("labour", None, 288),
    ("domestic-servitude", None, 69), ("organ-harvesting", None, 3), ("not-specified", None, 405),
]

SHARE_CHILD = 0.45

# --- the bad-input fixture (--bad-lines) ---
# Line 1 is exactly what `nrm-referral new` writes for these options:
#   --id ref-line-1 --received 2025-03-01 --first-responder la-childrens-services
#   --competent-authority ukhtc --subject subj-line-1 --name "Synthetic Person 0001"
#   --dob 2009-06-15 --sex female --nationality AL --language sq --interpreter-needed
#   --exploitation sexual --indicator child-history-of-missing
#   --account "Synthetic account 1 for testing; no real person."
# Each bad line is that referral (with its own id, ref-line-N for line N) and
# exactly one defect, so each line tests one thing.
GOOD_REFERRAL = (
    b'{"kind":"referral","v":1,"id":"ref-line-1","received":"2025-03-01","first-responder":"la-childrens-services",'
    b'"competent-authority":"ukhtc","subject":{"id":"subj-line-1","name":"Synthetic Person 0001","dob":"2009-06-15",'
    b'"age-disputed":false,"sex":"female","nationality":"AL","languages":["sq"],"interpreter-needed":true},'
    b'"treated-as":"child","age-basis":"under-18","exploitation":["sexual"],"indicators":["child-history-of-missing"],'
    b'"consent":{"status":"not-required-child"},"account":"Synthetic account 1 for testing; no real person."}'
)


def bad_lines():
    def variant(n, old=None, new=None):
        line = GOOD_REFERRAL.replace(b"-line-1", b"-line-%d" % n).replace(b"0001", b"%04d" % n) \
                            .replace(b"account 1 ", b"account %d " % n)
        if old is not None:
            assert line.count(old) == 1, old
            line = line.replace(old, new)
        return line

    return [
        GOOD_REFERRAL + b"\n",                                                   # 1 good referral
        variant(2)[:variant(2).index(b"Person")] + b"\n",                        # 2 truncated JSON, in a string
        variant(3, b'"age-disputed":false', b'"age-disputed":"yes"') + b"\n",    # 3 wrong type
        variant(4, b'"exploitation":["sexual"]', b'"exploitation":["cannabis-farm"]') + b"\n",  # 4 unknown code
        variant(5, b'"received":"2025-03-01"', b'"received":"2025-02-30"') + b"\n",  # 5 impossible date
        variant(6, b'"Synthetic Person 0006"', b'"Synthetic Person \xff\xfe 0006"') + b"\n",  # 6 invalid UTF-8
        b'{"kind":"nrm-decision","v":1,"id":"dec-line-7","referral":"ref-line-1","stage":"rg",'
        b'"outcome":"positive","on":"2025-03-04"}\r\n',                           # 7 good decision, CRLF
    ]


class UsageError(Exception):
    pass


def cumulative(pairs):
    """[(value, weight)] -> (values, cumulative weights) for weighted draws with bisect."""
    values, cum, total = [], [], 0.0
    for v, w in pairs:
        total += w
        values.append(v)
        cum.append(total)
    return values, cum


class Weighted:
    __slots__ = ("values", "cum", "total")

    def __init__(self, pairs):
        self.values, self.cum = cumulative(pairs)
        self.total = self.cum[-1]

    def draw(self, rnd):
        return self.values[bisect.bisect_right(self.cum, rnd() * self.total)]


def is_leap(y):
    return (y % 4 == 0 and y % 100 != 0) or y % 400 == 0


def age_on(dob, on):
    """Age in whole years on `on`; a 29 February birthday is 1 March in a common year."""
    years = on.year - dob.year
    if dob.month == 2 and dob.day == 29 and not is_leap(on.year):
        anniversary = (3, 1)
    else:
        anniversary = (dob.month, dob.day)
    return years - 1 if (on.month, on.day) < anniversary else years


def years_before(d, years):
    """The same day `years` earlier (28 February for a 29 February that does not exist)."""
    y = d.year - years
    if d.month == 2 and d.day == 29 and not is_leap(y):
        return datetime.date(y, 2, 28)
    return d.replace(year=y)


def q(s):
    """A JSON string, as the Swift writer writes it (UTF-8, not \\u-escaped)."""
    return json.dumps(s, ensure_ascii=False)


class Generator:
    def __init__(self, seed, start, end, decisions, children_only):
        self.seed = seed
        self.rng = random.Random(seed)
        self.start = start
        self.end = end
        self.decisions = decisions
        self.children_only = children_only
        self.iso_cache = {}

        self.first_responders = {"child": Weighted(CHILD_FIRST_RESPONDERS),
                                 "adult": Weighted(ADULT_FIRST_RESPONDERS)}
        self.exploitation = {"child": Weighted(CHILD_EXPLOITATION), "adult": Weighted(ADULT_EXPLOITATION)}
        tail = [c for c in ISO_CODES if c not in UNINHABITED and c not in TOP_NATIONALITIES]
        others = [(c, 4.0) for c in COMMON_OTHERS] + [(c, 0.5) for c in tail if c not in COMMON_OTHERS]
        other_total = sum(w for _, w in others)
        self.nationality = {}
        for group, weights in (("child", CHILD_NATIONALITY_WEIGHTS), ("adult", ADULT_NATIONALITY_WEIGHTS)):
            scale = OTHERS_SHARE[group] / other_total
            self.nationality[group] = Weighted(list(zip(TOP_NATIONALITIES, weights)) +
                                               [(c, w * scale) for c, w in others])
        self.non_gb_nationality = {}
        for group, w in self.nationality.items():
            self.non_gb_nationality[group] = Weighted([(v, c) for v, c in zip(w.values, self._weights(w)) if v != "GB"])
        self.accounts = Weighted(ACCOUNTS)
        self.names = Weighted(NAMES)
        self.child_age = Weighted([(a, w) for a, w in zip(range(18), [1, 1, 1, 1, 1, 2, 2, 3, 4, 5, 6, 8, 11, 14, 18, 22, 26, 28])])
        self.adult_age = Weighted([(a, 40 if a < 26 else 25 if a < 36 else 12 if a < 46 else 4) for a in range(18, 66)])
        self.disputed_claim = Weighted([(14, 5), (15, 15), (16, 28), (17, 30), (18, 12), (19, 10)])
        self.indicator_count = Weighted([(0, 22), (1, 28), (2, 24), (3, 15), (4, 11)])
        self.rg_delay = Weighted([(1, 6), (2, 14), (3, 18), (4, 18), (5, 16), (6, 10), (7, 7), (8, 5), (9, 3), (10, 3)])
        self.pools = {}
        for group, own in (("child", CHILD_INDICATORS), ("adult", ADULT_INDICATORS)):
            general = own + ANY_INDICATORS
            for etype in ("sexual", "labour", "criminal", "domestic-servitude", "not-specified",
                          "organ-harvesting", "benefit-fraud", "forced-marriage"):
                self.pools[(group, etype)] = general + TYPE_INDICATORS.get((group, etype), []) * 4

        self.pending = []   # heap of (date ordinal, sequence, referral id, stage, outcome)
        self.sequence = 0
        self.decision_number = 0

    @staticmethod
    def _weights(w):
        prev, out = 0.0, []
        for c in w.cum:
            out.append(c - prev)
            prev = c
        return out

    def iso(self, ordinal):
        s = self.iso_cache.get(ordinal)
        if s is None:
            s = self.iso_cache[ordinal] = datetime.date.fromordinal(ordinal).isoformat()
        return s

    # --- one subject ---

    def age_fields(self, group, received):
        """Returns (age JSON fragment, disputed, treated-as, age-basis)."""
        rnd = self.rng.random
        if group == "child":
            if rnd() < 0.15:
                claimed = self.disputed_claim.draw(rnd)
                return f'"claimed-age":{claimed}', True, "child", "age-disputed"
            if rnd() < 0.35:
                claimed = self.child_age.draw(rnd)
                return f'"claimed-age":{claimed}', False, "child", "claimed-under-18"
        else:
            if rnd() < 0.30:
                claimed = self.adult_age.draw(rnd)
                return f'"claimed-age":{claimed}', False, "adult", "claimed-18-or-over"
        dob = self.draw_dob(group, received)
        age = age_on(dob, received)
        if age < 18:
            return f'"dob":"{dob.isoformat()}"', False, "child", "under-18"
        return f'"dob":"{dob.isoformat()}"', False, "adult", "18-or-over"

    def draw_dob(self, group, received):
        rnd = self.rng.random
        r = rnd()
        if r < 0.006:
            # Near the 18th birthday, to exercise the age rule at its edge:
            # a 29 February birth when the 18th birthday falls in a common year.
            y18 = received.year - 18
            if is_leap(y18) and not is_leap(received.year) and (received.month, received.day) in ((2, 28), (3, 1)):
                dob = datetime.date(y18, 2, 29)
            else:
                dob = datetime.date.fromordinal(years_before(received, 18).toordinal() + self.rng.randint(-1, 1))
            if not (self.children_only and age_on(dob, received) >= 18):
                return dob
        elif r < 0.008:
            # A 29 February birth in some leap year of the right age range.
            age = self.child_age.draw(rnd) if group == "child" else self.adult_age.draw(rnd)
            y = received.year - age - 1
            while not is_leap(y):
                y -= 1
            dob = datetime.date(y, 2, 29)
            if group == "adult" or age_on(dob, received) < 18:
                return dob
        age = self.child_age.draw(rnd) if group == "child" else self.adult_age.draw(rnd)
        hi = years_before(received, age).toordinal()              # the birthday that makes them `age` today
        lo = years_before(received, age + 1).toordinal() + 1
        return datetime.date.fromordinal(lo + int(rnd() * (hi - lo + 1)))

    def languages(self, nationality):
        rnd = self.rng.random
        if nationality is None:
            if rnd() < 0.5:
                return [], False
            return ["en"], False
        if rnd() < 0.03:
            return [], nationality != "GB" and rnd() < 0.5
        langs = list(LANGUAGES.get(nationality, ["en"]))
        extra = EXTRA_LANGUAGES.get(nationality)
        if extra and rnd() < 0.35:
            langs.append(extra[int(rnd() * len(extra))])
        if langs[0] == "en":
            return langs, False
        if "en" not in langs and rnd() < 0.25:
            langs.append("en")
            return langs, rnd() < 0.4
        return langs, rnd() < 0.95

    def sex(self, etypes, group):
        r = self.rng.random()
        p_female = 0.45 if group == "adult" else 0.40
        main = etypes[0]
        if main == "sexual" or main == "forced-marriage":
            p_female = 0.85 if group == "adult" else 0.78
        elif main in ("labour", "criminal", "benefit-fraud"):
            p_female = 0.22 if group == "adult" else 0.12
        elif main == "domestic-servitude":
            p_female = 0.72
        if r < 0.015:
            return "not-known"
        if r < 0.02:
            return "other"
        return "female" if r < 0.02 + p_female * 0.98 else "male"

    def exploitation_types(self, group):
        rnd = self.rng.random
        first = self.exploitation[group].draw(rnd)
        if first in ("not-specified", "organ-harvesting"):
            return [first]
        types = [first]
        extra = 0 if rnd() < 0.80 else (1 if rnd() < 0.85 else 2)
        tries = 0
        while len(types) < 1 + extra and tries < 10:
            tries += 1
            t = self.exploitation[group].draw(rnd)
            if t not in types and t not in ("not-specified", "organ-harvesting"):
                types.append(t)
        return types

    def indicators(self, group, main):
        rnd = self.rng.random
        k = self.indicator_count.draw(rnd)
        pool = self.pools[(group, main)]
        chosen = []
        while len(chosen) < k:
            c = pool[int(rnd() * len(pool))]
            if c not in chosen:
                chosen.append(c)
        return chosen

    def referral(self, n, received_ordinal, group=None, forced_type=None, forced_nationality=None):
        """One referral line. `n` is the 1-based record number."""
        rng = self.rng
        rnd = rng.random
        received = datetime.date.fromordinal(received_ordinal)
        received_s = self.iso(received_ordinal)
        if group is None:
            group = "child" if (self.children_only or rnd() < SHARE_CHILD) else "adult"

        age_json, disputed, treated_as, basis = self.age_fields(group, received)
        group = treated_as   # the rule decides; near 18 a drawn date of birth may cross

        etypes = [forced_type] if forced_type else self.exploitation_types(group)
        if forced_nationality == "GB":
            nationality = "GB"
        elif forced_nationality == "non-GB":
            nationality = self.non_gb_nationality[group].draw(rnd)
        elif forced_nationality == "known" or rnd() >= 0.02:
            nationality = self.nationality[group].draw(rnd)
        else:
            nationality = None
        langs, interpreter = self.languages(nationality)
        sex = self.sex(etypes, group)
        responder = self.first_responders[group].draw(rnd)
        r = rnd()
        if r < 0.10:
            authority = None
        elif nationality is not None and nationality != "GB" and r < 0.45:
            authority = "ukba"
        else:
            authority = "ukhtc"
        indicators = self.indicators(group, etypes[0])

        ref_id = f"ref-{self.seed}-{n:06d}"
        parts = ['{"kind":"referral","v":1,"id":"', ref_id, '","received":"', received_s,
                 '","first-responder":"', responder, '"']
        if authority:
            parts.append(f',"competent-authority":"{authority}"')
        parts.append(f',"subject":{{"id":"subj-{self.seed}-{n:06d}"')
        if rnd() < 0.92:
            parts.append(',"name":' + q(self.names.draw(rnd).format(n=n)))
        parts.append(',' + age_json)
        parts.append(',"age-disputed":true' if disputed else ',"age-disputed":false')
        parts.append(f',"sex":"{sex}"')
        if nationality:
            parts.append(f',"nationality":"{nationality}"')
        parts.append(',"languages":[' + ",".join(f'"{x}"' for x in langs) + ']')
        parts.append(',"interpreter-needed":true}' if interpreter else ',"interpreter-needed":false}')
        parts.append(f',"treated-as":"{treated_as}","age-basis":"{basis}"')
        parts.append(',"exploitation":[' + ",".join(f'"{x}"' for x in etypes) + ']')
        parts.append(',"indicators":[' + ",".join(f'"{x}"' for x in indicators) + ']')
        if group == "child":
            parts.append(',"consent":{"status":"not-required-child"}')
        else:
            back = 0 if rnd() < 0.5 else 1 + int(rnd() * 30)
            parts.append(f',"consent":{{"status":"signed","signed-on":"{self.iso(received_ordinal - back)}"}}')
        if rnd() < 0.85:
            parts.append(',"account":' + q(self.accounts.draw(rnd).format(n=n)))
        parts.append('}\n')

        if self.decisions:
            self.schedule(ref_id, received_ordinal)
        return "".join(parts)

    # --- decisions ---

    def schedule(self, ref_id, received_ordinal):
        rnd = self.rng.random
        end = self.end_ordinal
        rg_on = received_ordinal + self.rg_delay.draw(rnd)
        if rg_on > end or rnd() < 0.06:      # not decided yet: pending, perhaps overdue
            return
        rg_positive = rnd() < 0.86
        self.push(rg_on, ref_id, "rg", "positive" if rg_positive else "negative")
        if not rg_positive or rnd() >= 0.60:
            return
        cg_on = rg_on + 45 + int(rnd() * 76)   # 45-120 days after the RG
        if cg_on > end:
            return
        self.push(cg_on, ref_id, "cg", "positive" if rnd() < 0.78 else "negative")

    def push(self, on, ref_id, stage, outcome):
        self.sequence += 1
        heapq.heappush(self.pending, (on, self.sequence, ref_id, stage, outcome))

    def decisions_before(self, ordinal):
        """Decision lines dated before `ordinal`, oldest first; numbered as written."""
        out = []
        pending = self.pending
        while pending and pending[0][0] < ordinal:
            on, _, ref_id, stage, outcome = heapq.heappop(pending)
            self.decision_number += 1
            out.append(f'{{"kind":"nrm-decision","v":1,"id":"dec-{self.seed}-{self.decision_number:06d}",'
                       f'"referral":"{ref_id}","stage":"{stage}","outcome":"{outcome}","on":"{self.iso(on)}"}}\n')
        return out

    # --- whole runs ---

    @property
    def end_ordinal(self):
        return self.end.toordinal()

    def received_dates(self, count):
        lo, hi = self.start.toordinal(), self.end.toordinal()
        span = hi - lo + 1
        rnd = self.rng.random
        return sorted(lo + int(rnd() * span) for _ in range(count))

    def run(self, count, write, plan=None):
        """plan: optional list of (type, nationality rule) per record, for --nrm-2015-children."""
        dates = self.received_dates(count)
        buf = []
        for k, ordinal in enumerate(dates):
            if self.decisions and self.pending and self.pending[0][0] < ordinal:
                buf.extend(self.decisions_before(ordinal))
            if plan is None:
                buf.append(self.referral(k + 1, ordinal))
            else:
                etype, nat = plan[k]
                buf.append(self.referral(k + 1, ordinal, group="child", forced_type=etype,
                                         forced_nationality=nat or "known"))
            if len(buf) >= 8192:
                write("".join(buf))
                buf.clear()
        if self.decisions:
            buf.extend(self.decisions_before(self.end_ordinal + 1))
        write("".join(buf))


def nrm_2015_plan(rng):
    plan = []
    for etype, nat, count in NRM_2015_CHILDREN:
        plan.extend([(etype, nat)] * count)
    rng.shuffle(plan)
    return plan


def parse_date(text, flag):
    try:
        if len(text) != 10:
            raise ValueError
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{flag}: '{text}' is not a date yyyy-mm-dd")


class Parser(argparse.ArgumentParser):
    def error(self, message):
        raise UsageError(message)


def main(argv):
    p = Parser(prog="generate.py", description="Deterministic synthetic NRM referral and decision records (NDJSON).",
               epilog="All people, names and accounts are synthetic. Same arguments, same bytes.")
    p.add_argument("--seed", type=int, default=42, help="random seed, a whole number >= 0 (default 42); part of every id")
    p.add_argument("--count", type=int, help="how many referrals to write")
    p.add_argument("--decisions", action="store_true", help="also write nrm-decision records (RG, then some CG)")
    p.add_argument("--start", default="2025-01-01", help="first received date, yyyy-mm-dd (default 2025-01-01)")
    p.add_argument("--end", default="2025-12-31",
                   help="last received date, and last decision date, yyyy-mm-dd (default 2025-12-31)")
    p.add_argument("--children-only", action="store_true", help="only children (under 18 or age disputed)")
    p.add_argument("--bad-lines", action="store_true",
                   help="write the fixed bad-input fixture (examples/bad-lines.ndjson) and nothing else")
    p.add_argument("--nrm-2015-children", action="store_true",
                   help="the 982 child referrals of 2015 by exploitation type (CHESHIRE L173-184); "
                        "no --count, --start, --end or --children-only")
    try:
        a = p.parse_args(argv)
        if a.seed < 0:
            raise UsageError("--seed: give a whole number >= 0")
        if a.bad_lines:
            if len(argv) != 1:
                raise UsageError("--bad-lines takes no other options")
            sys.stdout.buffer.write(b"".join(bad_lines()))
            return 0
        if a.nrm_2015_children:
            given = [f for f in ("--count", "--start", "--end", "--children-only") if any(x == f or x.startswith(f + "=") for x in argv)]
            if given:
                raise UsageError(f"--nrm-2015-children fixes the count, dates and ages; leave out {', '.join(given)}")
            start, end = datetime.date(2015, 1, 1), datetime.date(2015, 12, 31)
        else:
            if a.count is None:
                raise UsageError("--count N is needed (or --nrm-2015-children)")
            if a.count < 0:
                raise UsageError("--count: give a whole number >= 0")
            start, end = parse_date(a.start, "--start"), parse_date(a.end, "--end")
            if start > end:
                raise UsageError(f"--start {start} is after --end {end}")
            if start.year < 1900:
                raise UsageError("--start: give a date from 1900 on")
    except UsageError as e:
        sys.stderr.write(f"generate.py: {e}\nTry 'python3 examples/generate.py --help'.\n")
        return 64

    gen = Generator(a.seed, start, end, a.decisions, a.children_only or a.nrm_2015_children)
    out = sys.stdout.buffer

    def write(text):
        out.write(text.encode("utf-8"))

    try:
        if a.nrm_2015_children:
            plan = nrm_2015_plan(gen.rng)
            gen.run(len(plan), write, plan)
        else:
            gen.run(a.count, write)
        out.flush()
    except BrokenPipeError:
        # The reader stopped early (`| head`): not an error for a generator.
        # Point stdout at /dev/null so the flush at exit does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
