#!/usr/bin/env bash
# Every test: types, lint, format, unit (vitest; storage tests against PGlite and a throwaway PostgreSQL),
# end-to-end (Playwright driving Debian's Chromium). This is what `npm test` and CI run.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s ==\n' "$*"; }

step "setup (Debian chromium + CJK fonts when missing)"
bash scripts/setup.sh

step "typecheck"
npx tsc -p tsconfig.json --noEmit

step "lint"
npx eslint .

step "format"
npx prettier --check .

step "unit tests"
if [ -f scripts/with-postgres.sh ]; then
  bash scripts/with-postgres.sh npx vitest run
else
  npx vitest run
fi

step "end-to-end tests (Chromium)"
npx playwright test
