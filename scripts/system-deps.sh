#!/usr/bin/env bash
# Install the Debian libraries Qt (PySide6) needs and the PDF font (DejaVu), when missing. A machine that already has
# them pays a few ldconfig lookups. Needs root (or sudo) to install.
#  - offscreen platform (tests, CI, headless `make run`): required, a failure stops the build;
#  - xcb platform (a real window on an X11/Wayland desktop): installed best-effort, a failure
#    only warns, because tests and CI never open a real window;
#  - LibreOffice Calc (headless): best-effort too; the xlsx export's recompute test skips
#    without it (about 1 min and 200 MB the first time, from Debian's packages).
set -euo pipefail
have() { ldconfig -p 2>/dev/null | grep -q "$1"; }
need=(); want=()
have libEGL.so.1           || need+=(libegl1)
have libGL.so.1            || need+=(libgl1)
have libxkbcommon.so.0     || need+=(libxkbcommon0)
have libfontconfig.so.1    || need+=(libfontconfig1)
have libdbus-1.so.3        || need+=(libdbus-1-3)
have libglib-2.0.so.0      || need+=(libglib2.0-0)
# the PDF's embedded font (reporting/fonts.py): DejaVu Sans, four faces
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]  || need+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf ] || need+=(fonts-dejavu-extra)
have libxcb-cursor.so.0    || want+=(libxcb-cursor0)
have libxcb-icccm.so.4     || want+=(libxcb-icccm4)
have libxcb-keysyms.so.1   || want+=(libxcb-keysyms1)
have libxcb-image.so.0     || want+=(libxcb-image0)
have libxcb-render-util.so.0 || want+=(libxcb-render-util0)
have libxcb-shape.so.0     || want+=(libxcb-shape0)
have libxkbcommon-x11.so.0 || want+=(libxkbcommon-x11-0)
# desktop integration (make install-desktop) and its tests: MIME database, entry validator
command -v update-mime-database >/dev/null || want+=(shared-mime-info)
command -v desktop-file-validate >/dev/null || want+=(desktop-file-utils)
# rendering PDF pages to PNG for looking at them (make screenshots --blm-pdf, reviews)
command -v pdftoppm >/dev/null || want+=(poppler-utils)
# recomputing the xlsx export's formulas with a real spreadsheet engine (tests/spreadsheets/
# test_rab_export_soffice.py; skipped without it) and the benchmark's LibreOffice print
command -v soffice >/dev/null || want+=(libreoffice-calc-nogui)
[ ${#need[@]} -eq 0 ] && [ ${#want[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
if ! $SUDO apt-get update -qq; then
  [ ${#need[@]} -eq 0 ] && { echo "warning: apt-get update failed; skipped ${want[*]} (only a real window needs them)"; exit 0; }
  exit 1
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing Debian packages Qt needs: ${need[*]}"
  $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends "${need[@]}"
fi
if [ ${#want[@]} -gt 0 ]; then
  echo "installing optional Debian packages (real Qt window, PDF pages, LibreOffice): ${want[*]}"
  $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=300 --no-install-recommends "${want[@]}" \
    || echo "warning: could not install ${want[*]}; a real window and the xlsx recompute test need them (other tests do not)"
fi
