#!/usr/bin/env bash
# Benchmark of `versus build` on synthetic sites (issue 8).
#
#   bench/run.sh              N = 25, 100 and 300 codes, then the repository's own site
#   bench/run.sh 25 100       only these sizes
#   bench/run.sh repo         only the repository's own site (content/, both families and languages)
#
# Environment:
#   RUNS=5                    timed runs per measurement (median reported; at least 1)
#   LAUNCHER=cmd              command that runs Versus; default target/versus (the launcher `mvn package`
#                             makes: C1 only, AppCDS archive, capped heap), or `java -jar target/versus.jar`
#                             if there is no launcher
#   BENCH_DIR=/some/dir       where sites and outputs go (default: a new folder from mktemp -d)
#   KEEP=1                    keep that folder afterwards
#   BENCH_NO_GNU_TIME=1       use the fallback timer even if /usr/bin/time exists (to test it)
#   SERVE=0                   skip the incremental figure (bench/serve-latency.sh)
#   SERVE_EDITS=20            saves timed per size for the incremental figure
#
# For each N: writes a site with bench/gen-site.py, then times with /usr/bin/time (wall, CPU,
# peak RSS):
#   - `build` into a fresh output folder, RUNS times (the folder is deleted between runs,
#     outside the timed part);
#   - `build` again into the existing output, RUNS times ("rebuild unchanged");
#   - `cp -r OUT OUT2` of the same output, RUNS times: the floor, the cost of just writing the
#     files;
#   - the incremental figure: bench/serve-latency.sh (issue 7) on the same site, the median time
#     from saving one code file (the description of a code of class 4, or the first code) to its
#     rebuilt pages in `versus serve`'s memory. It runs the classes that Maven compiles from this
#     working tree, not LAUNCHER.
# Progress goes to stderr; the Markdown table goes to stdout at the end.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(25 100 300 repo)
RUNS=${RUNS:-5}
for n in "${SIZES[@]}" "$RUNS"; do
    [[ $n =~ ^[1-9][0-9]*$ || ( $n == repo && $n != "$RUNS" ) ]] || {
        echo "usage: [RUNS=5] [LAUNCHER=cmd] bench/run.sh [N|repo ...]  (N: number of codes, >= 2; repo: this repository's site)" >&2; exit 2; }
done

log() { echo "$*" >&2; }

# Hugo 0.111 on these machines (issue 8): codes -> "pages wall_s cpu_s rss_mib".
declare -A HUGO=([25]="653 0.44 0.75 70" [100]="10103 4.84 8.68 323" [300]="90303 45.4 83.8 2481")

# --- what runs Versus ---------------------------------------------------------------------------
if [ -z "${LAUNCHER:-}" ] && [ -x target/versus ] && [ -f target/versus.jar ]; then
    # Timed in place: its class-data archive is only valid next to the jar it was made from.
    LAUNCHER="$REPO/target/versus"
fi
if [ -n "${LAUNCHER:-}" ]; then
    read -ra VERSUS <<<"$LAUNCHER"
    VERSUS_DESC="LAUNCHER=$LAUNCHER"
else
    if [ ! -f target/versus.jar ]; then
        log "target/versus.jar is missing: mvn -q -DskipTests package"
        mvn -q -DskipTests package
    fi
    VERSUS=()  # set below, once the work folder exists
fi

WORK=${BENCH_DIR:-}
if [ -z "$WORK" ]; then
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/versus-bench.XXXXXX")
else
    mkdir -p "$WORK"
fi
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT

