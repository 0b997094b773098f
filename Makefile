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

.PHONY: all build release test demo bench fuzz install uninstall clean test-deps bench-deps man schema-fields

all: build

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release

# The tests use Python's jsonschema (the independent schema validator) and jq
# (csv-report's output is compared with jq's); install them if missing.
test-deps:
	@python3 -c 'import jsonschema' 2>/dev/null || python3 -m pip install --quiet jsonschema
	@command -v jq >/dev/null || (apt-get update -qq && apt-get install -y -qq jq >/dev/null)

test: build test-deps
	$(SWIFT) build --build-tests
	SAFEGUARD_BIN=$(CURDIR)/$(DEBUG_BIN) $(SWIFT) test --disable-swift-testing

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

bench: release bench-deps
	@bash Tests/Bench/bench.sh $(RELEASE_BIN)

# libFuzzer targets for the parsers, FUZZ_SECONDS each (default 600).
fuzz:
	@bash Tests/Fuzz/fuzz.sh

install: release
	install -d $(BINDIR) $(MANDIR)
	for t in $(TOOLS); do install -m 0755 $(RELEASE_BIN)/$$t $(BINDIR)/$$t; done
	install -m 0644 man/man1/*.1 $(MANDIR)/

uninstall:
	for t in $(TOOLS); do rm -f $(BINDIR)/$$t; done
	for m in man/man1/*.1; do rm -f $(MANDIR)/$$(basename $$m); done

clean:
	rm -rf .build
