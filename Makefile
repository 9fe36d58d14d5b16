# Front door. Every target installs what it needs first (scripts/bootstrap is idempotent).
#   make build    optimised release CLI at build/shipshape (what users run; `make install` installs it)
#   make test     release build of everything, then every test (ctest)
#   make dev      RelWithDebInfo build with tests in build-dev/ (debugging, profiling)
#   make demo     audit the bundled example project, write out/audit.{md,html,sarif}
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
# Optional test data beside the checkout (real-world corpus, BuildKit parser fixtures). Without it
# the tests that need it are reported as skipped, in one line; SHIPSHAPE_REQUIRE_SHARED=1 fails.
SHARED ?= ../shared
SHARED_DIR := $(if $(wildcard $(SHARED)/corpus),$(abspath $(SHARED)),)
# The build type of $(BUILD): Release for users; `make test BUILD_TYPE=RelWithDebInfo` for debugging.
BUILD_TYPE ?= Release
PREFIX ?= /usr/local
DESTDIR ?=
CONFIGURE = cmake -S . -B $(1) -G Ninja -DSHIPSHAPE_SHARED_DIR=$(SHARED_DIR) $(2)

.PHONY: all deps configure build test dev demo bench asan fuzz install uninstall clean docs

all: build

deps:
	@bash scripts/bootstrap

configure: deps
	@$(call CONFIGURE,$(BUILD),-DCMAKE_BUILD_TYPE=$(BUILD_TYPE)) >/dev/null

build: configure
	cmake --build $(BUILD) -j $(JOBS) --target shipshape

test: configure
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	@if [ -f $(BUILD)/shared-tests-skipped.txt ]; then printf 'make test: '; cat $(BUILD)/shared-tests-skipped.txt; fi

dev: deps
	$(call CONFIGURE,build-dev,-DCMAKE_BUILD_TYPE=RelWithDebInfo)
	cmake --build build-dev -j $(JOBS)

demo: build
	@bash scripts/demo

bench: configure
	cmake --build $(BUILD) -j $(JOBS)
	@bash scripts/bench

install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 0755 -s $(BUILD)/shipshape $(DESTDIR)$(PREFIX)/bin/shipshape
	install -m 0644 docs/shipshape.1 $(DESTDIR)$(PREFIX)/share/man/man1/shipshape.1
	install -d $(DESTDIR)$(PREFIX)/share/doc/shipshape/rules
	install -m 0644 docs/rules/*.md $(DESTDIR)$(PREFIX)/share/doc/shipshape/rules/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/shipshape $(DESTDIR)$(PREFIX)/share/man/man1/shipshape.1
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/shipshape

asan: deps
	$(call CONFIGURE,build-asan,-DCMAKE_BUILD_TYPE=Debug -DSHIPSHAPE_SANITIZE=ON -DSHIPSHAPE_BENCH=OFF)
	cmake --build build-asan -j $(JOBS)
	# The fix-invariant corpus test is left to the release run (`make test`): under ASan it takes
	# ~6 of the ~8 minutes, and every corpus file is still linted and fixed under ASan by the
	# *Corpus tests and scripts/corpus-smoke.
	cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS) -E FixCorpusInvariant
	ASAN_OPTIONS=detect_leaks=1 bash scripts/corpus-smoke build-asan/shipshape

fuzz: deps
	@JOBS=$(JOBS) bash scripts/fuzz $(FUZZ_SECONDS)

docs: build
	$(BUILD)/shipshape rules --write-docs docs/rules

clean:
	rm -rf $(BUILD) build-dev build-asan build-fuzz
