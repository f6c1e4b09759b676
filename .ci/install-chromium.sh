#!/usr/bin/env bash
# Installs Debian's Chromium for the spreadsheet bundle test (test/spreadsheet/chromium.test.ts), which drives it
# through playwright-core. Idempotent: does nothing when /usr/bin/chromium is already there. Never downloads a
# browser build of Playwright's own: only the distribution package.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium
