#!/usr/bin/env bash
# Install the Debian libraries that Qt (PySide6, offscreen platform) needs, when missing.
# A machine that already has them pays one ldconfig lookup. Needs root (or sudo) to install.
set -euo pipefail
need=()
have() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have libEGL.so.1        || need+=(libegl1)
have libGL.so.1         || need+=(libgl1)
have libxkbcommon.so.0  || need+=(libxkbcommon0)
have libfontconfig.so.1 || need+=(libfontconfig1)
have libdbus-1.so.3     || need+=(libdbus-1-3)
have libglib-2.0.so.0   || need+=(libglib2.0-0)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing Debian packages for Qt: ${need[*]}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
