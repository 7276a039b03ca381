#!/usr/bin/env bash
# Measures tinynn serve: start to printed address (wall and CPU), first and later Runs of 1 + 1, resident memory, Ctrl-C.
set -u
cd "$(dirname "$0")/../.."
out=$(mktemp)
start=$(date +%s%N)
# Python restores the default SIGINT (a background job of a script ignores it), so kill -INT is a real Ctrl-C.
python3 -c "import signal,os,sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])" \
  java -jar cli/target/tinynn.jar serve --no-open --port 0 > "$out" 2>&1 &
pid=$!
while ! grep -q '^http://127.0.0.1:' "$out"; do sleep 0.01; done
end=$(date +%s%N)
ticks=$(awk '{print $14 + $15}' /proc/$pid/stat)
echo "start to address: $(( (end - start) / 1000000 )) ms wall, $(( ticks * 10 )) ms CPU; load: $(cut -d' ' -f1 /proc/loadavg)"
addr=$(head -1 "$out"); port=$(echo "$addr" | sed 's#http://127.0.0.1:\([0-9]*\)/.*#\1#'); token=${addr##*token=}
post() { curl -s -H "Authorization: token $token" -H 'Content-Type: application/json' -d '{"code":"1 + 1"}' "http://127.0.0.1:$port/api/run"; }
echo "first run: $(post)"
for i in $(seq 10); do post | sed 's/.*"elapsedMillis":\([0-9]*\).*/\1/'; echo; done | grep . | sort -n | awk '{a[NR]=$1} END {print "later runs (10), elapsedMillis: median " (a[5]+a[6])/2 " ms, min " a[1] " ms, max " a[NR] " ms"}'
echo "server RSS: $(grep VmRSS /proc/$pid/status)"
for c in $(pgrep -P $pid); do echo "runner JVM $c RSS: $(grep VmRSS /proc/$c/status)"; done
kids=$(pgrep -P $pid | tr '\n' ' ')
kill -INT $pid; wait $pid; echo "exit code after Ctrl-C: $?"
sleep 1; for k in $kids; do [ -d /proc/$k ] && echo "runner $k still alive"; done; echo "checked runners: $kids"
