#!/usr/bin/env bash
# The paired performance figures of issue 15, reproducible from a fresh clone:
#
#   scripts/ratios.sh            # 1, 10 and 100 MB policies, 5 rounds
#   scripts/ratios.sh --quick    # 0.1, 1 and 10 MB, 3 rounds (a few minutes)
#   REPS=7 scripts/ratios.sh     # more rounds
#   BIN=path/to/policyc scripts/ratios.sh   # time that binary, build nothing
#
# Sizes A < B = 10 A < C = 10 B. Policies come from the generator of the benchmarks
# (benches/support/generator.rs, through `cargo bench --bench compile -- --write`);
# the "no findings" variant adds the opt-out channel whose absence the plain one is
# warned about. Each round runs every command once, one after the other, so that
# the commands compared (build and xmllint above all) see the same load; the
# figures are medians over the rounds, and a ratio is the median of the rounds'
# ratios. It prints the table of the issue:
#   - check throughput at B (and the no-findings variant),
#   - build at B against `xmllint --noout` of the policy.xml that build wrote,
#   - a seed's whole-process build (output on tmpfs) against xmllint of its policy.xml,
#   - time at 10x the input: check B -> C; build and diff A -> B,
#   - peak RSS / input size (GNU time) of check, build and fmt at B.
# Wall times include process start-up and writing the outputs. Needs cargo (unless
# BIN is set), xmllint and GNU time (/usr/bin/time); it installs nothing. No test
# runs this: the figures depend on the machine and on its load.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=0
for arg in "$@"; do
    case $arg in
    --quick) QUICK=1 ;;
    *)
        echo "usage: scripts/ratios.sh [--quick]" >&2
        exit 2
        ;;
    esac
done
if [ "$QUICK" = 1 ]; then
    A=0.1 B=1 C=10
    REPS=${REPS:-3}
else
    A=1 B=10 C=100
    REPS=${REPS:-5}
fi
SEED=${SEED:-policies/symphonycommerce.policy}

for tool in xmllint /usr/bin/time; do
    command -v "$tool" >/dev/null || {
        echo "ratios.sh needs $tool" >&2
        exit 2
    }
done

if [ -z "${BIN:-}" ]; then
    cargo build --release --quiet --bin policyc
    BIN=$PWD/target/release/policyc
fi
# The generated policies are far above the default input limit (8 MiB).
PC=("$BIN" --max-input-size 2000000000)
# Output on tmpfs where there is one, so that the disk is not what is measured.
tmp_root=/tmp
[ -d /dev/shm ] && [ -w /dev/shm ] && tmp_root=/dev/shm
work=$(mktemp -d "$tmp_root/policyc-ratios.XXXXXX")
trap 'rm -rf "$work"' EXIT

# run KEY COMMAND...: appends "microseconds peak-RSS-KiB" to $work/KEY.lst, with
# standard input from $work/stdin (empty unless a command reads it). Exit 0 and 1
# (findings, changes) are normal; anything else stops the script.
run() {
    local key=$1
    shift
    local t0 t1 rc=0
    t0=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/rss" "$@" <"$work/stdin" >/dev/null 2>"$work/err" || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" -gt 1 ]; then
        echo "ratios.sh: $key: $* exited $rc" >&2
        cat "$work/err" >&2
        exit 2
    fi
    # GNU time puts "Command exited with non-zero status 1" before the figure.
    echo "$(((t1 - t0) / 1000)) $(tail -n 1 "$work/rss")" >>"$work/$key.lst"
}
: >"$work/stdin"

# median COLUMN KEY: the median of one column of $work/KEY.lst.
median() {
    cut -d' ' -f"$1" "$work/$2.lst" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}
# paired A B: the median over the rounds of time(A) / time(B).
paired() {
    paste -d' ' "$work/$1.lst" "$work/$2.lst" | awk '{print $1 / $3}' | sort -g |
        awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}
# size FILE: bytes.
size() { wc -c <"$1" | tr -d ' '; }

# generate MB FILE [--quiet]: a generated policy of about MB megabytes.
generate() {
    local bytes
    bytes=$(awk -v mb="$1" 'BEGIN {printf "%d", mb * 1000000}')
    cargo bench --quiet --bench compile -- --write "$bytes" "$2" ${3:+"$3"} >/dev/null
}

echo "generating policies of $A, $B and $C MB..." >&2
for mb in $A $B; do
    generate "$mb" "$work/p$mb.policy"
    # The changed version for diff: one more purpose in the first statement.
    sed '0,/for current, contact opt-in, develop/s//for current, contact opt-in, develop, admin/' \
        "$work/p$mb.policy" >"$work/q$mb.policy"
done
generate "$C" "$work/p$C.policy"
generate "$B" "$work/clean$B.policy" --no-findings
if "${PC[@]}" check "$work/clean$B.policy" >/dev/null 2>"$work/err"; then
    :
else
    echo "ratios.sh: the no-findings policy has findings:" >&2
    head -n 20 "$work/err" >&2
    exit 2
fi

