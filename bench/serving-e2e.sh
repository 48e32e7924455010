#!/usr/bin/env bash
# Benchmarks the endpoint exactly as shipped: runs the pipeline with the shipped config and deploy
# (`recopipe run --data … --set deploy.port=FREE`), then measures the endpoint it deployed with
# wrk, and nginx answering a static JSON of the same bytes (the ceiling) the same way, in one run.
# Prints one JSON line per case and server, then one with the ratio recopipe/nginx.
#
#   bench/serving-e2e.sh                  # ML-100K (default model) and the ml-1m preset
#   bench/serving-e2e.sh --with-ml20m     # also the ml-20m preset (training takes ~10 min)
#
# Env: BENCH_DURATION (s, default 20), BENCH_WARMUP (s, 15: on two busy cores the JIT is still
# compiling the request path 10 s into the load), BENCH_CONNECTIONS (64),
# BENCH_THREADS (wrk threads, 2), BENCH_DATA_100K (default ../shared/data/ml-100k next to the
# checkout, else /work/shared/data/ml-100k), BENCH_CASES (space-separated subset of
# "ml-100k ml-1m ml-20m").
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
duration="${BENCH_DURATION:-20}"
warmup="${BENCH_WARMUP:-15}"
connections="${BENCH_CONNECTIONS:-64}"
threads="${BENCH_THREADS:-2}"
cases="${BENCH_CASES:-ml-100k ml-1m}"
[ "${1:-}" = "--with-ml20m" ] && cases="$cases ml-20m"
data_100k="${BENCH_DATA_100K:-$here/../shared/data/ml-100k}"
[ -d "$data_100k" ] || data_100k=/work/shared/data/ml-100k
work="$(mktemp -d /tmp/recopipe-bench-e2e.XXXXXX)"
chmod 755 "$work" # nginx workers run as another user
cores="$(nproc)"
nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
path="/v1/models/recommender_model:predict"

log() { echo "bench: $*" >&2; }
. "$here/bench/lib/loopback.sh"
json_field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$@"; }

for tool in wrk "$nginx_bin" curl python3; do
  command -v "$tool" > /dev/null || { log "$tool is missing (apt-get install wrk nginx-light)"; exit 1; }
done

