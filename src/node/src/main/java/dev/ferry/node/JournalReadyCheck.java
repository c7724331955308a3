package dev.ferry.node;

import dev.ferry.engine.persistence.JournalHealth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;

/**
 * Readiness check of Pekko Management ({@code /ready}): fails while the node cannot write its
 * journal, with the reason {@link JournalHealth}'s last probe found (Pekko Management shows the
 * failure's message: {@code Check [...] failed: The journal cannot be written since ...}), so an
 * orchestrator stops routing to a node that can take no change. Registered in hocon/management.conf.
 */
public final class JournalReadyCheck implements Supplier<CompletionStage<Boolean>> {

  private final ActorSystem system;

  /** Pekko Management instantiates health checks with the classic actor system. */
  public JournalReadyCheck(ActorSystem system) {
    this.system = system;
  }

  @Override
  public CompletionStage<Boolean> get() {
    String problem = JournalHealth.get(Adapter.toTyped(system)).problem();
    return problem == null ? CompletableFuture.completedFuture(true)
        : CompletableFuture.failedFuture(new IllegalStateException(problem));
  }
}
