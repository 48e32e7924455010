#!/usr/bin/env bash
# Start-up benchmark on the shipped path: deploys the ML-100K model with `recopipe run`, takes the
# launch command the deploy saved for its revision (supervisor + server, as the local endpoint
# runs), then relaunches it several times per case and measures process start to /readyz 200.
# Cases: the ML-100K bundle and the ml-1m preset's bundle, each without and with an AppCDS
# archive (a dynamic archive dumped once from that command on this JVM). One JSON line per
# launch and one summary line per case.
#
#   bench/startup.sh
#   BENCH_REPEATS=10 BENCH_DATA=/path/ml-100k bench/startup.sh
#
# Env: BENCH_REPEATS (launches per case, default 5), BENCH_DATA (default ../shared/data/ml-100k),
# BENCH_ML1M_BUNDLE (default /tmp/recopipe-bench/ml1m-default, trained with --preset ml-1m).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${BENCH_REPEATS:-5}"
data="${BENCH_DATA:-$here/../shared/data/ml-100k}"
ml1m="${BENCH_ML1M_BUNDLE:-/tmp/recopipe-bench/ml1m-default}"
work="$(mktemp -d /tmp/recopipe-bench-startup.XXXXXX)"
probe="$here/bench/lib/startup_probe.py"
log() { echo "bench: $*" >&2; }
cleanup() {
  "$here/recopipe" undeploy --home "$work/home" > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
log "running the pipeline on $data with deploy on port $port"
"$here/recopipe" run --home "$work/home" --data "$data" --set "deploy.port=$port" > "$work/run.log" 2>&1 \
  || { tail -20 "$work/run.log" >&2; exit 1; }
"$here/recopipe" undeploy --home "$work/home" > /dev/null 2>&1
command_file="$(find "$work/home/serving/revisions" -name command.txt | head -1)"
if [ ! -f "$ml1m/manifest.json" ]; then
  log "training the ml-1m preset bundle into $ml1m"
  "$here/recopipe" train --preset ml-1m --out "$ml1m" > "$work/train.log" 2>&1 \
    || { tail -20 "$work/train.log" >&2; exit 1; }
fi
ml100k="$(sed -n '/^--bundle$/{n;p;q}' "$command_file")"

summary() {
  python3 -c '
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
for mode in ("none", "appcds"):
    ms = sorted(r["ready_ms"] for r in rows if r["archive"] == mode)
    print(json.dumps({"bench": "startup", "case": sys.argv[2], "archive": mode, "summary": True,
        "repeats": len(ms), "ready_ms_min": ms[0], "ready_ms_median": statistics.median(ms),
        "ready_ms_max": ms[-1], "target_ms": 500, "met": statistics.median(ms) <= 500}))' "$@"
}

for case in ml-100k ml-1m; do
  bundle="$ml100k"; [ "$case" = ml-1m ] && bundle="$ml1m"
  archive="$work/$case.jsa"
  python3 "$probe" "$command_file" "$work" --bundle "$bundle" --dump-archive "$archive" > /dev/null
  : > "$work/$case.jsonl"
  # alternate the two modes so that both see the same load on a shared machine
  for i in $(seq 1 "$repeats"); do
    for mode in none appcds; do
      opts=(); [ "$mode" = appcds ] && opts=("--jvm-opt=-XX:SharedArchiveFile=$archive")
      out="$(python3 "$probe" "$command_file" "$work" --bundle "$bundle" "${opts[@]}")"
      line="{\"bench\":\"startup\",\"case\":\"$case\",\"archive\":\"$mode\",\"repeat\":$i,${out#\{}"
      echo "$line" | tee -a "$work/$case.jsonl"
    done
  done
  summary "$work/$case.jsonl" "$case"
done
