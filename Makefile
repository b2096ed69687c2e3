# unspool — the two commands a newcomer needs:
#   make serve   install what is missing, build the page, serve it on http://localhost:8000
#   make test    install what is missing, then every check CI runs
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)
export CHROMEDRIVER ?= /usr/bin/chromedriver
PORT ?= 8000
# -Oz until nothing shrinks (--converge: 0.3 kB gzipped), without the producers and
# target-features sections (0.2 kB; nothing reads them once wasm-bindgen has run).
# --low-memory-unused lets wasm-opt fold a pointer's small constant offsets into its loads and
# stores (0.8 kB gzipped): it assumes nothing lives below address 1024, and Rust's wasm32 layout
# puts the 1 MiB stack first, growing down from 1 MiB, so that is the stack's far end; data and
# heap start above the stack.
# Then --flatten --rereloop and -Oz twice: the control flow rebuilt by binaryen's relooper
# and shrunk again, 1.0 kB gzipped less (150,511 → 149,499 B) with format() as fast in the
# browser (tools/bench-browser.mjs side by side: x-1000 23.65 ms both, x-20 1.40 ms both).
# That round twice: 168 B less again (150,016 → 149,848 B) with format() as fast (x-1000
# 19.75 → 19.60 ms, x-20 0.80 ms both). Binaryen's gains here are not monotone (three rounds
# gave 149,999 B): measure before changing the count.
RELOOP := --flatten --rereloop -Oz -Oz
WASM_OPT_FLAGS := -Oz --converge --low-memory-unused --strip-producers --strip-target-features \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  $(RELOOP) $(RELOOP)
SOURCES := $(shell find src -name '*.rs') Cargo.toml Cargo.lock

.PHONY: serve test setup wasm lint test-native test-wasm test-e2e size dist pkg offline bench bench-native fuzz

serve: wasm offline
	python3 tools/serve.py --port $(PORT) --dir www

setup:
	tools/setup.sh wasm npm browser

# The release WASM for the page: wasm-pack (no wasm-opt download), tools/wasm-trap-panics.py (a
# panic traps without the code and data that format a message nothing can read: 7.0 kB
# gzipped), then binaryen's wasm-opt from npm. wasm-ld's --emit-relocs keeps in cargo's .wasm
# the relocations the script reads to check that what it drops is reached from nowhere else
# (the same code and data otherwise; the script removes the sections wasm-bindgen copies).
WASM_RUSTFLAGS := -C link-arg=--emit-relocs
CARGO_WASM = $(or $(CARGO_TARGET_DIR),target)/wasm32-unknown-unknown/release/unspool.wasm
wasm: www/pkg/unspool_bytes.js

www/pkg/unspool_bytes.js: $(SOURCES) tools/inline-wasm.mjs tools/wasm-trap-panics.py tools/wasm_module.py
	tools/setup.sh wasm npm
	CARGO_PROFILE_RELEASE_OPT_LEVEL=z RUSTFLAGS="$(WASM_RUSTFLAGS)" wasm-pack build --release --target web --out-dir www/pkg --out-name unspool
	python3 tools/wasm-trap-panics.py www/pkg/unspool_bg.wasm www/pkg/unspool_bg.wasm --relocs $(CARGO_WASM)
	node_modules/.bin/wasm-opt $(WASM_OPT_FLAGS) www/pkg/unspool_bg.wasm -o www/pkg/unspool_bg.wasm
	node tools/inline-wasm.mjs www/pkg/unspool_bg.wasm $@
	@$(MAKE) --no-print-directory size

# The shipped .wasm and the whole first page load, gzipped, against their budgets.
size:
	@node tools/size.mjs

# Performance figures (printed, not asserted): native stages and pipeline, repair beside ftfy
# and plsfix, peak memory, in-browser timing. See BENCHMARKS.md. bench-native skips the browser.
bench: wasm
	tools/bench.sh

bench-native:
	tools/bench.sh --native-only

# cargo-fuzz (libFuzzer) on every target in fuzz/, FUZZ_SECONDS each, two at a time.
FUZZ_SECONDS ?= 60
fuzz:
	tools/fuzz.sh $(FUZZ_SECONDS)

# The service worker's file list and version (www/pkg/precache.js), hashed from the page's files.
WWW_FILES = $(shell find www -path www/pkg -prune -o -type f -print)
offline: www/pkg/precache.js

www/pkg/precache.js: www/pkg/unspool_bytes.js $(WWW_FILES) tools/precache.mjs
	node tools/precache.mjs www $@

# The single-file page: dist/unspool.html (CSS, JS modules and the WASM inlined; works from file://).
dist: dist/unspool.html

dist/unspool.html: www/pkg/unspool_bytes.js $(WWW_FILES) tools/build-dist.mjs
	node tools/build-dist.mjs www/index.html $@
	@printf 'dist/unspool.html: %s bytes, %s bytes gzipped\n' "$$(wc -c < $@)" "$$(gzip -9 -c $@ | wc -c)"

# The npm package: pkg/ at the repo root (wasm-pack --target web, then wasm-opt).
pkg: pkg/package.json

pkg/package.json: $(SOURCES) tools/npm-package.mjs tools/wasm-trap-panics.py tools/wasm_module.py
	tools/setup.sh wasm npm
	CARGO_PROFILE_RELEASE_OPT_LEVEL=z RUSTFLAGS="$(WASM_RUSTFLAGS)" wasm-pack build --release --target web --out-dir pkg --out-name unspool
	python3 tools/wasm-trap-panics.py pkg/unspool_bg.wasm pkg/unspool_bg.wasm --relocs $(CARGO_WASM)
	node_modules/.bin/wasm-opt $(WASM_OPT_FLAGS) pkg/unspool_bg.wasm -o pkg/unspool_bg.wasm
	node tools/npm-package.mjs pkg

test: setup lint test-native test-wasm test-e2e

lint:
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

test-native:
	cargo test

# The wasm smoke test, in headless Chromium through ChromeDriver.
test-wasm:
	wasm-pack test --headless --chrome -- --test wasm

# End-to-end: the served page in real headless Chromium (playwright-core, Debian's chromium).
test-e2e: wasm offline dist pkg
	cargo build --release
	node --test --test-concurrency=1 tests/e2e/
	UNSPOOL_BIN=target/release/unspool node tests/e2e/render-screenshots.mjs
