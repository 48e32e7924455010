#!/usr/bin/env bash
# Runs the same pipeline work with recopipe (the shipped `recopipe run`, through
# `recopipe bench pipeline`) and with Spark MLlib (bench/spark, local mode) on the same ratings
# and the same train/eval split, in one run, and prints both engines' JSON lines plus one
# comparison line per step (spark_over_recopipe = Spark's seconds / recopipe's; above 1 means
# recopipe is faster) and one with both held-out RMSEs.
#
#   bench/spark-pipeline.sh                       # ml-1m preset, Spark ALS 64x40 and 34x15
#   BENCH_FITS=64x40 bench/spark-pipeline.sh      # only the fit compared with recopipe
#
# Env: BENCH_PRESET (ml-1m; ml-100k or ml-20m also work), BENCH_FITS (Spark fits as
# RANKxITERATIONS, comma-separated; the first is compared: 64x40 is what recopipe's default
# trains at this size), BENCH_REG_PARAM (Spark's regParam, 0.1), BENCH_THREADS (Spark's local[N],
# default all cores, as recopipe uses), BENCH_HEAP (both JVMs' -Xmx, 4g as ./recopipe),
# BENCH_DEPLOY (1 includes recopipe's deploy step; default 0: Spark has none), BENCH_KEEP (1 keeps
# the work directory). Needs python3; the first run resolves Spark 3.5.9 from Maven Central
# (a few hundred MB into ~/.m2).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
spark_dir="$here/bench/spark"
preset="${BENCH_PRESET:-ml-1m}"
fits="${BENCH_FITS:-64x40,34x15}"
reg_param="${BENCH_REG_PARAM:-0.1}"
threads="${BENCH_THREADS:-$(nproc)}"
heap="${BENCH_HEAP:-4g}"
deploy="${BENCH_DEPLOY:-0}"
work="$(mktemp -d /tmp/recopipe-bench-spark.XXXXXX)"

