#!/usr/bin/env bash
# Benchmarks the prediction server with wrk on loopback: start-up time, then single-user and
# 100-user batch :predict requests (64 connections, 30 s each), printing one JSON line per case.
#
#   bench/serving.sh                      # builds the dist and trains the ml-1m bundle if missing
#   BENCH_BUNDLE=/path BENCH_DURATION=10 bench/serving.sh
#
# Env: BENCH_BUNDLE (default /tmp/recopipe-bench/ml1m-k34, trained with --preset ml-1m, k=34),
# BENCH_DURATION (s, default 30), BENCH_CONNECTIONS (64), BENCH_THREADS (wrk threads, 2),
# BENCH_ACCESS_LOG (1: the server logs every request as JSON, to a file; 0: off),
# BENCH_THREADS_SERVER (--threads of the server, default 6), BENCH_JAVA_OPTS (JVM flags for the
# server; default adds the Vector API module, which makes scoring ~7x faster).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$here/serving/target/dist"
bundle="${BENCH_BUNDLE:-/tmp/recopipe-bench/ml1m-k34}"
duration="${BENCH_DURATION:-30}"
connections="${BENCH_CONNECTIONS:-64}"
threads="${BENCH_THREADS:-2}"
access_log="${BENCH_ACCESS_LOG:-1}"
work="$(mktemp -d /tmp/recopipe-bench-serving.XXXXXX)"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"

log() { echo "bench: $*" >&2; }

if ! command -v wrk > /dev/null; then
  log "installing wrk"
  apt-get install -y wrk > /dev/null 2>&1 || { log "wrk missing and apt-get failed"; exit 1; }
fi
if [ ! -f "$dist/recopipe-serving.jar" ]; then
  log "building serving/target/dist"
  (cd "$here" && mvn -q -B -o -pl serving -am package -DskipTests) >&2
fi
if [ ! -f "$bundle/manifest.json" ]; then
  log "training the ml-1m-preset bundle (k=34) into $bundle"
  "$here/recopipe" train --preset ml-1m --defaults movielens-als --num-factors 34 \
    --out "$bundle" >&2
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
admin="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
flags=()  # extra server flags
secret="$work/admin.secret" # the admin API needs a bearer secret from an owner-only file
(umask 077 && python3 -c 'import secrets; print(secrets.token_hex(32), end="")' > "$secret")
auth="Authorization: Bearer $(cat "$secret")"
[ "$access_log" = 1 ] || flags+=(--no-access-log)

start_ns=$(date +%s%N)
# shellcheck disable=SC2086
"$java_bin" ${BENCH_JAVA_OPTS:---add-modules jdk.incubator.vector} -cp "$dist/recopipe-serving.jar:$dist/lib/*" \
  io.recopipe.serving.ServingMain --bundle "$bundle" --port "$port" --admin-port "$admin" \
  --host 127.0.0.1 --threads "${BENCH_THREADS_SERVER:-6}" \
  --admin-secret-file "$secret" "${flags[@]}" > "$work/server.log" 2>&1 &
server_pid=$!
cleanup() {
  curl -s -o /dev/null -X POST -H "$auth" "http://127.0.0.1:$admin/admin/stop" || true
  for _ in $(seq 1 50); do kill -0 "$server_pid" 2> /dev/null || break; sleep 0.1; done
  kill "$server_pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM   # run the EXIT trap (stop the server) when interrupted or timed out
deadline=$((SECONDS + 120))
until curl -sf -o /dev/null "http://127.0.0.1:$port/readyz"; do
  kill -0 "$server_pid" 2> /dev/null || { cat "$work/server.log" >&2; exit 1; }
  [ "$SECONDS" -lt "$deadline" ] || { echo "server not ready in 120 s" >&2; exit 1; }
  sleep 0.01
done
ready_ns=$(date +%s%N)
startup_ms="$(grep -o '"startup_ms":[0-9]*' "$work/server.log" | head -1 | cut -d: -f2)"
version="$(curl -s -H "$auth" "http://127.0.0.1:$admin/admin/status" | python3 -c 'import json,sys; print(json.load(sys.stdin)["model_version"])')"
items="$(curl -s "http://127.0.0.1:$port/v1/models/recommender_model/metadata" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["num_items"], d["num_factors"], d["num_users"])')"
read -r num_items num_factors num_users <<< "$items"
printf '{"bench":"serving","case":"startup","ready_ms_wall":%d,"ready_ms_jvm":%s,"model_version":"%s","num_users":%s,"num_items":%s,"num_factors":%s}\n' \
  $(( (ready_ns - start_ns) / 1000000 )) "${startup_ms:-null}" "$version" "$num_users" "$num_items" "$num_factors"

cat > "$work/single.lua" <<LUA
local n = 0
request = function()
  n = n + 1
  local body = '{"instances":[{"user_id":' .. ((n * 7919) % $num_users + 1) .. '}]}'
  return wrk.format("POST", "/v1/models/recommender_model:predict",
    {["Content-Type"] = "application/json"}, body)
end
LUA
cat > "$work/batch.lua" <<LUA
local n = 0
request = function()
  n = n + 1
  local ids = {}
  for i = 1, 100 do ids[i] = '{"user_id":' .. ((n * 100 + i) * 7919 % $num_users + 1) .. '}' end
  local body = '{"instances":[' .. table.concat(ids, ",") .. ']}'
  return wrk.format("POST", "/v1/models/recommender_model:predict",
    {["Content-Type"] = "application/json"}, body)
end
LUA

. "$here/bench/lib/loopback.sh"

run_case() {
  local name="$1" script="$2" users="$3"
  # warm-up: JIT the hot path before measuring
  wrk -t"$threads" -c"$connections" -d5s -s "$script" "http://127.0.0.1:$port" > /dev/null
  local out="$work/$name.txt"
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$script" \
    "http://127.0.0.1:$port" > "$out"
  local rps p50 p99 non2xx errors
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  p50="$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")"
  p99="$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")"
  non2xx="$(awk '/Non-2xx/ {print $NF}' "$out")"
  errors="$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out")"
  printf '{"bench":"serving","case":"%s","users_per_request":%d,"connections":%d,"wrk_threads":%d,"duration_s":%d,"requests_per_s":%s,"users_per_s":%.0f,"p50_ms":%s,"p99_ms":%s,"non_2xx":%d,"socket_errors":%d,"access_log":%s}\n' \
    "$name" "$users" "$connections" "$threads" "$duration" "$rps" \
    "$(python3 -c "print($rps * $users)")" "$p50" "$p99" "${non2xx:-0}" "${errors:-0}" \
    "$([ "$access_log" = 1 ] && echo true || echo false)"
}

run_case single_user "$work/single.lua" 1
run_case batch_100_users "$work/batch.lua" 100
