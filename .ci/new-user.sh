#!/usr/bin/env bash
# Issue 19's "Done when", as a new user meets it: in an empty folder far from this repository,
# with only the unzipped distribution (target/versus-<version>.zip, made by `mvn package`) reached
# through a symbolic link on PATH. The Java end-to-end test (NewUserEndToEndTest) runs the launcher
# against the test classpath, before `package` exists; this runs the real archive.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
zip=$(ls "$repo"/target/versus-*.zip | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "new-user: $*" >&2; exit 1; }

cd "$work"
unzip -q "$zip" -d opt
mkdir bin
ln -s "$work"/opt/versus-*/bin/versus bin/versus
export PATH="$work/bin:$(dirname "$(command -v java)"):/usr/bin:/bin"

versus --version
versus new site s
cd s
versus build
grep -q '<title>' public/en/index.html || fail "no <title> on the English home page"
# The site's own title, from its own site.yaml, on its pages.
title=$(sed -n 's/^title: *//p' content/site.yaml | tr -d "\"'")
[ -n "$title" ] || fail "content/site.yaml has no title"
grep -qF "$title" public/en/index.html || fail "the home page does not carry the site's title '$title'"
# Only what is published: no hidden file, no build record inside the output.
hidden=$(find public -name '.*')
[ -z "$hidden" ] || fail "files not meant to be published: $hidden"
# The first build recorded the class-data archive beside the jar.
ls "$work"/opt/versus-*/lib/versus.jsa >/dev/null || fail "no class-data archive after the first build"
versus check --strict
# Under a sub-path, no robots.txt (no crawler reads it there).
versus build --base-url https://example.com/docs/errors/ --out sub
[ ! -e sub/robots.txt ] || fail "robots.txt written under a sub-path base URL"
hidden=$(find sub -name '.*')
[ -z "$hidden" ] || fail "files not meant to be published under a sub-path: $hidden"
# From another folder, through the link, with the source named.
cd "$work"
versus build --source s --out elsewhere
test -f elsewhere/en/index.html || fail "build from another folder made no home page"
echo "new-user: the unzipped distribution works through a symbolic link"
