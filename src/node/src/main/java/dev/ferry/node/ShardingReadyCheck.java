package dev.ferry.node;

import dev.ferry.engine.connector.ConnectorEntity;
import dev.ferry.engine.flow.FlowEntity;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.cluster.sharding.ClusterSharding;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.pattern.Patterns;

/**
 * Readiness check of Pekko Management ({@code /ready}): true once this node's connector and flow
 * shard regions exist and the shard coordinator answers them with its list of regions, i.e. the
 * node can route API requests to any connector and host flows. Registered in hocon/management.conf.
 */
public final class ShardingReadyCheck implements Supplier<CompletionStage<Boolean>> {

  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private final ActorSystem system;

  /** Pekko Management instantiates health checks with the classic actor system. */
  public ShardingReadyCheck(ActorSystem system) {
    this.system = system;
  }

  @Override
  public CompletionStage<Boolean> get() {
    return coordinatorAnswers(ConnectorEntity.TYPE_KEY.name())
        .thenCombine(coordinatorAnswers(FlowEntity.TYPE_KEY.name()), Boolean::logicalAnd);
  }

  private CompletionStage<Boolean> coordinatorAnswers(String typeName) {
    ActorRef region;
    try {
      region = ClusterSharding.get(system).shardRegion(typeName);
    } catch (IllegalStateException | IllegalArgumentException notStarted) {
      return CompletableFuture.completedFuture(false);
    }
    return Patterns.ask(region, ShardRegion.getCurrentRegionsInstance(), TIMEOUT)
        .thenApply(reply -> reply instanceof ShardRegion.CurrentRegions)
        .exceptionally(timeout -> false);
  }
}
