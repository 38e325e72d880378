#!/usr/bin/env bash
# Benchmark of `versus serve` (issue 7): the median time from saving one code file to its
# rebuilt pages being in the server's memory, ready to be served, on the repository's own site.
#
#   bench/serve-latency.sh                                   20 edits of content/smtp/421.yaml
#   bench/serve-latency.sh --edits 50 --file content/smtp-enhanced/X.2.2.yaml
#   bench/serve-latency.sh --field title                     edit the title instead of the description
#
# Options (passed to dev.versus.serve.ServeLatency): --file, --field description|title,
# --edits N (default 20), --warmup N (default 5, not counted), --source DIR (default: this repo).
#
# The sources are copied to a temporary folder first, so the repository's content is never
# edited. The server runs as `versus serve` does, watcher and quiet period (30 ms) included;
# each save waits for its build, then 150 ms, so no two saves share a build.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

mvn -q -B -DskipTests test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/serve-latency.classpath -Dmdep.includeScope=runtime
exec java -cp "target/test-classes:target/classes:$(cat target/serve-latency.classpath)" \
    dev.versus.serve.ServeLatency --source "$REPO" "$@"
