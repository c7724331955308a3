package dev.ferry.connectors.search;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The node's search clients, one per {@link SearchConnection}, so every flow and every connector
 * writing to the same cluster with the same settings shares one connection pool. Clients live as
 * long as the node and are closed by a CoordinatedShutdown task that runs after sharding has handed
 * off (drained) every flow.
 */
public final class SearchClients implements Extension {

  /** Extension id: {@code SearchClients.get(system)}. */
  public static final class Id extends ExtensionId<SearchClients> {
    @Override
    public SearchClients createExtension(ActorSystem<?> system) {
      return new SearchClients(system);
    }
  }

  private static final Id ID = new Id();

  private final Map<SearchConnection, SearchClient> clients = new ConcurrentHashMap<>();

  private SearchClients(ActorSystem<?> system) {
    CoordinatedShutdown.get(system).addTask(
        CoordinatedShutdown.PhaseBeforeActorSystemTerminate(), "close-search-clients", () -> {
          clients.values().forEach(SearchClient::close);
          clients.clear();
          return CompletableFuture.completedFuture(Done.getInstance());
        });
  }

  /** The node's clients. */
  public static SearchClients get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** The client for {@code connection}, made on first use. */
  public SearchClient client(SearchConnection connection) {
    return clients.computeIfAbsent(connection, SearchClient::new);
  }
}
