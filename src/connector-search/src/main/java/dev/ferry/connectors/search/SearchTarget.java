package dev.ferry.connectors.search;

import dev.ferry.engine.spi.SinkContext;
import dev.ferry.engine.spi.SinkTarget;
import dev.ferry.engine.spi.SinkWriter;

/**
 * A search connector's target on one node: the node's shared client for its cluster and the
 * record of which indices exist, shared by the connector's flows; one {@link SearchSinkWriter} per
 * flow run. Offsets stay in Ferry's journal (the documents' deterministic ids and external
 * versions make re-writing after a crash harmless), so {@code committedOffset} is not overridden.
 */
final class SearchTarget implements SinkTarget {

  private final SearchSinkConfig config;
  private final SearchClient client;
  private final IndexSetup setup;

  SearchTarget(SearchSinkConfig config, SearchClient client) {
    this.config = config;
    this.client = client;
    this.setup = new IndexSetup(client);
  }

  @Override
  public SinkWriter open(SinkContext context) {
    return new SearchSinkWriter(context, this);
  }

  SearchSinkConfig config() {
    return config;
  }

  SearchClient client() {
    return client;
  }

  IndexSetup setup() {
    return setup;
  }
}
