#!/usr/bin/env bash
# Installs the Debian 12 packages meldroute needs, only those missing. With --test also the browser for the
# browser tests and PostgreSQL 15 for the store's tests. Uses sudo when not root.
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config make libsqlite3-dev libsodium-dev libjemalloc-dev libstemmer-dev liboath-dev libqrencode-dev libboost1.81-dev nlohmann-json3-dev
          libkainjow-mustache-dev libcli11-dev libgtest-dev libbenchmark-dev zlib1g-dev libcairo2-dev libxlsxwriter-dev
          libtomlplusplus-dev libssl-dev libpq-dev)
if [[ "${1:-}" == "--test" ]]; then
    # postgresql-15: the throwaway cluster the PostgreSQL variants of the tests run against (tools/pg-cluster.sh).
    packages+=(chromium sqlite3 wrk curl poppler-utils postgresql-15 postgresql-client-15 python3)
fi
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
    exit 0
fi
echo "installing: ${missing[*]}"
sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
