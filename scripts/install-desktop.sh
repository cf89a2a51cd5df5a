#!/usr/bin/env bash
# Desktop integration for the current user (freedesktop/XDG; no root): the menu entry, the icon
# and the .dtpl MIME type, so a double-click on a project opens DTPL Studio.
#   scripts/install-desktop.sh [EXEC]          EXEC: the dtpl-studio program to start
#   scripts/install-desktop.sh --uninstall
# EXEC defaults to the bundle (dist/dtpl-studio/dtpl-studio) when built, else .venv/bin/dtpl-studio.
# Files go under ${XDG_DATA_HOME:-~/.local/share}: applications/, mime/packages/, icons/hicolor/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
APPS="$DATA/applications"; MIME="$DATA/mime"; ICONS="$DATA/icons/hicolor"
SVG="$ROOT/dtpl_studio/ui/resources/dtpl-studio.svg"

refresh() {
  command -v update-mime-database >/dev/null && update-mime-database "$MIME" || true
  command -v update-desktop-database >/dev/null && update-desktop-database "$APPS" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$ICONS" || true
}

if [ "${1:-}" = "--uninstall" ]; then
  rm -f "$APPS/dtpl-studio.desktop" "$MIME/packages/dtpl-studio.xml" \
        "$ICONS/scalable/apps/dtpl-studio.svg" "$ICONS/scalable/mimetypes/application-x-dtpl-project.svg"
  refresh
  echo "DTPL Studio desktop entry removed from $DATA"
  exit 0
fi

EXEC="${1:-}"
if [ -z "$EXEC" ]; then
  if [ -x "$ROOT/dist/dtpl-studio/dtpl-studio" ]; then EXEC="$ROOT/dist/dtpl-studio/dtpl-studio"
  else EXEC="$ROOT/.venv/bin/dtpl-studio"; fi
fi
[ -x "$EXEC" ] || { echo "error: $EXEC is not an executable dtpl-studio (run make or make dist first)" >&2; exit 2; }
EXEC="$(cd "$(dirname "$EXEC")" && pwd)/$(basename "$EXEC")"
case "$EXEC" in *" "*) EXEC="\"$EXEC\"";; esac  # Desktop Entry spec: quote paths with spaces

mkdir -p "$APPS" "$MIME/packages" "$ICONS/scalable/apps" "$ICONS/scalable/mimetypes"
sed "s|@EXEC@|$EXEC|g" "$ROOT/packaging/linux/dtpl-studio.desktop.in" > "$APPS/dtpl-studio.desktop"
cp "$ROOT/packaging/linux/dtpl-studio-mime.xml" "$MIME/packages/dtpl-studio.xml"
cp "$SVG" "$ICONS/scalable/apps/dtpl-studio.svg"
cp "$SVG" "$ICONS/scalable/mimetypes/application-x-dtpl-project.svg"
refresh
command -v xdg-mime >/dev/null && xdg-mime default dtpl-studio.desktop application/x-dtpl-project || true
echo "DTPL Studio desktop entry installed in $DATA (program: $EXEC)"
