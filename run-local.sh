#!/usr/bin/env bash
# The whole system on http://localhost:8080, ready to click through: builds the bundle, fetches the Keycloak
# distribution once (Maven Central), installs the bundle with scripts/install-bundle.sh, starts the stand-ins
# and Keycloak (start-dev, embedded dev-file database under .local/). A second start reuses the download and
# keeps the data. Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
local_dir="$root/.local"
kc_home="$local_dir/keycloak-$kc_version"
mkdir -p "$local_dir"

echo "==> Building the bundle"
mvn -B -q -DskipTests clean package

if [ ! -x "$kc_home/bin/kc.sh" ]; then
  echo "==> Fetching Keycloak $kc_version"
  mvn -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" -DoutputDirectory="$local_dir"
  unzip -q -o "$local_dir/keycloak-quarkus-dist-$kc_version.zip" -d "$local_dir"
  rm -f "$local_dir/keycloak-quarkus-dist-$kc_version.zip"
fi

scripts/install-bundle.sh "$kc_home"

# Local secrets are made once and kept, so a second start matches the data already in the database.
env_file="$local_dir/local.env"
if [ ! -f "$env_file" ]; then
  cat > "$env_file" <<ENV
KC_BOOTSTRAP_ADMIN_USERNAME=admin
KC_BOOTSTRAP_ADMIN_PASSWORD=admin
BD_MOTCUA_CLIENT_SECRET=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
BD_MOTCUA_REDIRECT_URI=http://localhost:3000/*
BD_DICHVUCONG_REDIRECT_URI=http://localhost:3000/*
ENV
fi
# Added separately so an env file from an earlier version gains them: the DVCQG stand-in on loopback.
if ! grep -q '^BD_DVCQG_CLIENT_ID=' "$env_file"; then
  cat >> "$env_file" <<ENV
BD_DVCQG_ENVIRONMENT=CUSTOM
BD_DVCQG_BASE_URL=http://127.0.0.1:8099
BD_DVCQG_CLIENT_ID=binhduong-local
BD_DVCQG_CLIENT_SECRET=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
BD_DVCQG_CREATE_UNKNOWN_USERS=true
ENV
fi
# The local system has no captcha service to ask: captcha off (the shipped realm has it on).
if ! grep -q '^BD_CAPTCHA_ENABLED=' "$env_file"; then
  echo "BD_CAPTCHA_ENABLED=false" >> "$env_file"
fi
set -a; . "$env_file"; set +a

pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do pkill -TERM -P "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

echo "==> Starting the DVCQG stand-in on http://127.0.0.1:8099 (log: $local_dir/dvcqg-standin.log)"
mvn -B -q dependency:build-classpath -pl standins -Dmdep.outputFile="$local_dir/standins.classpath"
java -cp "$root/standins/target/standins-1.0.0.jar:$(cat "$local_dir/standins.classpath")" \
  vn.binhduong.keycloak.standins.dvcqg.DvcqgStandInMain 8099 "$BD_DVCQG_CLIENT_SECRET" > "$local_dir/dvcqg-standin.log" 2>&1 &
pids+=($!)

echo "==> Starting Keycloak on http://localhost:8080 (log: $local_dir/keycloak.log)"
# SMS codes (direct login's second factor) go to the outbox file, never to a real gateway.
# Metrics at http://localhost:9000/metrics: our bd_* meters and Keycloak's user-event meters.
bash "$kc_home/bin/kc.sh" start-dev --import-realm --http-port=8080 --health-enabled=true --features=declarative-ui \
  --metrics-enabled=true --event-metrics-user-enabled=true --event-metrics-user-tags=realm,idp \
  --spi-sms-sender--provider-default=outbox --spi-sms-sender--outbox--dir="$local_dir/sms-outbox" \
  > "$local_dir/keycloak.log" 2>&1 &
pids+=($!)

until curl -fs http://localhost:9000/health/ready >/dev/null 2>&1; do
  if ! kill -0 "${pids[-1]}" 2>/dev/null; then echo "Keycloak stopped; see $local_dir/keycloak.log" >&2; tail -30 "$local_dir/keycloak.log" >&2; exit 1; fi
  sleep 2
done

cat <<INFO

  Admin console : http://localhost:8080/admin/   (user ${KC_BOOTSTRAP_ADMIN_USERNAME}, password ${KC_BOOTSTRAP_ADMIN_PASSWORD})
  Realm         : http://localhost:8080/realms/binhduong
  Account page  : http://localhost:8080/realms/binhduong/account
  OIDC discovery: http://localhost:8080/realms/binhduong/.well-known/openid-configuration
  Client secret of motcua is in $env_file
  DVCQG login   : "Cổng Dịch vụ công Quốc gia" on the realm's login page leads to the stand-in
                  (http://127.0.0.1:8099), where you pick one of the sample VNeID accounts
  Direct login  : switched on in the admin console, realm binhduong, Realm settings, tab "Direct login"
                  (http://localhost:8080/admin/master/console/#/binhduong/realm-settings/bd-direct-login)
                  or by PUT /admin/realms/binhduong/bd-direct-login (see the README)
  Metrics       : http://localhost:9000/metrics (bd_* and keycloak_user_events_total)
  SMS codes     : appended to $local_dir/sms-outbox/outbox.jsonl (direct login's second factor)

  Ctrl-C stops everything.
INFO
wait
