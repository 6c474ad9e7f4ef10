#!/usr/bin/env bash
# The benchmark of the README's Performance section: builds the bundle, unpacks fresh Keycloak distributions (stock,
# one with the bundle installed by install-bundle.sh, and one for the two-node cluster), then runs the load generator
# in its own JVM. It times both boots, starts one server with the bundle and loads it, then a two-node cluster, and
# writes docs/benchmarks.md and docs/benchmarks.png. About 16 minutes on a quiet 2-core machine (estimate). Settings are JVM
# system properties passed through:
#
#   scripts/benchmark.sh [-Dbench.window=10] [-Dbench.rounds=2] [-Dbench.concurrency=1,4,16] [-Dbench.users=600] ...
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
started=$(date +%s)
kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
work="$root/integration-tests/target/benchmark"

# The chart is drawn by gnuplot (Debian's gnuplot-nox, no X needed).
if ! command -v gnuplot >/dev/null; then
  echo "==> Installing gnuplot-nox"
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y -q gnuplot-nox; else sudo apt-get install -y -q gnuplot-nox; fi
fi

echo "==> Building the bundle and the load generator"
# One Maven session: the load generator's class path then names this build's module JARs (a fresh machine has none
# of them in ~/.m2). Every module writes the same file; integration-tests, which needs all the others, comes last.
mvn -B -q -DskipTests clean package dependency:build-classpath -pl integration-tests -am \
  -Dmdep.includeScope=test -Dmdep.outputFile="$root/target/benchmark-classpath"

echo "==> Fresh Keycloak $kc_version distributions: stock, with the bundle, and the cluster's"
rm -rf "$work"
mkdir -p "$work"
mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" -DoutputDirectory="$work"
for side in stock ours; do
  unzip -q "$work/keycloak-quarkus-dist-$kc_version.zip" -d "$work/$side"
  mv "$work/$side/keycloak-$kc_version" "$work/$side-keycloak"
  rmdir "$work/$side"
done
scripts/install-bundle.sh "$work/ours-keycloak"
# The cluster scenario's first node, left bare: the cluster set-up installs the bundle and builds it for PostgreSQL.
unzip -q "$work/keycloak-quarkus-dist-$kc_version.zip" -d "$work/cluster"

echo "==> Running the benchmark (logs in $work/logs)"
java -Dbench.root="$root" -Dbench.startedAt="$started" -Dbench.keycloakVersion="$kc_version" "$@" \
  -cp "$root/integration-tests/target/test-classes:$(cat "$root/target/benchmark-classpath")" \
  vn.binhduong.keycloak.it.benchmark.load.Benchmark
echo "==> Done in $(( $(date +%s) - started )) s"
