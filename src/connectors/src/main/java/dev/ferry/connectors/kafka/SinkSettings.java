package dev.ferry.connectors.kafka;

import dev.ferry.connectors.connect.ConnectSettings;
import dev.ferry.connectors.connect.WorkerDefaults;
import dev.ferry.engine.spi.ConnectorContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * What every sink connector shares, from Kafka Connect's sink keys: the topics it reads
 * ({@code topics} or {@code topics.regex}, exactly one, as Connect requires), the Kafka cluster it
 * reads them from (the node's cluster, Connect's worker {@code bootstrap.servers}, with the
 * connector's {@code consumer.override.*} settings) and its record model (converters, transforms,
 * {@code errors.*} with the dead letter queue on that cluster).
 *
 * @param topics  the selected topics
 * @param cluster the Kafka cluster and client overrides
 * @param connect converters, transforms and error handling
 */
public record SinkSettings(TopicSelector topics, ClusterClientKey cluster, ConnectSettings connect) {

  /** Connect's keys. */
  public static final String TOPICS = "topics";
  /** Connect's keys. */
  public static final String TOPICS_REGEX = "topics.regex";
  static final String CONSUMER_OVERRIDE = "consumer.override.";

  /**
   * Reads a sink config; adds each problem to {@code errors}, naming its key.
   *
   * @param fallbackConverter the converter when neither the connector nor the worker names one
   */
  public static SinkSettings parse(Map<String, String> config, ConnectorContext context, String fallbackConverter,
                                   List<String> errors) {
    String list = config.getOrDefault(TOPICS, "").trim();
    String regex = config.getOrDefault(TOPICS_REGEX, "").trim();
    Pattern pattern = null;
    if (list.isEmpty() == regex.isEmpty()) {
      errors.add(list.isEmpty()
          ? "Must configure one of topics or topics.regex"
          : "topics and topics.regex are mutually exclusive options, but both are set.");
    }
    if (!regex.isEmpty()) {
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        errors.add("Invalid value " + regex + " for configuration topics.regex: " + e.getDescription());
      }
    }
    Set<String> named = Arrays.stream(list.split(",")).map(String::trim).filter(t -> !t.isEmpty())
        .collect(Collectors.toSet());
    ClusterClientKey cluster = ClientSettings.cluster(config, CONSUMER_OVERRIDE, ClientSettings.Role.CONSUMER,
        context.engine().defaultTarget(), "No Kafka cluster to read from: set the node's ferry.target.bootstrap-servers "
            + "(FERRY_TARGET_BOOTSTRAP_SERVERS) or the connector's consumer.override.bootstrap.servers", errors);
    Map<String, String> merged = WorkerDefaults.of(context.nodeConfig()).under(config);
    return new SinkSettings(new TopicSelector(named, pattern, Set.of()), cluster,
        ConnectSettings.parse(merged, fallbackConverter, errors));
  }
}
