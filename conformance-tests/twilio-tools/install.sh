#!/usr/bin/env bash
# Installs the pinned Twilio tools of package-lock.json (twilio-cli, the Flex Plugins CLI) into the folder
# given, with `npm ci`, for the tests that run them against FlexConf. Does nothing when that folder already
# holds an install of the same package.json and lockfile. Install scripts are not run: the tools need none,
# and keytar's would download a prebuilt binary.
set -euo pipefail
src=$(cd "$(dirname "$0")" && pwd)
dest=${1:?usage: install.sh DEST}
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "twilio-tools: node and npm must be on PATH (Node.js 20+), or skip these tests with -Dflexconf.tools.skip=true" >&2
  exit 1
fi
want=$(cat "$src/package.json" "$src/package-lock.json" "$src/stubs/fs/package.json" | sha256sum | cut -d' ' -f1)
stamp="$dest/.installed"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$dest/node_modules/.bin/twilio" ]; then
  echo "twilio-tools: up to date in $dest"
  exit 0
fi
rm -rf "$dest"
mkdir -p "$dest"
cp -R "$src/package.json" "$src/package-lock.json" "$src/stubs" "$dest/"
echo "twilio-tools: npm ci into $dest (twilio-cli 6.2.4, @twilio-labs/plugin-flex 7.1.2; 1-2 minutes on a cold cache)"
(cd "$dest" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
echo "$want" > "$stamp"
echo "twilio-tools: installed"
