# Shared by the bench scripts that load a server on loopback with wrk and compare it with nginx.
# Source it after setting `work` (a scratch directory readable by nginx's workers).

# free_port: a free TCP port on 127.0.0.1
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# to_ms VALUE: wrk prints 812.00us, 1.23ms, 1.01s
to_ms() {
  python3 -c 'import sys,re; v=sys.argv[1]; m=re.match(r"([0-9.]+)(us|ms|s|m)$",v); f={"us":0.001,"ms":1,"s":1000,"m":60000}[m.group(2)]; print(round(float(m.group(1))*f,3))' "$1"
}

# start_static_nginx: nginx on a free loopback port, one worker per core, access log off,
# answering every request (a POST included: its 405 becomes a 200) with the file at its path
# under $work/www; sets nginx_port and nginx_pid.
start_static_nginx() {
  local nginx_bin
  nginx_bin="$(command -v nginx || echo /usr/sbin/nginx)"
  nginx_port="$(free_port)"
  mkdir -p "$work/nginx/logs" "$work/www/v1/models"
  cat > "$work/nginx/nginx.conf" <<NGINX
worker_processes $(nproc);
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
daemon off;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  client_body_buffer_size 64k;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    default_type application/json;
    location / { error_page 405 =200 \$uri; }
  }
}
NGINX
  "$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" 2> "$work/nginx/logs/start.log" &
  nginx_pid=$!
}
