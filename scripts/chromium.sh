#!/usr/bin/env bash
# Ensure Debian's Chromium at /usr/bin/chromium for the browser e2e run
# (driven by playwright-core with executablePath /usr/bin/chromium; a test
# tool's own browser download is blocked here, so never `playwright install`).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

if [[ ! -x /usr/bin/chromium ]]; then
	apt_install chromium fonts-liberation
fi
echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo '/usr/bin/chromium (version unknown)')"
