#!/usr/bin/env bash
# Interleaved A/B timing of `versus build` for two revisions of Versus, on the repository's site.
#
#   bench/ab.sh REV_A REV_B         e.g. bench/ab.sh HEAD~1 HEAD, or bench/ab.sh main .
#   bench/ab.sh REV_A REV_B -- --offline     arguments after -- go to `versus build`
#
# A revision is anything `git rev-parse` takes, or `.` for the working tree as it is (uncommitted
# changes included). Each revision is checked out into a worktree of its own and packaged there
# (`mvn -q -DskipTests package`, which also records its class-data archive), then the two builds
# alternate A, B, A, B ... RUNS times each, every build into an empty folder (deleted outside the
# timing), run from its own worktree so that each reads its own content and templates and uses its
# own archive. Alternating matters on a shared machine: load from other tenants comes and goes over
# minutes, and changes the time of the same binary by 15 % or more; back-to-back series would
# credit it to whichever revision ran during the quiet stretch.
#
# Environment:
#   RUNS=11                   builds per revision (medians reported)
#   BENCH_DIR=/some/dir       where worktrees and outputs go (default: mktemp -d; use a tmpfs such
#                             as /dev/shm/ab to leave the disk out)
#   KEEP=1                    keep that folder (and the worktrees) afterwards
#
# Prints the median, minimum and maximum of wall and CPU time (user + system, /usr/bin/time) for
# each revision, the ratio B/A of the medians, and every run.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO"

usage() { echo "usage: [RUNS=11] [BENCH_DIR=dir] bench/ab.sh REV_A REV_B [-- build arguments]" >&2; exit 2; }
[ $# -ge 2 ] || usage
REV_A=$1; REV_B=$2; shift 2
if [ $# -gt 0 ]; then [ "$1" = "--" ] || usage; shift; fi
BUILD_ARGS=("$@")
RUNS=${RUNS:-11}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || usage
[ -x /usr/bin/time ] || { echo "bench/ab.sh needs /usr/bin/time (Debian: apt-get install time)" >&2; exit 2; }

if [ -n "${BENCH_DIR:-}" ]; then mkdir -p "$BENCH_DIR"; DIR=$(cd "$BENCH_DIR" && pwd); else DIR=$(mktemp -d); fi
WORKTREES=()
cleanup() {
    if [ -z "${KEEP:-}" ]; then
        for w in "${WORKTREES[@]}"; do git -C "$REPO" worktree remove --force "$w" >/dev/null 2>&1 || true; done
        rm -rf "$DIR/a" "$DIR/b" "$DIR/out" "$DIR/time"
        [ -n "${BENCH_DIR:-}" ] || rm -rf "$DIR"
    fi
}
trap cleanup EXIT

# Sets PREPARED to the folder a revision is built and run in (not run in a subshell: the
# worktrees it adds must be known to cleanup).
prepare() {
    local rev=$1 name=$2 where
    if [ "$rev" = "." ]; then
        where=$REPO
        echo "$name: the working tree ($(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' with uncommitted changes'))" >&2
    else
        local commit
        commit=$(git rev-parse --verify --quiet "$rev^{commit}") || { echo "not a revision: $rev" >&2; exit 2; }
        where="$DIR/$name"
        rm -rf "$where"
        git worktree add --detach --force "$where" "$commit" >/dev/null 2>&1
        WORKTREES+=("$where")
        echo "$name: $rev ($(git rev-parse --short "$commit"))" >&2
    fi
    (cd "$where" && mvn -q -DskipTests package >&2)
    [ -x "$where/target/versus" ] || { echo "$name: mvn package made no target/versus launcher" >&2; exit 1; }
    PREPARED=$where
}

prepare "$REV_A" a; A=$PREPARED
prepare "$REV_B" b; B=$PREPARED

declare -a WALL_A WALL_B CPU_A CPU_B
for ((i = 1; i <= RUNS; i++)); do
    for side in A B; do
        where=${!side}
        rm -rf "$DIR/out"
        (cd "$where" && /usr/bin/time -f "%e %U %S" -o "$DIR/time" target/versus build --out "$DIR/out" "${BUILD_ARGS[@]}" >/dev/null)
        read -r wall user sys < "$DIR/time"
        cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
        if [ $side = A ]; then WALL_A+=("$wall"); CPU_A+=("$cpu"); else WALL_B+=("$wall"); CPU_B+=("$cpu"); fi
        echo "run $i/$RUNS $side: wall $wall s, CPU $cpu s" >&2
    done
done
rm -rf "$DIR/out"

# median min max of the arguments
stats() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { printf "%s %s %s", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2), v[1], v[NR] }'; }
read -r wa wa_min wa_max <<<"$(stats "${WALL_A[@]}")"
read -r wb wb_min wb_max <<<"$(stats "${WALL_B[@]}")"
read -r ca ca_min ca_max <<<"$(stats "${CPU_A[@]}")"
read -r cb cb_min cb_max <<<"$(stats "${CPU_B[@]}")"

echo "versus build${BUILD_ARGS[*]:+ ${BUILD_ARGS[*]}} of the repository's site, $RUNS interleaved runs each; load average now $(cut -d' ' -f1-3 /proc/loadavg)"
echo "A $REV_A: wall median $wa s ($wa_min to $wa_max), CPU median $ca s ($ca_min to $ca_max)"
echo "B $REV_B: wall median $wb s ($wb_min to $wb_max), CPU median $cb s ($cb_min to $cb_max)"
awk -v wa="$wa" -v wb="$wb" -v ca="$ca" -v cb="$cb" 'BEGIN { printf "B/A: wall %.3f, CPU %.3f\n", wb / wa, cb / ca }'
echo "A wall: ${WALL_A[*]}"
echo "B wall: ${WALL_B[*]}"
echo "A CPU:  ${CPU_A[*]}"
echo "B CPU:  ${CPU_B[*]}"
