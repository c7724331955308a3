#!/bin/sh
# Starts a Ferry node; every setting comes from FERRY_* environment variables (see README).
set -e
exec java $FERRY_JAVA_OPTS -cp "/opt/ferry/lib/*" dev.ferry.node.Main "$@"
