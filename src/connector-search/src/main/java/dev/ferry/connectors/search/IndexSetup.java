package dev.ferry.connectors.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.connect.data.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure each index or data stream exists before its first document, once per connector and
 * node: a missing index is created with the mapping of the first record's value schema (unless the
 * schema is ignored), a missing data stream with an index template of its own when the server has
 * no template for it (Elasticsearch's built-in {@code logs-*-*}/{@code metrics-*-*} ones are used
 * where present). Creating what another flow or node just created is fine; a failure is not
 * remembered, so the next batch asks again.
 */
final class IndexSetup {

  private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);

  private final SearchClient client;
  private final ObjectMapper json;
  private final Map<String, CompletableFuture<Void>> ready = new ConcurrentHashMap<>();

  IndexSetup(SearchClient client) {
    this.client = client;
    this.json = client.json();
  }

  /** Completes when {@code index} exists; creates it with a mapping of {@code schema} (null: dynamic). */
  CompletionStage<Void> index(String index, Schema schema, ServerInfo server, String typeName) {
    return once(index, () -> client.perform("HEAD", "/" + index, null).thenCompose(exists -> {
      if (exists.ok()) {
        return CompletableFuture.completedFuture(null);
      }
      if (exists.status() != 404) {
        throw new SearchWriteException("Cannot check index " + index + " on " + server + ": HEAD answered "
            + exists.status());
      }
      ObjectNode body = json.createObjectNode();
      ObjectNode mapping = IndexMappings.of(json, schema);
      if (mapping != null) {
        body.set("mappings", server.hasMappingTypes()
            ? json.createObjectNode().set(typeName.isEmpty() ? "_doc" : typeName, mapping) : mapping);
      }
      return client.performJson("PUT", "/" + index, body.toString()).thenAccept(created -> {
        if (!created.ok() && !alreadyExists(created)) {
          throw new SearchWriteException("Cannot create index " + index + " on " + server + ": " + created.status()
              + " " + created.preview());
        }
        log.info("Created index {} on {}{}", index, server, mapping == null ? "" : " with mapping " + mapping);
      });
    }));
  }

  /** Completes when data stream {@code name} exists, creating it (and its template when needed). */
  CompletionStage<Void> dataStream(String name, ServerInfo server) {
    if (!server.hasDataStreams()) {
      return CompletableFuture.failedFuture(new SearchWriteException(server + " has no data streams "
          + "(Elasticsearch 7.9+ or OpenSearch): unset data.stream.type"));
    }
    return once(name, () -> client.perform("GET", "/_data_stream/" + name, null).thenCompose(found -> {
      if (found.ok()) {
        return CompletableFuture.completedFuture(null);
      }
      return createStream(name, server).thenCompose(created -> {
        if (created.ok() || alreadyExists(created)) {
          return CompletableFuture.completedFuture(null);
        }
        String template = "{\"index_patterns\":[\"" + name + "\"],\"data_stream\":{},\"priority\":200}";
        return client.performJson("PUT", "/_index_template/ferry-" + name, template).thenCompose(put -> {
          if (!put.ok()) {
            throw new SearchWriteException("Cannot create an index template for data stream " + name + " on " + server
                + ": " + put.status() + " " + put.preview());
          }
          log.info("Created index template ferry-{} for data stream {} on {}", name, name, server);
          return createStream(name, server);
        }).thenAccept(again -> {
          if (!again.ok() && !alreadyExists(again)) {
            throw new SearchWriteException("Cannot create data stream " + name + " on " + server + ": " + again.status()
                + " " + again.preview());
          }
        });
      });
    }));
  }

  private CompletionStage<HttpResult> createStream(String name, ServerInfo server) {
    return client.perform("PUT", "/_data_stream/" + name, null);
  }

  private CompletionStage<Void> once(String name, java.util.function.Supplier<CompletionStage<Void>> create) {
    CompletableFuture<Void> known = ready.get(name);
    if (known != null && !known.isCompletedExceptionally()) {
      return known;
    }
    CompletableFuture<Void> made = new CompletableFuture<>();
    CompletableFuture<Void> raced = ready.putIfAbsent(name, made);
    if (raced != null) {
      if (!raced.isCompletedExceptionally()) {
        return raced;
      }
      ready.replace(name, raced, made);
    }
    create.get().whenComplete((done, error) -> {
      if (error != null) {
        ready.remove(name, made);
        made.completeExceptionally(error);
      } else {
        made.complete(null);
      }
    });
    return made;
  }

  private static boolean alreadyExists(HttpResult result) {
    return result.status() == 400 && result.preview().contains("resource_already_exists_exception");
  }
}