nginx_pid=""
homes=()
# Stops a home's deployed revision through its admin API (a deliberate stop: the supervisor
# does not restart it), then by signal if it is still there.
stop_endpoint() {
  local state secret pid sup admin
  for state in "$1"/serving/revisions/*/state.json; do
    [ -f "$state" ] || continue
    pid="$(json_field "$state" pid)"
    admin="$(json_field "$state" admin_port)"
    sup="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("supervisor_pid",""))' "$state")"
    secret="$(dirname "$state")/admin.secret"
    if kill -0 "$pid" 2> /dev/null; then
      curl -s -o /dev/null -X POST -H "Authorization: Bearer $(cat "$secret" 2> /dev/null)" \
        "http://127.0.0.1:$admin/admin/stop" || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
      kill "$pid" 2> /dev/null || true
    fi
    if [ -n "$sup" ]; then
      for _ in $(seq 1 30); do kill -0 "$sup" 2> /dev/null || break; sleep 0.1; done
      kill "$sup" 2> /dev/null || true
    fi
  done
}
cleanup() {
  [ -z "$nginx_pid" ] || kill "$nginx_pid" 2> /dev/null || true
  for home in "${homes[@]}"; do stop_endpoint "$home"; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_static_nginx


write_lua() { # write_lua FILE USERS_PER_REQUEST NUM_USERS
  cat > "$1" <<LUA
local n = 0
request = function()
  n = n + 1
  local ids = {}
  for i = 1, $2 do ids[i] = '{"user_id":' .. ((n * $2 + i) * 7919 % $3 + 1) .. '}' end
  return wrk.format("POST", "$path", {["Content-Type"] = "application/json"},
    '{"instances":[' .. table.concat(ids, ",") .. ']}')
end
LUA
}

# server_quantiles BEFORE AFTER: the server's own p50 and p99 of :predict over the measured run,
# from its /metrics histogram (bucket upper bounds, ms), "null null" when it has none
server_quantiles() {
  python3 - "$1" "$2" <<'PY'
import re, sys
def buckets(path):
    out = {}
    for line in open(path):
        if line.startswith("http_server_requests_seconds_bucket") and 'route="predict"' in line \
                and 'status="200"' in line:
            le = re.search(r'le="([^"]+)"', line).group(1)
            out[float("inf") if le == "+Inf" else float(le)] = float(line.split()[-1])
    return out
before, after = buckets(sys.argv[1]), buckets(sys.argv[2])
rows = sorted((le, count - before.get(le, 0)) for le, count in after.items())
total = rows[-1][1] if rows else 0
if not total:
    print("null null")
else:
    print(*[round(next(le for le, c in rows if c >= q * total) * 1000, 3) for q in (0.5, 0.99)])
PY
}

# measure NAME SERVER PORT LUA: prints "rps p50_ms p99_ms non2xx socket_errors srv_p50 srv_p99"
measure() {
  local out="$work/$1-$2.txt"
  wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$4" "http://127.0.0.1:$3" > /dev/null
  curl -s "http://127.0.0.1:$3/metrics" > "$out.m0" || true
  wrk -t"$threads" -c"$connections" -d"${duration}s" --latency -s "$4" \
    "http://127.0.0.1:$3" > "$out"
  curl -s "http://127.0.0.1:$3/metrics" > "$out.m1" || true
  echo "$(awk '/^Requests\/sec:/ {print $2}' "$out")" \
    "$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")" \
    "$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")" \
    "$(awk '/Non-2xx/ {print $NF}' "$out" | grep . || echo 0)" \
    "$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' "$out" | grep . || echo 0)" \
    "$(server_quantiles "$out.m0" "$out.m1")"
}

run_case() { # run_case DATASET DATA_ARG
  local name="$1" home="$work/home-$1" port
  port="$(free_port)"
  homes+=("$home")
  log "$name: recopipe run --data $2 --set deploy.port=$port"
  local started=$SECONDS
  "$here/recopipe" run --home "$home" --data "$2" --set "deploy.port=$port" \
    > "$work/run-$name.log" 2>&1 || { tail -20 "$work/run-$name.log" >&2; exit 1; }
  local run_s=$((SECONDS - started))
  local meta settings
  meta="$(curl -s "http://127.0.0.1:$port/v1/models/recommender_model/metadata")"
  read -r num_users num_items num_factors <<< "$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print(d["num_users"], d["num_items"], d["num_factors"])' "$meta")"
  settings="$(grep -rho 'serving settings [^"]*' "$home/artifacts" 2> /dev/null | head -1 | sed 's/serving settings //' || true)"
  for users in 1 100; do
    local lua="$work/$name-$users.lua" label
    label="$([ "$users" = 1 ] && echo single_user || echo batch_100_users)"
    write_lua "$lua" "$users" "$num_users"
    # nginx serves a typical response of this case: the one for the first request's users
    python3 - "$users" "$num_users" > "$work/body.json" <<'PY'
import sys
users, num_users = int(sys.argv[1]), int(sys.argv[2])
ids = ",".join('{"user_id":%d}' % ((users + i) * 7919 % num_users + 1) for i in range(1, users + 1))
print('{"instances":[%s]}' % ids, end="")
PY
    curl -s -X POST -H 'Content-Type: application/json' --data-binary @"$work/body.json" \
      "http://127.0.0.1:$port$path" > "$work/www/v1/models/recommender_model:predict"
    local bytes r n
    bytes="$(wc -c < "$work/www/v1/models/recommender_model:predict")"
    read -r -a r <<< "$(measure "$name-$users" recopipe "$port" "$lua")"
    read -r -a n <<< "$(measure "$name-$users" nginx "$nginx_port" "$lua")"
    printf '{"bench":"serving-e2e","data":"%s","case":"%s","num_users":%s,"num_items":%s,"num_factors":%s,"response_bytes":%s,"connections":%s,"duration_s":%s,"cores":%s,"run_s":%s,"settings":"%s","warmup_s":%s,"recopipe":{"requests_per_s":%s,"p50_ms":%s,"p99_ms":%s,"non_2xx":%s,"socket_errors":%s,"server_p50_ms_le":%s,"server_p99_ms_le":%s},"nginx":{"requests_per_s":%s,"p50_ms":%s,"p99_ms":%s,"non_2xx":%s,"socket_errors":%s},"ratio":%s}\n' \
      "$name" "$label" "$num_users" "$num_items" "$num_factors" "$bytes" "$connections" \
      "$duration" "$cores" "$run_s" "$settings" "$warmup" "${r[0]}" "${r[1]}" "${r[2]}" "${r[3]}" \
      "${r[4]}" "${r[5]}" "${r[6]}" \
      "${n[0]}" "${n[1]}" "${n[2]}" "${n[3]}" "${n[4]}" \
      "$(python3 -c "print(round(${r[0]} / ${n[0]}, 3))")"
  done
  stop_endpoint "$home"
}

for name in $cases; do
  case "$name" in
    ml-100k) run_case ml-100k "$data_100k" ;;
    ml-1m | ml-20m) run_case "$name" "preset:$name" ;;
    *) log "unknown case $name (ml-100k, ml-1m, ml-20m)"; exit 2 ;;
  esac
done
