# Front door. Every target installs what it needs first (scripts/bootstrap is idempotent).
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
BUILD ?= build
SHARED ?= ../shared

.PHONY: all deps build test demo bench asan asan-test fuzz clean docs

all: build

deps:
	@bash scripts/bootstrap

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/build.ninja
	cmake --build $(BUILD) -j $(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

demo: build
	@bash scripts/demo

bench: build
	@bash scripts/bench

asan: deps
	cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSHIPSHAPE_SANITIZE=ON -DSHIPSHAPE_BENCH=OFF
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
	rm -rf $(BUILD) build-asan build-fuzz
