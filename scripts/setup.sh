#!/usr/bin/env bash
# Prepares a fresh Debian 12 machine (as root) to run Switchyard, idempotently:
#   - Debian packages the appliance needs (and, with --for-tests, those the test suite needs);
#   - npm dependencies (npm ci; the native addons, node-tun and crypto-native, build from source with node-gyp);
#   - a build of every workspace (turbo, cached).
# Each step is skipped when already done, so `npm start` / `npm test` stay fast on a second run.
set -euo pipefail
cd "$(dirname "$0")/.."

for_tests=0
[ "${1:-}" = "--for-tests" ] && for_tests=1

say() { printf '[setup] %s\n' "$*" >&2; }

# Debian packages. Run-time: iproute2 (routes, proxy ARP entries). Build: make, g++, python3 (node-gyp).
packages=(iproute2 make g++ python3)
if [ "$for_tests" = 1 ]; then
  # tshark checks that the bytes we send decode without malformed/expert fields. The interop tests run
  # the real Linux client (pptp-linux + pppd, kernel MPPE) and the reference pptpd in User-Mode Linux;
  # gcc/libc6-dev build a tiny FPU shim UML needs on CPUs with AMX (test/src/interop/README-harness.md).
  packages+=(tshark iputils-ping user-mode-linux kmod ppp pptp-linux pptpd busybox procps gcc libc6-dev)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    say "missing Debian packages: ${missing[*]} (run as root, or install them yourself)"
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm dependencies: reinstall when package-lock.json changed since the last install.
stamp=node_modules/.switchyard-lock-hash
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing npm dependencies (npm ci; builds the native addons)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" >"$stamp"
fi

# The native addons (node-tun: TUN and raw sockets; crypto-native: MPPE crypto) are built by `npm ci`;
# in a checkout that keeps its node_modules, rebuild one when its C/C++ sources changed since, or when
# it was never built (a workspace added after the last install): a stale addon lacks the functions the
# TypeScript side calls.
for native in node-tun:node_tun crypto-native:crypto_native; do
  package=${native%%:*}
  addon=packages/$package/build/Release/${native#*:}.node
  if [ ! -f "$addon" ] || [ -n "$(find "packages/$package/native" "packages/$package/binding.gyp" -newer "$addon" 2>/dev/null)" ]; then
    say "building the native addon of @switchyard/$package (sources changed)"
    npm run build:native -w "@switchyard/$package" --silent >/dev/null
  fi
done

say "building"
export TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
npx turbo run build --output-logs=errors-only --log-prefix=none >&2

# npm links workspace bins (switchyard-pptpd, switchyard-pptp) only when their targets exist, which
# they do only after the build: link them now, so `npx switchyard-pptpd` works from the repository root.
npm rebuild --ignore-scripts --no-audit --loglevel=error >/dev/null
# npm sets the executable bit only when it creates a link, and a build restored from turbo's cache (or
# rewritten by tsc) leaves the bin files without it, e.g. after `npm ci` re-ran in a checkout that kept
# its dist/: set it on every workspace bin that exists.
for manifest in apps/*/package.json; do
  node -e 'const m = require(process.argv[1]); for (const b of Object.values(m.bin ?? {})) console.log(b);' \
    "$PWD/$manifest" | while read -r bin; do
    target="$(dirname "$manifest")/$bin"
    if [ -f "$target" ]; then chmod +x "$target"; fi
  done
done