if [ ${#VERSUS[@]} -eq 0 ]; then
    # Other developers rebuild target/ while a long benchmark runs: time one fixed copy of the jar.
    cp target/versus.jar "$WORK/versus.jar"
    VERSUS=(java -jar "$WORK/versus.jar")
    VERSUS_DESC="java -jar target/versus.jar (copy of $(date -r target/versus.jar '+%F %T'), $(sha256sum target/versus.jar | cut -c1-12))"
fi

# --- timing -------------------------------------------------------------------------------------
# How noisy the machine is: the kernel's CPU pressure counter (microseconds during which some
# runnable task waited for a CPU), or "-" without /proc/pressure.
cpu_stall() { awk '/^some/ { sub("total=", "", $5); print $5 }' /proc/pressure/cpu 2>/dev/null || echo "-"; }

# timed RESULTS CMD...: runs CMD and appends "wall_s peak_rss_kib cpu_s stall_%" to RESULTS, where
# stall_% is the share of the wall time during which some task on the machine waited for a CPU.
# CMD's stdout/stderr go to $WORK/cmd.out and $WORK/cmd.err; a failure stops the benchmark.
if [ -x /usr/bin/time ] && [ -z "${BENCH_NO_GNU_TIME:-}" ]; then
    timed() {
        local results=$1; shift
        local rc=0
        local stall0; stall0=$(cpu_stall)
        /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" >"$WORK/cmd.out" 2>"$WORK/cmd.err" || rc=$?
        check_rc $rc "$@"
        tail -n 1 "$WORK/time.txt" | awk -v s0="$stall0" -v s1="$(cpu_stall)" \
            '{ printf "%s %s %.2f %s\n", $1, $2, $3 + $4, (s0 == "-" || $1 == 0) ? "-" : sprintf("%.0f", ((s1 - s0) / 1e4 / $1 > 100) ? 100 : (s1 - s0) / 1e4 / $1) }' >>"$results"
    }
    TIMER="/usr/bin/time"
else
    # Fallback: bash's `time` for wall and CPU; peak RSS is the child's VmHWM sampled from /proc
    # every 20 ms, so it can miss a peak in the last few milliseconds.
    timed() {
        local results=$1; shift
        local rc=0 hwm=0 t pid
        local TIMEFORMAT='%R %U %S'
        local stall0; stall0=$(cpu_stall)
        { time { "$@" >"$WORK/cmd.out" 2>"$WORK/cmd.err" & pid=$!
                 while kill -0 "$pid" 2>/dev/null; do
                     t=$(awk '/^VmHWM/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
                     [ -n "$t" ] && [ "$t" -gt "$hwm" ] && hwm=$t
                     sleep 0.02
                 done
                 wait "$pid" || rc=$?; } ; } 2>"$WORK/time.txt"
        check_rc $rc "$@"
        tail -n 1 "$WORK/time.txt" | awk -v m="$hwm" -v s0="$stall0" -v s1="$(cpu_stall)" \
            '{ printf "%s %s %.2f %s\n", $1, m, $2 + $3, (s0 == "-" || $1 == 0) ? "-" : sprintf("%.0f", ((s1 - s0) / 1e4 / $1 > 100) ? 100 : (s1 - s0) / 1e4 / $1) }' >>"$results"
    }
    TIMER="bash time + /proc VmHWM sampling (no /usr/bin/time)"
fi

check_rc() {
    local rc=$1; shift
    if [ "$rc" -ne 0 ]; then
        log "FAILED (exit $rc): $*"
        log "--- stdout"; cat "$WORK/cmd.out" >&2
        log "--- stderr"; cat "$WORK/cmd.err" >&2
        exit 1
    fi
}

# median FILE COLUMN: median of one column (1 wall, 2 peak RSS KiB, 3 CPU, 4 CPU stall %).
median() {
    awk -v c="$2" '$c != "-" { print $c }' "$1" | sort -g | awk '{ v[NR] = $1 }
        END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# drop OUT: delete a folder and flush the page cache's dirty pages, so the next timed run does not
# pay for the previous one's writes.
drop() { rm -rf "$@"; sync; }

# --- header -------------------------------------------------------------------------------------
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "?")
MEM=$(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || echo "?")
JAVA=$(java -version 2>&1 | head -n 1)
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "?")
[ -z "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ] || COMMIT="$COMMIT (with uncommitted changes)"
log "versus bench: sizes ${SIZES[*]}, $RUNS runs each, work folder $WORK"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

ROWS=()
NOTES=()
for n in "${SIZES[@]}"; do
    site="$WORK/site-$n" out="$WORK/out-$n" copy="$WORK/copy-$n" family=bench
    rm -rf "$out" "$copy"
    if [ "$n" = repo ]; then
        site="$REPO" family=smtp   # the repository's own content, read in place and never written
    else
        rm -rf "$site"
        python3 "$REPO/bench/gen-site.py" "$n" "$site" >&2
    fi
    fresh="$WORK/fresh-$n.txt" rebuild="$WORK/rebuild-$n.txt" floor="$WORK/cp-$n.txt"
    : >"$fresh"; : >"$rebuild"; : >"$floor"

    for ((i = 1; i <= RUNS; i++)); do
        drop "$out"
        timed "$fresh" "${VERSUS[@]}" build --source "$site" --out "$out"
        log "N=$n fresh build $i/$RUNS: $(tail -n 1 "$fresh")   ($(tail -n 1 "$WORK/cmd.out"))"
    done
    cp "$WORK/cmd.out" "$WORK/build-$n.out"
    for ((i = 1; i <= RUNS; i++)); do
        sync
        timed "$rebuild" "${VERSUS[@]}" build --source "$site" --out "$out"
        log "N=$n rebuild unchanged $i/$RUNS: $(tail -n 1 "$rebuild")   ($(tail -n 1 "$WORK/cmd.out"))"
    done
    for ((i = 1; i <= RUNS; i++)); do
        drop "$copy"
        timed "$floor" cp -r "$out" "$copy"
        log "N=$n cp -r $i/$RUNS: $(tail -n 1 "$floor")"
    done
    drop "$copy"

    # Pages as Versus counts them ("Built 654 pages (en 327, ja 327), ..."); files as found.
    pages=$(grep -o 'Built [0-9]* pages' "$WORK/build-$n.out" | grep -o '[0-9]*' || true)
    files=$(find "$out" -type f -not -name '.*' | wc -l)
    [ -n "$pages" ] || pages=$(find "$out" -name index.html -size +1k | wc -l)
    bytes=$(du -sm "$out" | cut -f1)
    pair_en=$(find "$out/en" -path '*-vs-*' -name index.html -size +1k -printf '%s\n' | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 1024 }')
    pair_ja=$(find "$out/ja" -path '*-vs-*' -name index.html -size +1k -printf '%s\n' | sort -n | awk '{ v[NR] = $1 } END { printf "%.1f", v[int((NR + 1) / 2)] / 1024 }')

    wall=$(median "$fresh" 1) cpu=$(median "$fresh" 3) rss=$(median "$fresh" 2)
    rss_max=$(sort -n -k2 "$fresh" | tail -n 1 | cut -d' ' -f2)
    re_wall=$(median "$rebuild" 1) cp_wall=$(median "$floor" 1)
    pps=$(awk -v p="$pages" -v w="$wall" 'BEGIN { printf "%d", (w > 0 ? p / w : 0) }')
    ratio=$(awk -v a="$wall" -v b="$cp_wall" 'BEGIN { if (b > 0) printf "%.1f×", a / b; else print "—" }')
    if [ -n "${HUGO[$n]:-}" ]; then
        read -r h_pages h_wall h_cpu h_rss <<<"${HUGO[$n]}"
        hugo="$h_wall s, $h_rss MiB ($h_pages pages)"
        vs=$(awk -v h="$h_wall" -v v="$wall" 'BEGIN { printf "%.2f", h / v }')
    else
        hugo="—" vs="—"
    fi
    [ "$n" != repo ] || NOTES+=("- repo: the repository's own site (both families, both languages); issue 8 asks for under 1.5 s median, JVM start included.")
    # The incremental figure, with the tool that comes with `versus serve` (issue 7).
    serve="—"
    if [ "${SERVE:-1}" = 1 ] && [ -x "$REPO/bench/serve-latency.sh" ]; then
        edited=$(cd "$site/content/$family" && ls | grep -E '^4[0-9]*\.yaml$' | head -n 1 || true)
        [ -n "$edited" ] || edited=$(cd "$site/content/$family" && ls | grep -E '^[0-9]+\.yaml$' | head -n 1)
        log "N=$n incremental: bench/serve-latency.sh --file content/$family/$edited --edits ${SERVE_EDITS:-20}"
        if "$REPO/bench/serve-latency.sh" --source "$site" --file "content/$family/$edited" --edits "${SERVE_EDITS:-20}" \
                >"$WORK/serve-$n.txt" 2>&1; then
            serve=$(awk '$1 == "median" && $3 == "ms" { print $2; exit }' "$WORK/serve-$n.txt")
            serve_pages=$(grep -o '[0-9]* pages rendered per save' "$WORK/serve-$n.txt" | grep -o '^[0-9]*' || true)
            log "N=$n incremental: median ${serve:-?} ms, ${serve_pages:-?} pages rendered per save"
            NOTES+=("- N=$n incremental: save of content/$family/$edited (description) → ${serve_pages:-?} pages rebuilt in serve's memory: $(grep -E '^(median|medians of|CPU time per save)' "$WORK/serve-$n.txt" | tr '\n' ' ')")
        else
            serve="failed"
            log "N=$n incremental: bench/serve-latency.sh failed:"; tail -n 20 "$WORK/serve-$n.txt" >&2
            NOTES+=("- N=$n incremental: bench/serve-latency.sh failed: $(tail -n 3 "$WORK/serve-$n.txt" | tr '\n' ' ')")
        fi
    fi
    ROWS+=("| $n | $pages | $files | $wall | $cpu | $pps | $(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }') | $re_wall | $cp_wall | $ratio | $serve | $hugo | $vs |")
    stall=$(median "$fresh" 4)
    NOTES+=("- N=$n: CPU pressure during the fresh builds ${stall:-?} % (median; share of the wall time during which some task, the build's own threads included, waited for a CPU); output $bytes MB, median pair page $pair_en KB (en) / $pair_ja KB (ja); peak RSS of the worst run $(awk -v k="$rss_max" 'BEGIN { printf "%.0f", k / 1024 }') MiB; runs (wall s, RSS KiB, CPU s, CPU pressure %): fresh [$(paste -sd, "$fresh" | sed 's/,/; /g')], rebuild [$(paste -sd, "$rebuild" | sed 's/,/; /g')], cp -r [$(paste -sd, "$floor" | sed 's/,/; /g')]")
    drop "$out"
    [ "$n" = repo ] || rm -rf "$site"
done

if [ "${SERVE:-1}" != 1 ]; then
    SERVE_NOTE="skipped (SERVE=0)"
elif [ ! -x "$REPO/bench/serve-latency.sh" ]; then
    SERVE_NOTE="not measured: bench/serve-latency.sh (issue 7) is missing"
else
    SERVE_NOTE="median time from saving one code file to its rebuilt pages in \`versus serve\`'s memory, in ms (bench/serve-latency.sh, ${SERVE_EDITS:-20} saves; classes compiled from the working tree)"
fi

cat <<EOF

## versus build: synthetic sites, median of $RUNS runs

Machine: $(nproc) cores ($CPU_MODEL), $MEM RAM, shared with other work; load average at end $(cut -d' ' -f1-3 /proc/loadavg).
Versus: $VERSUS_DESC; working tree at $COMMIT; $JAVA.
Timer: $TIMER. Wall and CPU (user + system) in seconds; peak RSS is the median of the runs' maxima.

| codes | pages | files | median wall (s) | median CPU (s) | pages/s | peak RSS (MiB) | rebuild unchanged (s) | cp -r floor (s) | ratio to floor | incremental (ms) | Hugo 0.111 (issue 8) | Hugo/Versus |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
EOF
printf '%s\n' "${ROWS[@]}"
cat <<EOF

- pages: as counted by \`versus build\` (code, comparison, family and home pages of both locales);
  files: everything in the output, redirects and assets included. Hugo's page counts are for the
  same site without redirect pages.
- ratio to floor: Versus's median wall time over the median time of \`cp -r\` of the same output.
- Hugo/Versus: Hugo's median wall time over Versus's; issue 8 asks for at least 2 from 100 codes up.
- incremental: $SERVE_NOTE.
EOF
printf '%s\n' "${NOTES[@]}"
