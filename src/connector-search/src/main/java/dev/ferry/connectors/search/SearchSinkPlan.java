package dev.ferry.connectors.search;

import dev.ferry.connectors.kafka.SinkPlanBase;
import dev.ferry.connectors.kafka.SinkSettings;
import dev.ferry.engine.spi.ConnectorContext;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;

/**
 * The plan of a search sink connector: the sink base's flows (one per topic-partition) writing
 * through a {@link SearchTarget} on the node's shared client for the connector's cluster.
 */
final class SearchSinkPlan extends SinkPlanBase<SearchSinkConfig> {

  SearchSinkPlan(String name, Map<String, String> rawConfig, SearchSinkConfig config, List<String> warnings,
                 ConnectorContext context, SinkSettings sink) {
    super(name, rawConfig, config, warnings, context, sink);
  }

  @Override
  protected SearchTarget createTarget(ActorSystem<?> system) {
    return new SearchTarget(config, SearchClients.get(system).client(config.connection()));
  }

  @Override
  protected String taskClass() {
    return "io.confluent.connect.elasticsearch.ElasticsearchSinkTask";
  }
}
