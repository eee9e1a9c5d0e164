#!/usr/bin/env bash
# Fetches the pages' third-party assets once from the npm registry, checks
# each package against the SHA-256 pinned here, and copies the files the
# pages use, with their licences, into assets/vendor/ (axe-core, which only
# the browser tests load, into the tests' folder). The copies are committed:
# nothing is fetched at build or run time. Run it by hand to change a version.
set -euo pipefail
cd "$(dirname "$0")"

# Each line: name, version, SHA-256 of the package's tarball, then
# path-in-package:destination pairs (destinations relative to this folder).
packages=(
  "htmx.org 2.0.11 165a2655073e9e6e55e307a7c74e8ebcdb76afb7701f9c16cfd106a13add408e
   dist/htmx.min.js:assets/vendor/htmx-2.0.11.min.js LICENSE:assets/vendor/htmx.LICENSE"
  "leaflet 1.9.4 84c65a256e50657896f54c33bd857b6849ebe94c817803be818bf32a3dde0b77
   dist/leaflet.js:assets/vendor/leaflet-1.9.4.js
   dist/leaflet.css:assets/vendor/leaflet-1.9.4.css
   dist/images/marker-icon.png:assets/vendor/marker-icon.png
   dist/images/marker-icon-2x.png:assets/vendor/marker-icon-2x.png
   dist/images/marker-shadow.png:assets/vendor/marker-shadow.png
   LICENSE:assets/vendor/leaflet.LICENSE"
  "axe-core 4.14.1 e6b0ce02b84d892e2e33e403485e7f3d6c29e2be6df65daf44d89ba564139745
   axe.min.js:../../tests/browser/axe-4.14.1.min.js LICENSE:../../tests/browser/axe.LICENSE"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for entry in "${packages[@]}"; do
  # shellcheck disable=SC2086 # split the line into its words
  set -- $entry
  name=$1 version=$2 sum=$3
  shift 3
  (cd "$work" && npm pack "$name@$version" --silent >/dev/null)
  tarball="$work/$name-$version.tgz"
  echo "$sum  $tarball" | sha256sum --check --quiet \
    || { echo "error: $name $version does not have the pinned hash" >&2; exit 1; }
  mkdir -p "$work/$name"
  tar xzf "$tarball" -C "$work/$name"
  for pair in "$@"; do
    mkdir -p "$(dirname "${pair#*:}")"
    cp "$work/$name/package/${pair%%:*}" "${pair#*:}"
  done
  echo "$name $version"
done
