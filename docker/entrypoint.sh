#!/bin/sh
# Starts a Ferry node; every setting comes from FERRY_* environment variables (see README).
set -e
# Other nodes reach this one on the task's own IP: use it as canonical cluster and management host
# unless the operator set them (hostname -i lists the container's addresses; the first is the overlay's).
if [ -z "$FERRY_CLUSTER_HOST" ]; then
  FERRY_CLUSTER_HOST="$(hostname -i | awk '{print $1}')"
  export FERRY_CLUSTER_HOST
fi
if [ -z "$FERRY_MANAGEMENT_HOST" ]; then
  FERRY_MANAGEMENT_HOST="$FERRY_CLUSTER_HOST"
  export FERRY_MANAGEMENT_HOST
fi
exec java $FERRY_JAVA_OPTS -cp "/opt/ferry/lib/*" dev.ferry.node.Main "$@"
