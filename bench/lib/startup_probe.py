"""Launches a saved serving command line and measures process start to /readyz 200.

Usage: startup_probe.py COMMAND_FILE WORK_DIR [--bundle DIR] [--jvm-opt OPT]... [--dump-archive FILE]
Prints one JSON object: ready_ms (wall, from spawn to the first 200) and server_jvm_ms (what the
server logs as its own start-up, from its JVM start). With --dump-archive it instead runs the
server (not its supervisor) once with -XX:ArchiveClassesAtExit, serves one request and stops it.
"""
import argparse, http.client, json, os, signal, subprocess, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("command_file")
ap.add_argument("work_dir")
ap.add_argument("--bundle")
ap.add_argument("--jvm-opt", action="append", default=[])
ap.add_argument("--dump-archive")
a = ap.parse_args()
cmd = [line for line in open(a.command_file).read().splitlines() if line]
java = next(i for i, arg in enumerate(cmd) if arg.endswith("/java"))
if a.bundle:
    cmd[cmd.index("--bundle") + 1] = a.bundle
state = os.path.join(a.work_dir, "state.json")
cmd[cmd.index("--state-file") + 1] = state
if a.dump_archive:
    # the server's own command, as the supervisor builds it: same JVM, same class path
    cmd = [cmd[java], "-XX:ArchiveClassesAtExit=" + a.dump_archive] + [
        x for x in cmd[java + 1:] if x not in ("-Xmx32m", "-XX:TieredStopAtLevel=1",
                                                 "-XX:+UseSerialGC")]
    cmd[cmd.index("io.recopipe.serving.Supervisor")] = "io.recopipe.serving.ServingMain"
else:
    cmd[java + 1:java + 1] = a.jvm_opt
if os.path.exists(state):
    os.remove(state)
log_path = os.path.join(a.work_dir, "probe.log")
t0 = time.monotonic()
proc = subprocess.Popen(cmd, cwd=a.work_dir, stdout=open(log_path, "w"), stderr=subprocess.STDOUT)
port = None
while True:
    if not os.path.exists(state) and proc.poll() not in (None, 0):
        sys.exit("the server exited before it was ready: " + open(log_path).read()[-500:])
    if port is None and os.path.exists(state):
        try:
            port = json.load(open(state))["port"]
        except (ValueError, KeyError):
            pass
    if port:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/readyz")
            if conn.getresponse().status == 200:
                break
        except OSError:
            pass
    if time.monotonic() - t0 > 60:
        sys.exit("not ready within 60 s")
    time.sleep(0.002)
ready_ms = (time.monotonic() - t0) * 1000
if a.dump_archive:
    body = b'{"instances":[{"user_id":"1"}]}'
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    conn.request("POST", "/v1/models/recommender_model:predict", body,
                 {"Content-Type": "application/json"})
    conn.getresponse().read()
st = json.load(open(state))
os.kill(st.get("supervisor_pid", st["pid"]), signal.SIGTERM)
for pid in (st["pid"], st.get("supervisor_pid", st["pid"])):
    for _ in range(200):
        try:
            os.kill(pid, 0)
            time.sleep(0.05)
        except OSError:
            break
server_ms = None
for line in open(log_path):
    if '"startup_ms"' in line:
        server_ms = json.loads(line[line.index("{"):])["startup_ms"]
print(json.dumps({"ready_ms": round(ready_ms, 1), "server_jvm_ms": server_ms}))
