#!/usr/bin/env bash
# Installs the Debian packages that `npm test` drives for real, when they are missing:
#  - postgresql-15's server binaries: the tests of the shared index start a throwaway cluster of
#    their own from them (a Unix socket in a temporary folder, stopped afterwards). Installed
#    without creating or starting the package's default cluster: nothing is left running.
#  - neovim: the README's Neovim snippet is run against it (test/lsp/neovim.test.ts).
# Does nothing for what is already there. Needs root (or sudo) and Debian's package archive;
# without them the tests that need a package skip, saying so.
set -euo pipefail

want=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want+=(postgresql-15)
command -v nvim >/dev/null 2>&1 || want+=(neovim)
if [ ${#want[@]} -eq 0 ]; then
  echo "test packages present: $(ls -d /usr/lib/postgresql/*/bin | tr '\n' ' ')$(nvim --version | head -1)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo"; else
    echo "install-test-deps: not root and no sudo: the tests that need ${want[*]} will skip (install them to run those)" >&2
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null; then
  echo "install-test-deps: no apt-get here: the tests that need ${want[*]} will skip (PostgreSQL: set PG_BIN to its bin folder; Neovim: NVIM=/path/to/nvim)" >&2
  exit 0
fi
# The package would create and start a cluster on port 5432: the tests want none.
$SUDO mkdir -p /etc/postgresql-common
if [ ! -f /etc/postgresql-common/createcluster.conf ]; then
  echo "create_main_cluster = false" | $SUDO tee /etc/postgresql-common/createcluster.conf >/dev/null
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
echo "installed: ${want[*]}"
