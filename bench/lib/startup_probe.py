"""Launches a serving command line and measures process start to /readyz 200.

Usage:
  startup_probe.py --command-file FILE --cwd DIR [--bundle DIR] [--no-archive]
  startup_probe.py --entrypoint IMAGE_JSON --cwd ROOTFS [--bundle DIR] [--no-archive]
                   [--env KEY=VALUE]...

--command-file runs a local deploy's saved launch (a revision's command.txt) as the deploy does,
from the revision's unpacked image (--cwd); --entrypoint runs an image's entrypoint (image.json)
from its unpacked root as the container does (working directory /), with the host's java and
the flags a local run needs (loopback, ephemeral ports, a state file). --bundle swaps the model
bundle; --no-archive drops the class-data archive options, to compare with and without.

Prints one JSON object: ready_ms (wall, spawn to the first 200), cpu_ms (CPU time the launched
processes had used by then, which a busy machine inflates far less than wall time) and
server_jvm_ms (what the server logs as its own start-up, from its JVM start).
"""
import argparse, http.client, json, os, shutil, signal, subprocess, sys, tempfile, time

ap = argparse.ArgumentParser()
ap.add_argument("--command-file")
ap.add_argument("--entrypoint")
ap.add_argument("--cwd", required=True)
ap.add_argument("--bundle")
ap.add_argument("--no-archive", action="store_true")
ap.add_argument("--env", action="append", default=[], help="KEY=VALUE for the launched process")
a = ap.parse_args()
work = tempfile.mkdtemp(prefix="startup-probe.")
state = os.path.join(work, "state.json")
java = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/java-17-openjdk-amd64"),
                    "bin", "java")
if a.command_file:
    cmd = [line for line in open(a.command_file).read().splitlines() if line]
    cmd[cmd.index("--state-file") + 1] = state
else:
    cmd = list(json.load(open(a.entrypoint))["entrypoint"])
    cmd[0] = java
    cmd += ["--host", "127.0.0.1", "--port", "0", "--admin-port", "0", "--state-file", state]
if a.bundle:
    cmd[cmd.index("--bundle") + 1] = a.bundle
elif a.entrypoint:
    cmd[cmd.index("--bundle") + 1] = os.path.join(a.cwd, "model")
if a.no_archive:
    cmd = [x for x in cmd if not x.startswith(("-XX:SharedArchiveFile=", "-Xshare:"))]
tick = os.sysconf("SC_CLK_TCK")


def cpu_ms(pid):
    try:
        fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000.0 / tick
    except (OSError, IndexError, ValueError):
        return 0.0


def alive(pid):
    try:
        return open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def read_state():
    try:
        return json.load(open(state))
    except (OSError, ValueError):
        return None


log_path = os.path.join(work, "serving.log")
t0 = time.monotonic()
env = dict(os.environ, **dict(kv.split("=", 1) for kv in a.env))
proc = subprocess.Popen(cmd, cwd=a.cwd, env=env, stdout=open(log_path, "w"),
                        stderr=subprocess.STDOUT)
port = None
while True:
    if proc.poll() is not None:
        sys.exit("the server exited before it was ready: " + open(log_path).read()[-500:])
    st = read_state() if port is None else st
    if st and port is None:
        port = st.get("port")
    if port:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            conn.request("GET", "/readyz")
            if conn.getresponse().status == 200:
                break
        except OSError:
            pass
    if time.monotonic() - t0 > 60:
        proc.kill()
        sys.exit("not ready within 60 s")
    time.sleep(0.002)
ready_ms = (time.monotonic() - t0) * 1000
pids = {proc.pid, st["pid"]} | ({st["supervisor_pid"]} if "supervisor_pid" in st else set())
cpu = sum(cpu_ms(p) for p in pids)
# A server that starts its own supervisor does so once ready: wait for it, so none is left over.
if "--supervise" in cmd:
    for _ in range(200):
        st = read_state() or st
        if "supervisor_pid" in st:
            break
        time.sleep(0.05)
# a deliberate stop of the server: a supervisor lets it go and ends too
os.kill(st["pid"], signal.SIGTERM)
proc.wait(timeout=30)
for pid in (st["pid"], st.get("supervisor_pid", st["pid"])):
    for _ in range(400):
        if not alive(pid):
            break
        time.sleep(0.05)
server_ms = None
for line in open(log_path):
    if '"startup_ms"' in line:
        server_ms = json.loads(line[line.index("{"):])["startup_ms"]
shutil.rmtree(work, ignore_errors=True)
print(json.dumps({"ready_ms": round(ready_ms, 1), "cpu_ms": round(cpu), "server_jvm_ms": server_ms}))
