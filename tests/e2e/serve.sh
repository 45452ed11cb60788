#!/usr/bin/env bash
# The e2e web server: the sample district (or the small dev bundle while it cannot be built), the built PWA,
# and vite preview serving /bundle/ and /kiosk-config.json like the zone server.
set -euo pipefail
cd "$(dirname "$0")/../.."
if npx tsx scripts/prepare-sample.ts >&2; then
  export KIOSK_SAMPLE_DIR=.data/sample
else
  echo "serve: the sample district does not build; using the dev bundle" >&2
  npx tsx tests/e2e/make-dev-bundle.ts .data/dev-sample >&2
  export KIOSK_SAMPLE_DIR=.data/dev-sample
fi
npx vite build --logLevel warn >&2
exec npx vite preview --port "${PORT:-4173}" --strictPort
