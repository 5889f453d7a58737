# casediff — build, test, demo. Every target installs the system libraries it needs on a fresh machine.
SWIFT ?= swift
BUILD_FLAGS ?=
BIN_DIR ?= .build/debug
SYSTEM_PACKAGES := libsqlite3-dev libcurl4-openssl-dev
# The browser the HTML report's test drives (headless, over the DevTools protocol).
BROWSER_PACKAGES := chromium

.PHONY: all build test unit-test conformance browser-test demo sim bench lint format deps browser-deps install-packages clean

all: build

# Install the Debian packages the build links against, if any is missing (apt needs root; CI runs as root).
deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(SYSTEM_PACKAGES)"

# Chromium for the HTML report's browser test, if missing.
browser-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(BROWSER_PACKAGES)"

install-packages:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

# Unit and integration tests (Swift Testing), the third-party client conformance test, and the HTML report in a real
# browser.
test: unit-test conformance browser-test

# Two processes: the CLI tests (casediff subprocesses, each against in-process simulators) apart from the rest, so on
# a two-core machine neither starves the other's timers and servers of Swift's few cooperative threads.
unit-test: build
	$(SWIFT) build $(BUILD_FLAGS) --build-tests
	$(SWIFT) test $(BUILD_FLAGS) --skip-build --disable-xctest --skip CasediffCLITests
	$(SWIFT) test $(BUILD_FLAGS) --skip-build --disable-xctest --filter CasediffCLITests

conformance: build
	scripts/conformance.sh "$(BIN_DIR)"

# The demo's HTML report in headless Chromium: counts, a view from the URL fragment, a changed step side by side, a
# click on the chart, keys, dark scheme and print; screenshots in .build/browser-test.
browser-test: build browser-deps
	scripts/browser-test.sh "$(BIN_DIR)"

demo: build
	BIN_DIR="$(BIN_DIR)" scripts/demo.sh

# Run the simulator on the demo fixtures in the foreground (Ctrl-C to stop). Extra flags: make sim ARGS="--rate-limit 180"
sim: build
	"$(BIN_DIR)/testrail-sim" --fixtures Fixtures/demo/instance.json $(ARGS)

# The fetch engine against the simulator, each scenario against its theoretical floor (docs/benchmarks.md).
# A release build of everything the bench spawns (testrail-sim for every fetch scenario, casediff for W1 and R6) and
# of the bench; takes about 10 minutes, most of it waiting on the simulated rate limits and latency. R6 runs casediff
# on 2 x 500 000 cases and may take several GB of memory until comparison streams. H1 opens the HTML report of
# 2 x 100 000 cases in headless Chromium. Subsets: ARGS="--only R2,R2h"
bench: deps browser-deps
	$(SWIFT) build -c release
	.build/release/casediff-bench $(ARGS)

# Formatting: .swift-format (4 spaces, 120 columns); CI fails on any finding.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

format:
	$(SWIFT) format --in-place --recursive Sources Tests Package.swift

clean:
	rm -rf .build .demo
