#!/usr/bin/env bash
# Paired performance figures of issue 15, reproducible from a fresh clone:
#
#   scripts/ratios.sh                 # 1, 10 and 100 MB, 3 rounds each
#   SIZES="1 10" REPS=5 scripts/ratios.sh
#
# For each size it generates a policy with the generator of benches/compile.rs
# (benches/support/generator.rs), builds the release binary, then runs, alternating
# within each round: `policyc check`, `policyc build`, `xmllint --noout` on the P3P
# policy file that build wrote, `policyc fmt -` and `policyc diff` (against a copy
# with one purpose added). It prints medians: wall time, throughput, peak RSS per
# input byte, build vs xmllint, and the time ratio between consecutive sizes
# (10x input should cost at most ~10x time). Needs cargo, xmllint and GNU time
# (/usr/bin/time); it installs nothing. Wall time includes process start-up and
# writing outputs (build writes to a temporary directory). No test runs this: the
# figures depend on the machine and its load.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1 10 100"}
REPS=${REPS:-3}
for tool in xmllint /usr/bin/time cargo; do
    command -v "$tool" >/dev/null || { echo "ratios.sh needs $tool" >&2; exit 2; }
done

cargo build --release --quiet --bin policyc
BIN=$PWD/target/release/policyc
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# run KEY STDIN COMMAND...: appends "microseconds peak-RSS-KiB" to $work/KEY.
# Exit 0 and 1 (findings, changes) are normal; anything else stops the script.
run() {
    local key=$1 input=$2
    shift 2
    local t0 t1 rc=0
    t0=$(date +%s%N)
    /usr/bin/time -f %M -o "$work/rss" "$@" <"$input" >/dev/null 2>"$work/err" || rc=$?
    t1=$(date +%s%N)
    if [ "$rc" -gt 1 ]; then
        echo "$key: $* exited $rc" >&2
        cat "$work/err" >&2
        exit 2
    fi
    echo "$(((t1 - t0) / 1000)) $(tail -n 1 "$work/rss")" >>"$work/$key"
}

# median COLUMN FILE
median() { cut -d' ' -f"$1" "$2" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

commands="check build xmllint fmt diff"
for mb in $SIZES; do
    bytes=$((mb * 1000 * 1000))
    p=$work/p$mb.policy
    cargo bench --quiet --bench compile -- --write "$bytes" "$p" >/dev/null
    # The changed version for diff: one more purpose in the first statement.
    sed '0,/for current, contact opt-in, develop/s//for current, contact opt-in, develop, admin/' "$p" >"$work/q$mb.policy"
    wc -c <"$p" >"$work/size$mb"
    for _ in $(seq "$REPS"); do
        run "check.$mb" /dev/null "$BIN" check "$p"
        rm -rf "$work/out"
        run "build.$mb" /dev/null "$BIN" build "$p" --out "$work/out"
        xml=$(find "$work/out" -name '*.xml' -not -name 'p3p.xml' -size +1k | head -n 1)
        if [ -z "$xml" ]; then
            echo "build wrote no P3P policy file" >&2
            exit 2
        fi
        wc -c <"$xml" >"$work/xmlsize$mb"
        run "xmllint.$mb" /dev/null xmllint --noout "$xml"
        run "fmt.$mb" "$p" "$BIN" fmt -
        run "diff.$mb" /dev/null "$BIN" diff "$p" "$work/q$mb.policy"
    done
done

echo "policyc $(git describe --always --dirty 2>/dev/null || echo '?'), $(nproc) cores, median of $REPS alternating rounds"
printf '%-8s %8s %8s %10s %11s %10s\n' command "in MB" "s" "MB/s" "peak MiB" "RSS/input"
for mb in $SIZES; do
    size=$(cat "$work/size$mb")
    for c in $commands; do
        in=$size
        [ "$c" = xmllint ] && in=$(cat "$work/xmlsize$mb")
        us=$(median 1 "$work/$c.$mb")
        kib=$(median 2 "$work/$c.$mb")
        awk -v c="$c" -v in="$in" -v us="$us" -v kib="$kib" 'BEGIN {
            printf "%-8s %8.1f %8.3f %10.1f %11.1f %10.1f\n",
                c, in / 1e6, us / 1e6, (in / 1e6) / (us / 1e6), kib / 1024, kib * 1024 / in }'
    done
    b=$(median 1 "$work/build.$mb")
    x=$(median 1 "$work/xmllint.$mb")
    awk -v b="$b" -v x="$x" -v mb="$mb" 'BEGIN {
        printf "  %s MB: build / xmllint of its policy.xml = %.2f\n", mb, b / x }'
done
set -- $SIZES
if [ $# -gt 1 ]; then
    echo "scaling (time at the larger size / time at the smaller; linear is the size ratio):"
    prev=$1
    shift
    for mb in "$@"; do
        for c in $commands; do
            a=$(median 1 "$work/$c.$prev")
            b=$(median 1 "$work/$c.$mb")
            awk -v c="$c" -v a="$a" -v b="$b" -v p="$prev" -v m="$mb" 'BEGIN {
                printf "  %-8s %s -> %s MB: %.1fx\n", c, p, m, b / a }'
        done
        prev=$mb
    done
fi
