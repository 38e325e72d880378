#!/usr/bin/env bash
# Side-by-side benchmark of `versus build` and Hugo on one synthetic dataset (issue 14).
#
#   bench/run.sh              N = 100 and 300 codes (Versus and Hugo), then the repository's site
#   bench/run.sh 25 100       only these sizes
#   bench/run.sh repo         only the repository's own site (Versus only: Hugo has no such site)
#
# See bench/README.md. Environment:
#   RUNS=5                    interleaved pairs per size: Versus, Hugo, Versus, Hugo ... (medians)
#   LAUNCHER=cmd              command that runs Versus; default target/versus (the launcher `mvn
#                             package` makes), or `java -jar` on a copy of target/versus.jar
#   HUGO=cmd                  command that runs Hugo; default hugo (Debian's package, installed
#                             with apt-get when missing)
#   BENCH_DIR=/some/dir       where sites and outputs go (default: mktemp -d; a tmpfs such as
#                             /dev/shm/bench leaves the disk out)
#   KEEP=1                    keep that folder afterwards
#   FLOOR=1                   also time a Versus rebuild into the existing output and `cp -r` of
#                             the output (the cost of writing the files), RUNS times each
#   SERVE=1                   also the incremental figure (bench/serve-latency.sh, issue 7: the
#                             median time from saving a code file to its rebuilt pages in `versus
#                             serve`'s memory; SERVE_EDITS=20 saves; runs the classes Maven
#                             compiles from the working tree, not LAUNCHER)
#
# For each N, bench/make_site.py writes the dataset as a Versus project and as a Hugo site with
# the same pages; each build goes into an empty folder (deleted outside the timing) and is timed
# with /usr/bin/time (wall, user + system CPU, peak RSS). The load average is recorded before
# every build. Before timing, the script checks that Hugo rendered every page Versus did (same
# addresses) and that one pair page and one code page have the same heading in both.
# Progress and every run go to stderr; the Markdown table goes to stdout at the end.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 300 repo)
RUNS=${RUNS:-5}
usage() {
    echo "usage: [RUNS=5] [LAUNCHER=cmd] [HUGO=cmd] [BENCH_DIR=dir] bench/run.sh [N|repo ...]  (N: codes, 2 to 400)" >&2
    exit 2
}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || usage
for n in "${SIZES[@]}"; do
    [[ $n == repo || ( $n =~ ^[1-9][0-9]*$ && $n -ge 2 && $n -le 400 ) ]] || usage
done

log() { echo "$*" >&2; }
load() { cut -d' ' -f1 /proc/loadavg; }

# --- tools --------------------------------------------------------------------------------------
[ -x /usr/bin/time ] || { log "bench/run.sh needs /usr/bin/time (Debian: apt-get install time)"; exit 2; }
command -v python3 >/dev/null || { log "bench/run.sh needs python3"; exit 2; }

need_hugo=0
for n in "${SIZES[@]}"; do [ "$n" = repo ] || need_hugo=1; done
if [ $need_hugo = 1 ]; then
    if [ -n "${HUGO:-}" ]; then
        read -ra HUGO_CMD <<<"$HUGO"
    else
        if ! command -v hugo >/dev/null; then
            log "hugo is missing: installing Debian's package"
            if [ "$(id -u)" = 0 ]; then SUDO=(); else SUDO=(sudo); fi
            "${SUDO[@]}" apt-get install -y hugo >&2 || { "${SUDO[@]}" apt-get update >&2 && "${SUDO[@]}" apt-get install -y hugo >&2; }
        fi
        HUGO_CMD=(hugo)
    fi
    HUGO_VERSION=$("${HUGO_CMD[@]}" version | head -n 1)
fi

if [ -z "${LAUNCHER:-}" ] && [ -x target/versus ] && [ -f target/versus.jar ]; then
    # Timed in place: its class-data archive is only valid next to the jar it was made from.
    LAUNCHER="$REPO/target/versus"
fi

WORK=${BENCH_DIR:-}
if [ -z "$WORK" ]; then WORK=$(mktemp -d "${TMPDIR:-/tmp}/versus-bench.XXXXXX"); else mkdir -p "$WORK"; WORK=$(cd "$WORK" && pwd); fi
cleanup() { [ "${KEEP:-0}" = 1 ] || rm -rf "$WORK"; }
trap cleanup EXIT

if [ -n "${LAUNCHER:-}" ]; then
    read -ra VERSUS <<<"$LAUNCHER"
    VERSUS_DESC="$LAUNCHER"
else
    [ -f target/versus.jar ] || { log "target/versus.jar is missing: mvn -q -DskipTests package"; mvn -q -DskipTests package; }
    # Other developers may rebuild target/ while a long benchmark runs: time one fixed copy.
    cp target/versus.jar "$WORK/versus.jar"
    VERSUS=(java -jar "$WORK/versus.jar")
    VERSUS_DESC="java -jar target/versus.jar"
fi

