#!/usr/bin/env bash
# Renders the PWA icons from icon.html with Debian Chromium (run from the repository root).
set -euo pipefail
src="file://$PWD/src/kiosk/assets/icon.html"
shot() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size="$1,$1" --screenshot="public/icons/$2" "$src#$3" 2>/dev/null; }
mkdir -p public/icons
shot 192 icon-192.png any
shot 512 icon-512.png any
shot 512 icon-maskable-512.png maskable
