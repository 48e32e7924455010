#!/usr/bin/env bash
# Compares HTTP stacks for the prediction server: each candidate (bench/http-stacks, a
# standalone project) answers POST with the same fixed JSON (831 bytes, a single-user
# prediction), measured with wrk like bench/serving-e2e.sh, against nginx serving the same bytes,
# in one run. Prints one JSON line per candidate with its ratio to nginx.
#
#   bench/http-stacks.sh
#   BENCH_STACKS="jetty:6 netty-epoll:2" BENCH_DURATION=10 bench/http-stacks.sh
#
# Env: BENCH_STACKS (space-separated NAME:WORKERS[:JVM_PROPS,comma-separated], default below),
# BENCH_DURATION (s, 10), BENCH_WARMUP (s, 8), BENCH_CONNECTIONS (64), BENCH_THREADS (wrk, 2),
# BENCH_GC (the candidates' collector flag, -XX:+UseSerialGC as deployed on 2 cores).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
project="$here/bench/http-stacks"
duration="${BENCH_DURATION:-10}"
warmup="${BENCH_WARMUP:-8}"
connections="${BENCH_CONNECTIONS:-64}"
threads="${BENCH_THREADS:-2}"
gc="${BENCH_GC:--XX:+UseSerialGC}"
stacks="${BENCH_STACKS:-jetty:6 jetty:2 netty-nio:2 netty-epoll:2 jdk:2 jdk:6 undertow:2}"
work="$(mktemp -d /tmp/recopipe-bench-stacks.XXXXXX)"
chmod 755 "$work"
log() { echo "bench: $*" >&2; }
. "$here/bench/lib/loopback.sh"
if [ ! -d "$project/target/lib" ]; then
  log "building bench/http-stacks"
  (cd "$project" && mvn -B -ntp -q package) >&2
fi
server_pid=""
nginx_pid=""
cleanup() {
  [ -z "$server_pid" ] || kill "$server_pid" 2> /dev/null || true
  [ -z "$nginx_pid" ] || kill "$nginx_pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_static_nginx
cat > "$work/post.lua" <<'LUA'
wrk.method = "POST"
wrk.body = '{"instances":[{"user_id":1}]}'
wrk.headers["Content-Type"] = "application/json"
LUA
path="/v1/models/recommender_model:predict"

measure() { # measure PORT -> "rps p50 p99 errors"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$work/post.lua" \
    "http://127.0.0.1:$1$path" > /dev/null
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$work/post.lua" \
    "http://127.0.0.1:$1$path" > "$work/out.txt"
  echo "$(awk '/^Requests\/sec:/ {print $2}' "$work/out.txt")" \
    "$(to_ms "$(awk '$1 == "50%" {print $2}' "$work/out.txt")")" \
    "$(to_ms "$(awk '$1 == "99%" {print $2}' "$work/out.txt")")" \
    "$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$work/out.txt" | grep . || echo 0)"
}

first=""
for spec in $stacks; do
  IFS=: read -r name workers props <<< "$spec"
  port="$(free_port)"
  jvm=()
  for p in ${props//,/ }; do jvm+=("-D$p"); done
  java $gc "${jvm[@]}" -cp "$project/target/classes:$project/target/lib/*" \
    io.recopipe.bench.http.StackServer "$name" "$port" "$workers" > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 100); do grep -qs ready "$work/server.log" && break; sleep 0.1; done
  if [ -z "$first" ]; then # nginx's body is the candidates' exact answer
    curl -s -X POST --data '{}' "http://127.0.0.1:$port$path" > "$work/www$path"
    first=1
  fi
  read -r -a s <<< "$(measure "$port")"
  kill "$server_pid"; wait "$server_pid" 2> /dev/null || true; server_pid=""
  read -r -a n <<< "$(measure "$nginx_port")"
  printf '{"bench":"http-stacks","stack":"%s","workers":%s,"props":"%s","connections":%s,"cores":%s,"load":"%s","server":{"requests_per_s":%s,"p50_ms":%s,"p99_ms":%s,"socket_errors":%s},"nginx":{"requests_per_s":%s,"p50_ms":%s,"p99_ms":%s},"ratio":%s}\n' \
    "$name" "$workers" "$props" "$connections" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
    "${s[0]}" "${s[1]}" "${s[2]}" "${s[3]}" "${n[0]}" "${n[1]}" "${n[2]}" \
    "$(python3 -c "print(round(${s[0]} / ${n[0]}, 3))")"
done