# --- timing -------------------------------------------------------------------------------------
# timed RESULTS DIR CMD...: runs CMD in DIR and appends "wall_s peak_rss_kib cpu_s load" to
# RESULTS (load: the 1-minute load average just before). Output goes to $WORK/cmd.out and
# $WORK/cmd.err; a failure stops the benchmark.
timed() {
    local results=$1 dir=$2; shift 2
    local rc=0 before
    before=$(load)
    (cd "$dir" && /usr/bin/time -f '%e %M %U %S' -o "$WORK/time.txt" "$@" >"$WORK/cmd.out" 2>"$WORK/cmd.err") || rc=$?
    if [ $rc -ne 0 ]; then
        log "FAILED (exit $rc) in $dir: $*"
        log "--- stdout"; cat "$WORK/cmd.out" >&2
        log "--- stderr"; cat "$WORK/cmd.err" >&2
        exit 1
    fi
    tail -n 1 "$WORK/time.txt" | awk -v l="$before" '{ printf "%s %s %.2f %s\n", $1, $2, $3 + $4, l }' >>"$results"
}

# median FILE COLUMN, max FILE COLUMN, min FILE COLUMN (1 wall, 2 peak RSS KiB, 3 CPU, 4 load)
median() {
    awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
max() { awk -v c="$2" '{ print $c }' "$1" | sort -g | tail -n 1; }
min() { awk -v c="$2" '{ print $c }' "$1" | sort -g | head -n 1; }
h1() { grep -o -m 1 '<h1[^>]*>.*</h1>' "$1" | sed 's/<[^>]*>//g'; }   # a page's heading, as text
mib() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
last() { tail -n 1 "$1" | awk '{ printf "wall %s s, CPU %s s, %.0f MiB, load %s", $1, $3, $2 / 1024, $4 }'; }

# --- header -------------------------------------------------------------------------------------
CPU_MODEL=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || echo "?")
JAVA=$(java -version 2>&1 | head -n 1)
COMMIT=$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo "?")
[ -z "$(git -C "$REPO" status --porcelain --untracked-files=no 2>/dev/null)" ] || COMMIT="$COMMIT (with uncommitted changes)"
FS=$(df -T "$WORK" | awk 'NR == 2 { print $2 }')
log "versus bench: sizes ${SIZES[*]}, $RUNS runs each, work folder $WORK ($FS)"
log "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

