# The README's commands. CMake + Ninja do the building; this file only strings the steps together.
BUILD_DIR ?= build
DATA_DIR ?= ./data
LISTEN ?= 127.0.0.1:8080
SANITIZE_DIR ?= build-sanitize

.PHONY: all deps test-deps build run test unit-test api-test browser-test lint-openapi sanitize bench fuzz clean \
	train-suggestions

all: build

# Installs what is missing on a fresh Debian 12 machine (needs root or sudo for apt-get).
deps:
	@bash tools/install-deps.sh

test-deps:
	@bash tools/install-deps.sh --test

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: node_modules/.package-lock.json $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR)

run: deps build
	$(BUILD_DIR)/meldroute serve --data $(DATA_DIR) --listen $(LISTEN) --demo

unit-test: build
	ctest --test-dir $(BUILD_DIR) --output-on-failure -j2

api-test: build
	rm -rf $(BUILD_DIR)/test-logs
	node --test --test-concurrency=1 tests/api/

browser-test: build
	node --test --test-concurrency=1 tests/browser/

lint-openapi: node_modules/.package-lock.json
	npx spectral lint -r ../shared/conformance/adr-spectral.yml docs/openapi.json --fail-severity=error

test: test-deps build unit-test api-test browser-test lint-openapi

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize: node_modules/.package-lock.json
	cmake -S . -B $(SANITIZE_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DMELDROUTE_SANITIZE=ON
	cmake --build $(SANITIZE_DIR)
	ctest --test-dir $(SANITIZE_DIR) --output-on-failure -j2
	rm -rf $(BUILD_DIR)/test-logs
	MELDROUTE_BINARY=$(SANITIZE_DIR)/meldroute node --test --test-concurrency=1 tests/api/

# Speed against the limits of this machine (see ../shared/product/quality.md); not part of make test.
bench: build
	bash bench/run.sh

# libFuzzer over every parser, FUZZ_SECONDS per target (default 60); not part of make test.
fuzz:
	bash fuzz/run.sh

# Retrains the learned suggestion layer from the labelled narratives (never the blind sets kept outside the repo)
# and rewrites its weights file, which the next build compiles in. Deterministic.
# The threshold is chosen on the sets the phrase patterns were never tuned on (--select-on, see the tool's comment).
train-suggestions: $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR) --target train_suggestions
	$(BUILD_DIR)/train_suggestions src/domain/data/suggestion_model.tsv tests/data/narratives.tsv \
		tests/data/narratives-dev.tsv tests/data/narratives-train2.tsv \
		--select-on tests/data/narratives-blind.tsv tests/data/narratives-train3.tsv

clean:
	rm -rf $(BUILD_DIR) $(SANITIZE_DIR)
