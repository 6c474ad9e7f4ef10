#!/usr/bin/env bash
# Prints a realm file with its ${VAR} and ${VAR:default} placeholders resolved from the environment, as Keycloak's
# start-up import does. The admin REST API (partial import, kcadm) does not resolve them, so a realm update goes
# through this first (README, "Applying realm updates"). A required variable that is not set stops the script with
# its name; Keycloak's own lower-case placeholders (${authBaseUrl}, ${client_account}) are left for Keycloak.
#
#   scripts/resolve-realm.sh [REALM_FILE] > binhduong-resolved.json
set -euo pipefail

realm=${1:-$(cd "$(dirname "$0")/.." && pwd)/realm-export/binhduong-realm.json}

perl -0777 -pe '
  sub value {
    my ($name, $default) = @_;
    my $v = exists $ENV{$name} ? $ENV{$name}
          : defined $default ? $default
          : die "resolve-realm: environment variable $name is not set\n";
    $v =~ s/(["\\])/\\$1/g;    # the value lands inside a JSON string
    return $v;
  }
  s/\$\{([A-Z][A-Z0-9_]*)(?::([^}]*))?\}/value($1, $2)/ge;
' "$realm"