ROWS=()
NOTES=()
for n in "${SIZES[@]}"; do
    vout="$WORK/out-versus-$n" hout="$WORK/out-hugo-$n"
    rm -rf "$vout" "$hout"
    vres="$WORK/versus-$n.txt" hres="$WORK/hugo-$n.txt"
    : >"$vres"; : >"$hres"
    if [ "$n" = repo ]; then
        vsite="$REPO"   # the repository's own content, read in place and never written
        hsite=""
    else
        rm -rf "$WORK/site-$n"
        python3 "$REPO/bench/make_site.py" "$n" "$WORK/site-$n" --project "$REPO" >&2
        vsite="$WORK/site-$n/versus" hsite="$WORK/site-$n/hugo"
    fi

    for ((i = 1; i <= RUNS; i++)); do
        rm -rf "$vout"
        timed "$vres" "$vsite" "${VERSUS[@]}" build --out "$vout"
        log "N=$n versus $i/$RUNS: $(last "$vres")   ($(tail -n 1 "$WORK/cmd.out"))"
        [ $i -gt 1 ] || cp "$WORK/cmd.out" "$WORK/versus-$n.out"
        if [ -n "$hsite" ]; then
            rm -rf "$hout"
            timed "$hres" "$hsite" "${HUGO_CMD[@]}" --quiet --destination "$hout"
            log "N=$n hugo   $i/$RUNS: $(last "$hres")"
        fi
        if [ $i = 1 ] && [ -n "$hsite" ]; then
            # Same pages: every address Hugo wrote, Versus wrote too (Versus adds its family
            # index, b-vs-a redirects and data files); the same heading on a pair and a code page.
            (cd "$hout" && find . -name index.html | sort) >"$WORK/pages-hugo"
            (cd "$vout" && find . -name index.html | sort) >"$WORK/pages-versus"
            missing=$(comm -23 "$WORK/pages-hugo" "$WORK/pages-versus" | wc -l)
            [ "$missing" = 0 ] || { log "Hugo wrote $missing pages that Versus did not, e.g. $(comm -23 "$WORK/pages-hugo" "$WORK/pages-versus" | head -n 3 | tr '\n' ' ')"; exit 1; }
            pair=$(grep -m 1 -- '-vs-' "$WORK/pages-hugo")
            code=$(grep -m 1 -E '/smtp/[0-9]+/index.html' "$WORK/pages-hugo")
            for page in "$pair" "$code" "${code/.\/en\//./ja/}"; do
                h=$(h1 "$hout/$page") v=$(h1 "$vout/$page")
                [ -n "$h" ] && [ "$h" = "$v" ] || { log "$page: Hugo's heading '$h', Versus's '$v'"; exit 1; }
            done
            log "N=$n same pages: Hugo $(wc -l <"$WORK/pages-hugo") index.html, all also written by Versus ($(wc -l <"$WORK/pages-versus") with its redirects); same heading on $pair, $code and the Japanese code page"
        fi
    done

    if [ "${FLOOR:-0}" = 1 ]; then
        reb="$WORK/rebuild-$n.txt" cpr="$WORK/cp-$n.txt"; : >"$reb"; : >"$cpr"
        for ((i = 1; i <= RUNS; i++)); do
            timed "$reb" "$vsite" "${VERSUS[@]}" build --out "$vout"
            log "N=$n versus rebuild unchanged $i/$RUNS: $(last "$reb")"
            rm -rf "$WORK/copy"
            timed "$cpr" "$WORK" cp -r "$vout" "$WORK/copy"
            log "N=$n cp -r $i/$RUNS: $(last "$cpr")"
        done
        rm -rf "$WORK/copy"
        NOTES+=("N=$n: rebuild unchanged $(median "$reb" 1) s, cp -r of the output $(median "$cpr" 1) s (medians)")
    fi
    if [ "${SERVE:-0}" = 1 ]; then
        edited=$(cd "$vsite/content/smtp" && ls | grep -E '^4[0-9]*\.yaml$' | head -n 1)
        log "N=$n incremental: bench/serve-latency.sh --file content/smtp/$edited --edits ${SERVE_EDITS:-20}"
        if "$REPO/bench/serve-latency.sh" --source "$vsite" --file "content/smtp/$edited" --edits "${SERVE_EDITS:-20}" \
                >"$WORK/serve-$n.txt" 2>&1; then
            NOTES+=("N=$n incremental: save of content/smtp/$edited (description) to its rebuilt pages in serve's memory: $(grep -E '^(median|medians of|CPU time per save)' "$WORK/serve-$n.txt" | tr '\n' ' ')")
        else
            log "N=$n incremental: bench/serve-latency.sh failed:"; tail -n 20 "$WORK/serve-$n.txt" >&2
            NOTES+=("N=$n incremental: bench/serve-latency.sh failed")
        fi
    fi

    pages=$(grep -o 'Built [0-9]* pages' "$WORK/versus-$n.out" | grep -o '[0-9]*' || echo "?")
    v_wall=$(median "$vres" 1) v_cpu=$(median "$vres" 3)
    v_rss="$(mib "$(median "$vres" 2)") ($(mib "$(max "$vres" 2)"))"
    loads=$(cat "$vres" "$hres" | awk '{ print $4 }' | sort -g | awk 'NR == 1 { a = $1 } { b = $1 } END { print (a == b ? a : a " to " b) }')
    if [ -n "$hsite" ]; then
        h_wall=$(median "$hres" 1) h_cpu=$(median "$hres" 3)
        h_rss="$(mib "$(median "$hres" 2)") ($(mib "$(max "$hres" 2)"))"
        h_pages=$(($(wc -l <"$WORK/pages-hugo") - 1))   # without its redirect /index.html
        ratios=$(awk -v v="$v_wall" -v h="$h_wall" 'BEGIN { printf "%.2f | %.2f", v / h, h / v }')
        cpu_ratio=$(awk -v v="$v_cpu" -v h="$h_cpu" 'BEGIN { printf "%.2f", v / h }')
        ROWS+=("| $n | $pages | $h_pages | $v_wall ($(min "$vres" 1) to $(max "$vres" 1)) | $h_wall ($(min "$hres" 1) to $(max "$hres" 1)) | $ratios | $v_cpu | $h_cpu | $cpu_ratio | $v_rss | $h_rss | $loads |")
    else
        ROWS+=("| $n | $pages | — | $v_wall ($(min "$vres" 1) to $(max "$vres" 1)) | — | — | — | $v_cpu | — | — | $v_rss | — | $loads |")
    fi
    rm -rf "$vout" "$hout"
done

# --- report -------------------------------------------------------------------------------------
echo
echo "Versus at $COMMIT ($VERSUS_DESC); ${HUGO_VERSION:-Hugo not run}"
echo "$CPU_MODEL, $(nproc) cores; $JAVA; output on $FS; $RUNS interleaved pairs (Versus, Hugo, ...) per size"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| codes | Versus pages | Hugo pages | Versus wall (s), median (range) | Hugo wall (s) | Versus/Hugo | Hugo/Versus | Versus CPU (s) | Hugo CPU (s) | Versus/Hugo CPU | Versus peak RSS (MiB), median (max) | Hugo peak RSS (MiB) | load average |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${ROWS[@]}"
for note in "${NOTES[@]+"${NOTES[@]}"}"; do echo "$note"; done
echo
echo "Every run (wall s, peak RSS KiB, CPU s, load average before it):"
for n in "${SIZES[@]}"; do
    echo "N=$n versus: $(paste -sd';' "$WORK/versus-$n.txt" | sed 's/;/; /g')"
    [ ! -s "$WORK/hugo-$n.txt" ] || echo "N=$n hugo:   $(paste -sd';' "$WORK/hugo-$n.txt" | sed 's/;/; /g')"
done