log() { echo "bench: $*" >&2; }
cleanup() {
  if [ "${BENCH_KEEP:-0}" = 1 ]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
command -v python3 > /dev/null || { log "python3 is missing (apt-get install python3)"; exit 1; }

# The Spark job's class path, built once: offline when Spark is already in ~/.m2, else online.
spark_stale() {
  local cp="$spark_dir/target/classpath.txt"
  [ -f "$cp" ] || return 0
  [ -n "$(find "$spark_dir/pom.xml" "$spark_dir/src" -newer "$cp" -print -quit)" ] && return 0
  [ -f "$(tr ':' '\n' < "$cp" | head -1)" ] || return 0 # ~/.m2 was cleaned since
  return 1
}
if spark_stale; then
  build_log="$work/spark-build.log"
  log "building bench/spark (Spark 3.5.9 MLlib) ..."
  if ! (cd "$spark_dir" && mvn -B -ntp -o -q -DskipTests package) > "$build_log" 2>&1; then
    log "Spark is not in ~/.m2 yet: resolving it from Maven Central (a few hundred MB, once) ..."
    if ! (cd "$spark_dir" && mvn -B -ntp -q -DskipTests package) > "$build_log" 2>&1; then
      cp "$build_log" /tmp/recopipe-spark-build.log
      log "cannot build bench/spark: Spark MLlib (version in bench/spark/pom.xml) did not" \
        "resolve from Maven Central or did not compile (Maven log: /tmp/recopipe-spark-build.log)"
      exit 1
    fi
  fi
  touch "$spark_dir/target/classpath.txt" # the plugin leaves an unchanged file's time as it was
fi
# builds the CLI now, not inside a timed step
"$here/recopipe" --version > "$work/cli-build.log" 2>&1 \
  || { log "cannot build the recopipe CLI:"; cat "$work/cli-build.log" >&2; exit 1; }

log "generating the $preset preset into $work/data ..."
"$here/recopipe" data generate --preset "$preset" --out "$work/data" > "$work/generate.log" 2>&1 \
  || { log "recopipe data generate failed:"; cat "$work/generate.log" >&2; exit 1; }
ratings="$work/data/ratings.tsv"

# A reference run in a kept home gives both engines recopipe's own train/eval split (the
# pipeline and its seed are deterministic, so it is the split the timed run below uses too)
# and recopipe's held-out RMSE on it.
log "reference run (for the split and recopipe's RMSE) ..."
rc=0
"$here/recopipe" run --home "$work/ref" --data "$ratings" --set deploy.enabled=false \
  > "$work/ref.log" 2>&1 || rc=$?
if [ "$rc" != 0 ] && [ "$rc" != 3 ]; then
  log "the reference recopipe run failed (exit $rc); its output:"; cat "$work/ref.log" >&2; exit 1
fi
split_dir="$(dirname "$(ls "$work"/ref/artifacts/*/ingest/dataset/eval.tsv | head -1)")"
"$here/recopipe" sql --home "$work/ref" --format tsv \
  "SELECT root_mean_squared_error, mean_absolute_error, eval_rows FROM evaluation" \
  2> /dev/null > "$work/ref-eval.tsv"

log "recopipe bench pipeline (the shipped path) ..."
deploy_args=()
[ "$deploy" = 1 ] || deploy_args=(--set deploy.enabled=false)
"$here/recopipe" bench pipeline --cold-only --data "$ratings" "${deploy_args[@]}" \
  2> "$work/recopipe-bench.err" > "$work/recopipe.jsonl" || {
  log "recopipe bench pipeline failed:"; cat "$work/recopipe-bench.err" >&2; exit 1; }

log "Spark MLlib (local[$threads]) ..."
# Spark 3.5's launcher (JavaModuleOptions) opens these packages on Java 17; the Vector API module
# lets Spark's BLAS use SIMD as recopipe's kernels do.
spark_jvm=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED
  --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED
  --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true
  -XX:+UseParallelGC -Xmx"$heap")
SPARK_LOCAL_IP=127.0.0.1 "${JAVA_HOME:+$JAVA_HOME/bin/}java" "${spark_jvm[@]}" \
  -cp "$spark_dir/target/classes:$(cat "$spark_dir/target/classpath.txt")" \
  io.recopipe.bench.spark.SparkPipelineBench --ratings "$ratings" --split "$split_dir" \
  --out "$work/spark-out" --case "$preset" --fits "$fits" --reg-param "$reg_param" \
  --threads "$threads" > "$work/spark.jsonl" 2> "$work/spark.err" || {
  log "the Spark job failed:"; tail -20 "$work/spark.err" >&2; exit 1; }

python3 - "$preset" "$work/recopipe.jsonl" "$work/spark.jsonl" "$work/ref-eval.tsv" <<'PY'
import json, sys
case, recopipe_file, spark_file, ref_eval = sys.argv[1:]
recopipe, spark = {}, {}
for line in open(recopipe_file):
    row = json.loads(line)
    row = {"case": case, "engine": "recopipe", **{k: v for k, v in row.items() if k != "case"}}
    recopipe[row["step"]] = row
    print(json.dumps(row, separators=(",", ":")))
first_fit = None
for line in open(spark_file):
    row = json.loads(line)
    print(json.dumps(row, separators=(",", ":")))
    fit = row.get("fit")
    first_fit = first_fit or fit
    if fit is None or fit == first_fit:
        spark.setdefault(row["step"], row)

def seconds(rows, *steps):
    return sum(rows[s]["seconds"] for s in steps)

def compare(step, r, s, **extra):
    print(json.dumps({"case": case, "step": step, "compare": "spark_over_recopipe",
                      "recopipe_seconds": round(r, 3), "spark_seconds": round(s, 3),
                      "spark_over_recopipe": round(s / r, 2) if r > 0 else None, **extra},
                     separators=(",", ":")))

compare("ingest", seconds(recopipe, "ingest"), seconds(spark, "ingest", "split"),
        note="spark: ingest + split")
for step in ("train", "evaluate", "export"):
    compare(step, seconds(recopipe, step), seconds(spark, step))
steps = ("ingest", "train", "evaluate", "export")
compare("ingest..export", seconds(recopipe, *steps), seconds(spark, "split", *steps))
compare("total", recopipe["total"]["seconds"], spark["total"]["seconds"],
        recopipe_peak_rss_mb=recopipe["total"].get("peak_rss_mb"),
        spark_peak_rss_mb=spark["total"].get("peak_rss_mb"))
rmse = mae = rows = None
with open(ref_eval) as f:
    lines = [l.rstrip("\n").split("\t") for l in f if l.strip()]
if len(lines) >= 2:
    values = dict(zip(lines[0], lines[1]))
    rmse = round(float(values["root_mean_squared_error"]), 4)
    mae = round(float(values["mean_absolute_error"]), 4)
    rows = int(values["eval_rows"])
ev = spark["evaluate"]
print(json.dumps({"case": case, "step": "rmse", "compare": "same eval split",
                  "recopipe_rmse": rmse, "recopipe_mae": mae, "recopipe_eval_rows": rows,
                  "spark_fit": ev["fit"], "spark_rmse": ev["rmse"],
                  "spark_rmse_clamped": ev["rmse_clamped"], "spark_mae": ev["mae"],
                  "spark_eval_rows": ev["rows"]}, separators=(",", ":")))
PY
