#!/usr/bin/env bash
# Installs Debian's PostgreSQL 15 server binaries for the tests of the shared index
# (test/unit/store.test.ts starts a throwaway cluster of its own from them, on a Unix socket in a
# temporary folder, and stops it afterwards). Installs without creating or starting the package's
# default cluster: nothing is left running. Does nothing when the binaries are already there.
# Needs root (or sudo) and Debian's package archive; without them the tests skip with a message.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "PostgreSQL server binaries present: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else
    echo "install-postgres: not root and no sudo: the PostgreSQL tests will skip (install postgresql-15 to run them)" >&2
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null; then
  echo "install-postgres: no apt-get here: the PostgreSQL tests will skip (install PostgreSQL 15 and set PG_BIN to its bin folder)" >&2
  exit 0
fi
# The package would create and start a cluster on port 5432: the tests want none.
$SUDO mkdir -p /etc/postgresql-common
if [ ! -f /etc/postgresql-common/createcluster.conf ]; then
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
echo "installed: $(ls -d /usr/lib/postgresql/*/bin)"
