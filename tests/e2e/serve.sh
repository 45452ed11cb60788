#!/usr/bin/env bash
# The e2e web server: the zone server (intake, status, staff export) serving the sample district's bundle, its
# kiosk-config and the built PWA, with a fresh PGlite data folder per run (one per port, emptied at start: the
# server is killed, not stopped, at the end) so tests count records exactly. --auto-enrol: the browser on this
# machine is enrolled by itself, as with `npm start` (tests/e2e/trust.spec.ts enrols with a code instead).
set -euo pipefail
cd "$(dirname "$0")/../.."
npx tsx scripts/prepare-sample.ts >&2
# The build and the data folder are per port, so two runs at once never rebuild each other's files.
OUT_DIR=".data/e2e-dist-${PORT:-4173}"
npx vite build --logLevel warn --outDir "$OUT_DIR" --emptyOutDir >&2
DATA_DIR=".data/e2e-server-${PORT:-4173}"
rm -rf "$DATA_DIR"
mkdir -p "$DATA_DIR"
# The desk's first admin, created with the real CLI (tests/e2e/desk.spec.ts logs in with it and creates clerks).
npx tsx src/server/main.ts desk-user --data-dir "$DATA_DIR" --username e2e-admin --role admin --name 测试管理员 \
  | sed -n 's/.*password: //p' > ".data/e2e-desk-admin-${PORT:-4173}.txt"
exec npx tsx src/server/main.ts --port "${PORT:-4173}" --host 127.0.0.1 --static "$OUT_DIR" \
  --bundle-dir .data/sample/bundle --kiosk-config .data/sample/kiosk-config.json \
  --data-dir "$DATA_DIR" --staff-token e2e-token-0123456789abcdefgh --log-level warn --auto-enrol \
  --desk-idle-seconds 20
