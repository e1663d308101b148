#!/usr/bin/env bash
# Installs every Debian package jobfair needs to build, test and run.
# Idempotent: packages already installed are skipped, and `apt-get update` runs only
# when something is actually missing.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake pkg-config git clang-format
  # libraries the client fixed
  libimgui-dev libglfw3-dev libgl-dev libstb-dev libfreetype-dev
  libsqlitecpp-dev libsqlite3-dev libqrencode-dev doctest-dev
  # libraries we chose (see docs/dependencies.md)
  nlohmann-json3-dev libcpp-httplib-dev libssl-dev libsodium-dev libcli11-dev liblemon-dev
  libutf8proc-dev libzip-dev libpugixml-dev
  # the fair server's HTTP transport: Boost.Beast on Asio (see docs/dependencies.md)
  libboost1.81-dev
  # the organizer's workbook: written with libxlsxwriter (see docs/dependencies.md)
  libxlsxwriter-dev
  # external MIP solver used by the benchmark for comparison
  coinor-cbc
  # headless GUI runs, fonts with Vietnamese glyphs, QR decoding for tests
  xvfb xauth libgl1-mesa-dri fonts-noto-core zbar-tools openssl
  # real spreadsheet programs that re-save exported workbooks in the tests
  libreoffice-calc-nogui python3-openpyxl sqlite3
  # HTTP calls of the end-to-end tests (serve_password_file.sh, standby.sh)
  curl
  # a real browser for the students' status page (tests/e2e/phone_page.py, headless)
  chromium
  # real X key events typed into the running kiosk, as fast as a USB scanner (tests/gui/kiosk_scanner.sh)
  xdotool
  # the now-calling board's voice (Vietnamese and English) and its player, also the chime's
  espeak-ng alsa-utils
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
