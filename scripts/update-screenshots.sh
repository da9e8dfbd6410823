#!/usr/bin/env sh
# Refreshes the Playwright screenshot baselines (e2e/__screenshots__) and docs/screenshot.png,
# the first screen shown in the README. Run after an intended visual change, then review the diff.
set -eu
cd "$(dirname "$0")/.."
mkdir -p docs
KUBEPLAY_DOCS_SCREENSHOT=1 node scripts/e2e.mjs e2e/screenshots.spec.ts --update-snapshots "$@"
echo "Updated e2e/__screenshots__/ and docs/screenshot.png"
