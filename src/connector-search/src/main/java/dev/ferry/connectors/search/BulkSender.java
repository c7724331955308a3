package dev.ferry.connectors.search;

import dev.ferry.connectors.search.BulkItems.Failed;
import dev.ferry.connectors.search.Document.Action;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one batch of documents as {@code _bulk} requests until each document is written, rejected
 * or known to be there already. What the server answers decides:
 * <ul>
 *   <li>no answer, 429 or 5xx for the request, or 429/5xx for some items: those are sent again
 *       after {@code retry.backoff.ms}, doubled per retry, at most {@code max.retries} times; then
 *       the batch fails (and so the flow, which the engine restarts with its backoff);</li>
 *   <li>409 for an {@code index}/{@code delete} with the offset as external version, or for a
 *       {@code create}: the document (or a newer one) is already there, as after Ferry's own retry
 *       or restart: success, not an error;</li>
 *   <li>404 for a delete: already gone, success;</li>
 *   <li>400 for an item: the document itself is malformed (mapping conflict, bad field): returned
 *       as {@link Rejected} for the writer to handle by {@code behavior.on.malformed.documents};</li>
 *   <li>any other status: the batch fails with the server's reason and the document's name.</li>
 * </ul>
 */
final class BulkSender {

  private static final Logger log = LoggerFactory.getLogger(BulkSender.class);

  /**
   * A document the server rejected as malformed.
   *
   * @param document the document
   * @param reason   the server's status and reason
   */
  record Rejected(Document document, String reason) {}

  private final SearchClient client;
  private final BulkSettings settings;
  private final String server;

  BulkSender(SearchClient client, BulkSettings settings, ServerInfo info) {
    this.client = client;
    this.settings = settings;
    this.server = info + " at " + client.connection();
  }

  /** Sends {@code documents}; completes with the rejected ones, or fails when the batch cannot be written. */
  CompletionStage<List<Rejected>> send(List<Document> documents) {
    return attempt(documents, 0, new ArrayList<>());
  }

  private CompletionStage<List<Rejected>> attempt(List<Document> pending, int retries, List<Rejected> rejected) {
    return client.bulk(body(pending)).handle((result, unreachable) -> {
      if (unreachable != null) {
        return retry(pending, retries, rejected, unreachable.getMessage());
      }
      if (!result.ok()) {
        String reason = "_bulk answered " + result.status() + ": " + result.preview();
        if (result.retriable()) {
          return retry(pending, retries, rejected, reason);
        }
        return CompletableFuture.<List<Rejected>>failedFuture(new SearchWriteException(server + " refused a bulk of "
            + pending.size() + " documents, the first " + pending.get(0).describe() + ": " + reason));
      }
      List<Failed> failures;
      try {
        failures = BulkItems.failures(client.json(), result.body());
      } catch (IOException e) {
        return CompletableFuture.<List<Rejected>>failedFuture(new SearchWriteException(server
            + " answered _bulk with something that is not a bulk answer (" + e.getMessage() + "): " + result.preview()));
      }
      List<Document> again = new ArrayList<>();
      String againReason = null;
      for (Failed failed : failures) {
        Document document = pending.get(failed.position());
        switch (verdict(document, failed)) {
          case WRITTEN -> { }
          case RETRY -> {
            again.add(document);
            againReason = document.describe() + ": " + failed.status() + " " + failed.reason();
          }
          case MALFORMED -> rejected.add(new Rejected(document, failed.status() + " " + failed.reason()));
          case FATAL -> {
            return CompletableFuture.<List<Rejected>>failedFuture(new SearchWriteException(server + " refused "
                + document.describe() + ": " + failed.status() + " " + failed.reason()));
          }
        }
      }
      if (!again.isEmpty()) {
        return retry(again, retries, rejected, againReason);
      }
      return CompletableFuture.completedFuture(rejected);
    }).thenCompose(next -> next);
  }

  private enum Verdict { WRITTEN, RETRY, MALFORMED, FATAL }

  private static Verdict verdict(Document document, Failed failed) {
    int status = failed.status();
    if (status == 409 && document.action() != Action.UPSERT) {
      return Verdict.WRITTEN;
    }
    if (status == 404 && document.action() == Action.DELETE && failed.type().isEmpty()) {
      return Verdict.WRITTEN;
    }
    if (status == 429 || status >= 500 || status == 409) {
      return Verdict.RETRY;
    }
    return status == 400 ? Verdict.MALFORMED : Verdict.FATAL;
  }

  private CompletionStage<List<Rejected>> retry(List<Document> pending, int retries, List<Rejected> rejected,
                                               String reason) {
    if (retries >= settings.maxRetries()) {
      return CompletableFuture.failedFuture(new SearchWriteException("Writing " + pending.size() + " documents to "
          + server + " failed after " + retries + " retries (max.retries): " + reason));
    }
    long wait = settings.backoffMs(retries + 1);
    log.warn("Retrying {} documents on {} in {} ms (retry {} of {}): {}", pending.size(), server, wait, retries + 1,
        settings.maxRetries(), reason);
    return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS))
        .thenCompose(ignored -> attempt(pending, retries + 1, rejected));
  }

  private static byte[] body(List<Document> documents) {
    int size = 0;
    for (Document document : documents) {
      size += document.lines().length;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    for (Document document : documents) {
      out.writeBytes(document.lines());
    }
    return out.toByteArray();
  }
}
