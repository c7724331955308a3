package dev.ferry.cli;

import picocli.CommandLine.Command;

/** {@code ferry cluster ...}: membership and shard distribution, over a node's Pekko Management endpoint. */
@Command(
    name = "cluster",
    description = "Cluster members, leave/down, and shards (over the node's management endpoint, port 8558).",
    subcommands = {
        ClusterMembersCommand.class,
        LeaveMemberCommand.class,
        DownMemberCommand.class,
        ClusterShardsCommand.class})
final class ClusterCommand {}
