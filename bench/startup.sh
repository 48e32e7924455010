#!/usr/bin/env bash
# Start-up benchmark on the shipped paths: deploys the ML-100K model with `recopipe run`, then
# relaunches, several times per case, process start to /readyz 200:
#   launch=local  the launch command the deploy saved for its revision (command.txt), exactly
#                 as the local endpoint runs: the server first, its restart supervisor after
#   launch=image  the image's entrypoint (image.json) from the unpacked image, in its working
#                 directory (/), with the host's java and a Cloud Run revision's environment
#                 (collector, heap, threads): what a Cloud Run cold start runs, on the JVM here
# for the ML-100K bundle and the ml-1m preset's bundle, each with the class-data archive the
# image ships (archive=shipped) and without it (archive=none). One JSON line per launch and one
# summary line per case (median, min, max of ready_ms; median and min of cpu_ms).
#
#   bench/startup.sh
#   BENCH_REPEATS=10 BENCH_DATA=/path/ml-100k bench/startup.sh
#
# Env: BENCH_REPEATS (launches per case, default 5), BENCH_DATA (default ../shared/data/ml-100k),
# BENCH_ML1M_BUNDLE (default /tmp/recopipe-bench/ml1m-default, trained with --preset ml-1m),
# BENCH_BASELINE (optional: a revision directory of an earlier build, run as launch=baseline
# with its own command.txt and rootfs, to compare builds in one session), BENCH_BASELINE_IMAGE
# (optional, with BENCH_BASELINE: that build's image.json, run as launch=baseline-image from the
# revision's rootfs as launch=image runs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${BENCH_REPEATS:-5}"
data="${BENCH_DATA:-$here/../shared/data/ml-100k}"
ml1m="${BENCH_ML1M_BUNDLE:-/tmp/recopipe-bench/ml1m-default}"
baseline="${BENCH_BASELINE:-}"
baseline_image="${BENCH_BASELINE_IMAGE:-}"
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
revision="$(dirname "$(find "$work/home/serving/revisions" -name command.txt | head -1)")"
image_json="$(find "$work/home" -name image.json -path '*image*' | head -1)"
if [ ! -f "$ml1m/manifest.json" ]; then
  log "training the ml-1m preset bundle into $ml1m"
  "$here/recopipe" train --preset ml-1m --out "$ml1m" > "$work/train.log" 2>&1 \
    || { tail -20 "$work/train.log" >&2; exit 1; }
fi
ml100k="$(sed -n '/^--bundle$/{n;p;q}' "$revision/command.txt")"
log "revision $revision, image $image_json"
# what the image ships: its layers (the class-data archive is one) and the JVM that built it
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
print(json.dumps({"bench": "startup", "image": d.get("image"), "java": sys.argv[2],
    "archive_in_entrypoint": any(a.startswith("-XX:SharedArchiveFile=") for a in d["entrypoint"]),
    "layers": {l["name"]: l["size"] for l in d["layers"]}}))' "$image_json" \
  "$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.vm.version = //p')"

summary() {
  python3 -c '
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
keys = []
for r in rows:
    key = (r["launch"], r["case"], r["archive"])
    if key not in keys:
        keys.append(key)
for launch, case, archive in keys:
    sel = [r for r in rows if (r["launch"], r["case"], r["archive"]) == (launch, case, archive)]
    ms = sorted(r["ready_ms"] for r in sel)
    cpu = sorted(r["cpu_ms"] for r in sel)
    print(json.dumps({"bench": "startup", "summary": True, "launch": launch, "case": case,
        "archive": archive, "repeats": len(ms), "ready_ms_median": statistics.median(ms),
        "ready_ms_min": ms[0], "ready_ms_max": ms[-1], "cpu_ms_median": statistics.median(cpu),
        "cpu_ms_min": cpu[0],
        "target_ms": 500, "met": statistics.median(ms) <= 500}))' "$1"
}

# the environment a Cloud Run revision of the image gets (its serving-settings label)
cloud_run_env=(--env "JAVA_TOOL_OPTIONS=-XX:+UseSerialGC -XX:MaxRAMPercentage=60"
  --env RECOPIPE_SERVING_THREADS=6)
: > "$work/all.jsonl"
for case in ml-100k ml-1m; do
  bundle="$ml100k"; [ "$case" = ml-1m ] && bundle="$ml1m"
  # alternate every variant within a repeat, so all see the same load on a shared machine
  for i in $(seq 1 "$repeats"); do
    for variant in local:shipped local:none image:shipped image:none baseline:shipped \
        baseline-image:shipped; do
      launch="${variant%%:*}"; archive="${variant#*:}"
      case "$launch" in
        local) args=(--command-file "$revision/command.txt" --cwd "$revision/rootfs") ;;
        image) args=(--entrypoint "$image_json" --cwd "$revision/rootfs" "${cloud_run_env[@]}") ;;
        baseline)
          [ -n "$baseline" ] || continue
          args=(--command-file "$baseline/command.txt" --cwd "$baseline/rootfs") ;;
        baseline-image)
          [ -n "$baseline" ] && [ -n "$baseline_image" ] || continue
          args=(--entrypoint "$baseline_image" --cwd "$baseline/rootfs" "${cloud_run_env[@]}") ;;
      esac
      [ "$archive" = none ] && args+=(--no-archive)
      out="$(python3 "$probe" "${args[@]}" --bundle "$bundle")"
      line="{\"bench\":\"startup\",\"launch\":\"$launch\",\"case\":\"$case\",\"archive\":\"$archive\",\"repeat\":$i,${out#\{}"
      echo "$line" | tee -a "$work/all.jsonl"
    done
  done
done
summary "$work/all.jsonl"
