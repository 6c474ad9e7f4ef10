#!/usr/bin/env bash
# Installs the bundle (our providers, theme, libraries and the realm) into a Keycloak distribution, the way an
# operator would: JARs into providers/, the realm into data/import/. The Dockerfile, the local system
# (run-local.sh) and the integration tests all call this script.
#
#   scripts/install-bundle.sh KEYCLOAK_HOME [BUNDLE_DIR]
#
# BUNDLE_DIR defaults to bundle/target/bundle (built by `mvn package`). Files installed by an earlier run are
# listed in providers/.binhduong-bundle and removed first, so an upgrade leaves no stale JAR behind.
set -euo pipefail

kc_home=${1:?usage: install-bundle.sh KEYCLOAK_HOME [BUNDLE_DIR]}
bundle=${2:-$(cd "$(dirname "$0")/.." && pwd)/bundle/target/bundle}

[ -x "$kc_home/bin/kc.sh" ] || { echo "install-bundle: $kc_home is not a Keycloak distribution" >&2; exit 1; }
[ -d "$bundle/providers" ] || { echo "install-bundle: $bundle/providers missing; run 'mvn package' first" >&2; exit 1; }

manifest="$kc_home/providers/.binhduong-bundle"
if [ -f "$manifest" ]; then
  while IFS= read -r old; do rm -f "$kc_home/providers/$old"; done < "$manifest"
fi

mkdir -p "$kc_home/providers" "$kc_home/data/import"
: > "$manifest"
for jar in "$bundle"/providers/*.jar; do
  cp "$jar" "$kc_home/providers/"
  basename "$jar" >> "$manifest"
done
cp "$bundle"/import/*.json "$kc_home/data/import/"
echo "install-bundle: $(wc -l < "$manifest") JARs into $kc_home/providers, realm into $kc_home/data/import"
