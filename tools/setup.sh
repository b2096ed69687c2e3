#!/usr/bin/env bash
# Installs what unspool's build and tests need, skipping whatever is already there.
#   tools/setup.sh wasm     wasm32 target, wasm-bindgen-cli (the Cargo.lock version), wasm-pack
#   tools/setup.sh npm      npm dev packages (playwright-core, binaryen, axe-core) from package-lock.json
#   tools/setup.sh browser  Debian's chromium and chromium-driver
# Safe to run again and again: each step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf 'setup: %s\n' "$*" >&2; }

lock_version() {
  # The version of package $1 in Cargo.lock.
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

need_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

wasm() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  [ -f Cargo.lock ] || cargo generate-lockfile
  local want; want=$(lock_version wasm-bindgen)
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (must match Cargo.lock)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
  if ! command -v wasm-pack >/dev/null; then
    say "installing wasm-pack"
    cargo install wasm-pack
  fi
}

npm_packages() {
  if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
     || [ ! -d node_modules/axe-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm dev packages"
    npm ci --no-audit --no-fund
  fi
}

browser() {
  # The emoji font only matters for screenshots: without it emoji show as empty boxes.
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] \
     || ! dpkg -s fonts-noto-color-emoji >/dev/null 2>&1; then
    say "installing chromium, chromium-driver and an emoji font from Debian"
    need_root apt-get update
    need_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver \
      fonts-noto-color-emoji
  fi
}

[ $# -gt 0 ] || set -- wasm npm browser
for step in "$@"; do
  case "$step" in
    wasm) wasm ;;
    npm) npm_packages ;;
    browser) browser ;;
    *) say "unknown step $step"; exit 2 ;;
  esac
done