# The seed's P3P file, built once to find it.
"${PC[@]}" build "$SEED" --out "$work/seed" >/dev/null 2>&1 || true
seed_xml=$(find "$work/seed" -path '*/w3c/policy.xml' | head -n 1)
[ -n "$seed_xml" ] || {
    echo "ratios.sh: building $SEED wrote no w3c/policy.xml" >&2
    exit 2
}
cp "$seed_xml" "$work/seed.xml"

echo "timing, $REPS rounds..." >&2
for round in $(seq "$REPS"); do
    echo "  round $round" >&2
    for mb in $A $B; do
        rm -rf "$work/out"
        run "build.$mb" "${PC[@]}" build "$work/p$mb.policy" --out "$work/out"
        xml=$(find "$work/out" -path '*/w3c/policy.xml' | head -n 1)
        [ -n "$xml" ] || {
            echo "ratios.sh: build wrote no w3c/policy.xml" >&2
            exit 2
        }
        run "xmllint.$mb" xmllint --noout "$xml"
        [ "$mb" = "$B" ] && size "$xml" >"$work/xmlsize"
        run "diff.$mb" "${PC[@]}" diff "$work/p$mb.policy" "$work/q$mb.policy"
    done
    run "check.$B" "${PC[@]}" check "$work/p$B.policy"
    run "clean.$B" "${PC[@]}" check "$work/clean$B.policy"
    run "check.$C" "${PC[@]}" check "$work/p$C.policy"
    cp "$work/p$B.policy" "$work/stdin"
    run "fmt.$B" "${PC[@]}" fmt -
    : >"$work/stdin"
    for _ in 1 2 3 4 5 6 7; do
        rm -rf "$work/seedout"
        run seedbuild "${PC[@]}" build "$SEED" --out "$work/seedout"
        run seedxmllint xmllint --noout "$work/seed.xml"
    done
done

# mbps KEY BYTES: median throughput in MB/s.
mbps() { awk -v b="$2" -v us="$(median 1 "$1")" 'BEGIN {printf "%.1f", b / us}'; }
# secs KEY: median seconds.
secs() { awk -v us="$(median 1 "$1")" 'BEGIN {printf "%.3f", us / 1e6}'; }
# rss KEY BYTES: median peak RSS / input.
rss() { awk -v b="$2" -v k="$(median 2 "$1")" 'BEGIN {printf "%.1fx (%.0f MiB)", k * 1024 / b, k / 1024}'; }
# scale KEY_SMALL KEY_LARGE BYTES_SMALL BYTES_LARGE: time ratio and input ratio.
scale() {
    awk -v a="$(median 1 "$1")" -v b="$(median 1 "$2")" -v sa="$3" -v sb="$4" \
        'BEGIN {printf "%.1fx (input %.1fx)", b / a, sb / sa}'
}

pA=$(size "$work/p$A.policy")
pB=$(size "$work/p$B.policy")
pC=$(size "$work/p$C.policy")
cB=$(size "$work/clean$B.policy")
xB=$(cat "$work/xmlsize")
echo
echo "policyc $(git describe --always --dirty 2>/dev/null || echo '?'); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians of $REPS alternating rounds (the seed: $((REPS * 7)) pairs); outputs on $tmp_root"
echo
printf '| figure | measured |\n|---|---|\n'
printf '| check throughput, %s MB policy | %s MB/s (%s s); no-findings variant %s MB/s |\n' \
    "$B" "$(mbps "check.$B" "$pB")" "$(secs "check.$B")" "$(mbps "clean.$B" "$cB")"
printf '| build %s MB vs xmllint --noout of the %.0f MB policy.xml it emits | %.2fx (%s s vs %s s) |\n' \
    "$B" "$(awk -v b="$xB" 'BEGIN {print b / 1e6}')" "$(paired "build.$B" "xmllint.$B")" \
    "$(secs "build.$B")" "$(secs "xmllint.$B")"
printf '| %s whole-process build vs xmllint on its policy.xml (tmpfs) | %.2fx (%s s vs %s s) |\n' \
    "$(basename "$SEED")" "$(paired seedbuild seedxmllint)" "$(secs seedbuild)" "$(secs seedxmllint)"
printf '| 10x input -> time: check %s->%s MB; build, diff %s->%s MB | %s; %s; %s |\n' \
    "$B" "$C" "$A" "$B" "$(scale "check.$B" "check.$C" "$pB" "$pC")" \
    "$(scale "build.$A" "build.$B" "$pA" "$pB")" "$(scale "diff.$A" "diff.$B" "$pA" "$pB")"
printf '| peak RSS / input at %s MB: check, build, fmt | %s; %s; %s |\n' \
    "$B" "$(rss "check.$B" "$pB")" "$(rss "build.$B" "$pB")" "$(rss "fmt.$B" "$pB")"
echo
echo "other medians: check $C MB $(secs "check.$C") s ($(mbps "check.$C" "$pC") MB/s, RSS $(rss "check.$C" "$pC")); fmt $B MB $(secs "fmt.$B") s; diff $B MB $(secs "diff.$B") s; build $A MB $(secs "build.$A") s"
