#!/usr/bin/env bash
# Ferry's one entry point: ./build.sh run | test | bench | console-bench | chaos | cli | package | schema
set -euo pipefail
cd "$(dirname "$0")"

MVN="mvn -B -q -e -Dstyle.color=never"
[ -n "${CI:-}" ] && MVN="mvn -B -e -ntp -Dstyle.color=never"

need_kcat() {
  # Tests check Ferry with an independent Kafka client (librdkafka's kcat, a Debian package).
  if ! command -v kcat >/dev/null 2>&1; then
    echo "[build] installing kcat (Debian package) for the independent-client checks"
    if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq kcat >/dev/null
    else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq kcat >/dev/null; fi
  fi
}

need_chromium() {
  # The web console's tests drive Debian's headless Chromium through its chromedriver (Selenium).
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "[build] installing chromium and chromium-driver (Debian packages) for the web console's browser tests"
    if [ "$(id -u)" = 0 ]; then apt-get update -qq >/dev/null && apt-get install -y -qq chromium chromium-driver >/dev/null
    else sudo apt-get update -qq >/dev/null && sudo apt-get install -y -qq chromium chromium-driver >/dev/null; fi
  fi
}

need_npm() {
  # The web console (src/console) is built with the machine's Node.js and npm.
  if ! command -v npm >/dev/null 2>&1; then
    echo "[build] npm not found: install Node.js 20.19+ with npm (Debian: apt-get install nodejs npm)" >&2
    exit 1
  fi
}

classpath() {
  # Runtime classpath of a module, built once per change of its pom.
  local module=$1 out=$2/target/classpath.txt
  if [ ! -f "$out" ] || [ "$2/pom.xml" -nt "$out" ] || [ pom.xml -nt "$out" ]; then
    $MVN -o -pl "$module" dependency:build-classpath -Dmdep.outputFile="$(pwd)/$out" -DincludeScope=runtime >/dev/null 2>&1 \
      || $MVN -pl "$module" dependency:build-classpath -Dmdep.outputFile="$(pwd)/$out" -DincludeScope=runtime >/dev/null
  fi
  cat "$out"
}

bench_target() {
  # name -> "module artifactId main-class" of a benchmark.
  case "$1" in
    replication|-*) echo "tests/bench ferry-bench dev.ferry.bench.Benchmark" ;;
    *) echo "unknown benchmark: $1 (known: replication)" >&2; exit 2 ;;
  esac
}

install_quietly() {
  need_npm
  $MVN install -DskipTests "$@"
}

case "${1:-}" in
  run|node)
    # Build, then start one node on the embedded defaults (local Kafka, H2, REST on :8083).
    shift
    install_quietly -pl src/node -am
    cp="$(classpath dev.ferry:ferry-node src/node):src/node/target/classes"
    # Parallel GC: measured ~1.6x Ferry's replication throughput of G1 on this workload (see README, Benchmark).
    exec java ${FERRY_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC} -cp "$cp" dev.ferry.node.Main run "$@"
    ;;
  schema)
    shift
    install_quietly -pl src/node -am
    cp="$(classpath dev.ferry:ferry-node src/node):src/node/target/classes"
    exec java -cp "$cp" dev.ferry.node.Main schema "$@"
    ;;
  test)
    # The whole suite: unit tests, then integration tests against real KRaft brokers and databases.
    need_kcat
    need_chromium
    need_npm
    $MVN install
    ;;
  console-bench)
    # The web console with 1,000 flows in headless Chromium: prints and writes tests/console/target/console-render.txt.
    need_chromium
    install_quietly -pl tests/console -am
    $MVN -pl tests/console surefire:test -Dtest=ThousandFlowsTest
    cat tests/console/target/console-render.txt
    ;;
  bench)
    # Ferry against a bare loop doing the same work on the same servers, in one run:
    #   ./build.sh bench [replication] ...  consume->produce (knobs: BENCH_RECORDS, BENCH_RECORD_BYTES,
    #                                       BENCH_PARTITIONS, BENCH_FLOWS for the 1,000-flow memory check)
    # Other benchmarks are named by their first argument; each lives in its own module (see bench_target).
    what="${2:-replication}"
    if [ -z "${2:-}" ] || [ "${2#-}" != "$2" ]; then what=replication; shift 1; else shift 2; fi
    read -r module artifact main <<<"$(bench_target "$what")"
    install_quietly -pl "$module" -am
    cp="$(classpath "dev.ferry:$artifact" "$module"):$module/target/classes:$module/target/test-classes"
    # Both contenders run in this one JVM, so they share its GC: the node's default (parallel GC).
    exec java -Xmx2g -XX:+UseParallelGC -cp "$cp" "$main" "$@"
    ;;
  chaos)
    # The long failure scenarios: 3 node processes, 2 local clusters, PostgreSQL, load on 12 partitions.
    # One line per scenario; exits non-zero if a record was lost. Args: kill-node rolling-restart full-restart target-outage
    install_quietly -pl tests/system -am
    cp="$(classpath dev.ferry:ferry-system-tests tests/system):tests/system/target/classes"
    exec java -Xmx1g -cp "$cp" dev.ferry.system.ChaosMain "${@:2}"
    ;;
  cli|ferry)
    # The `ferry` CLI against a node's REST API (--url, $FERRY_URL, ~/.ferry/config, else http://127.0.0.1:8083).
    shift
    install_quietly -pl src/cli -am
    cp="$(classpath dev.ferry:ferry-cli src/cli):src/cli/target/classes"
    exec java -cp "$cp" dev.ferry.cli.FerryCli "$@"
    ;;
  package)
    install_quietly
    echo "[build] node jar and runtime classpath: src/node/target/"
    ;;
  *)
    echo "usage: ./build.sh run | test | bench | console-bench | chaos | cli | package | schema"
    exit 2
    ;;
esac
