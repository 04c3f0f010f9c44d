#!/usr/bin/env bash
# Sets up gradplot on a fresh Debian/Ubuntu machine (as root, or with sudo):
# the system libraries canvas compiles against, Chromium for the browser test,
# then the npm packages and the build. Safe to run again: it skips what is there.
#
#   bash scripts/setup.sh           for using and developing gradplot
#   bash scripts/setup.sh --bench   also the peers `npm run bench` compares with: gnuplot, numpy, matplotlib
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev chromium)
case "${1:-}" in
  --bench) packages+=(gnuplot-nox python3-numpy python3-matplotlib) ;;
  '') ;;
  *) echo "setup: unknown option $1 (accepted: --bench)" >&2; exit 2 ;;
esac
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q "${missing[@]}" >&2
fi

# canvas finds no prebuilt binary here, so npm builds it against the libraries above.
npm ci --no-audit --no-fund >&2
npm run build >&2
