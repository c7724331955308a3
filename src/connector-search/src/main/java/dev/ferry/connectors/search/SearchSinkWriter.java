package dev.ferry.connectors.search;

import dev.ferry.connectors.search.BulkSender.Rejected;
import dev.ferry.connectors.search.DocumentMaker.Outcome;
import dev.ferry.connectors.search.IndexingRules.WriteMethod;
import dev.ferry.engine.spi.SinkContext;
import dev.ferry.engine.spi.SinkWriter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one flow's records (one Kafka partition) as {@code _bulk} requests: records become
 * documents at once, gather in an open batch that is sent when it holds {@code batch.size}
 * documents, or has waited {@code linger.ms} while none of the flow's requests is in flight (so
 * under load batches fill up instead of going out small), with at most {@code max.in.flight.requests} requests
 * and {@code max.buffered.records} documents in flight; {@code put} waits (and so the flow stops
 * reading) while the flow is full.
 *
 * <p>Every sent batch is a segment that ends at an offset; the writer reports durable the end of
 * the longest run of finished segments from the start, so the flow's position only covers
 * documents the server took (or that were rejected and handled by
 * {@code behavior.on.malformed.documents} and the errant-record reporter). Requests finish out of
 * order; positions never do. A failed segment fails the flow: the next run re-reads from the last
 * durable offset and re-writes the same documents under the same ids, so nothing is indexed twice.
 * Under {@code write.method=upsert} a batch waits while a document of it is still in flight, so
 * updates of one id are applied in offset order.
 */
final class SearchSinkWriter implements SinkWriter {

  private static final Logger log = LoggerFactory.getLogger(SearchSinkWriter.class);

  /** A sent batch (or a run of records that gave no document): done when its records are handled. */
  private record Segment(long nextOffset, CompletableFuture<Void> done) {}

  private final SinkContext context;
  private final SearchTarget target;
  private final BulkSettings settings;
  private final IndexingRules rules;
  private CompletableFuture<Void> ready;
  private ServerInfo server;
  private DocumentMaker maker;
  private BulkSender sender;

  private final List<Document> open = new ArrayList<>();
  private final List<CompletionStage<Void>> openReports = new ArrayList<>();
  private long openSince;
  private long openUpTo = -1;
  private final ArrayDeque<Segment> segments = new ArrayDeque<>();
  private final Map<String, Integer> idsInFlight = new HashMap<>();
  private int requestsInFlight;
  private int documentsInFlight;
  private long durable = -1;
  private long reported = -1;
  private boolean draining;
  private boolean closed;
  private Throwable failure;
  private CompletableFuture<Void> room = new CompletableFuture<>();

  SearchSinkWriter(SinkContext context, SearchTarget target) {
    this.context = context;
    this.target = target;
    this.settings = target.config().bulk();
    this.rules = target.config().rules();
  }

  @Override
  public CompletionStage<Long> put(List<SinkRecord> records, long nextOffset) {
    return ready().thenCompose(ignored -> {
      synchronized (this) {
        if (failure != null) {
          return CompletableFuture.failedFuture(failure);
        }
        for (SinkRecord record : records) {
          add(record);
        }
        openUpTo = nextOffset;
        if (open.isEmpty()) {
          sealEmpty();
        }
        send();
      }
      return room(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.flushTimeoutMs()));
    }).thenApply(ignored -> reportDurable());
  }

  @Override
  public CompletionStage<Long> flush(long nowMs) {
    synchronized (this) {
      if (failure != null) {
        return CompletableFuture.failedFuture(failure);
      }
      if (maker != null) {
        send();
      }
    }
    return CompletableFuture.completedFuture(reportDurable());
  }

  @Override
  public CompletionStage<Long> drain() {
    CompletableFuture<Void> all;
    synchronized (this) {
      if (failure != null || maker == null) {
        return CompletableFuture.completedFuture(reportDurableQuietly());
      }
      draining = true;
      send();
      all = CompletableFuture.allOf(segments.stream().map(Segment::done).toArray(CompletableFuture[]::new));
    }
    return drained(all).thenApply(ignored -> reportDurableQuietly());
  }

  private CompletionStage<Void> drained(CompletableFuture<Void> all) {
    return all.orTimeout(settings.flushTimeoutMs(), TimeUnit.MILLISECONDS).handle((done, error) -> {
      synchronized (this) {
        if (error == null && !open.isEmpty() && failure == null) {
          return drained(CompletableFuture.allOf(segments.stream().map(Segment::done)
              .toArray(CompletableFuture[]::new)));
        }
      }
      if (error != null) {
        log.warn("Flow {} stops with documents not yet written ({}); they are read again on its next start",
            context.partition(), error instanceof TimeoutException ? "flush.timeout.ms passed" : error.getMessage());
      }
      return CompletableFuture.<Void>completedFuture(null);
    }).thenCompose(next -> next);
  }

  @Override
  public synchronized void close() {
    closed = true;
    open.clear();
  }

  private synchronized CompletionStage<Void> ready() {
    if (ready == null) {
      ready = target.client().serverInfo().thenAccept(info -> {
        synchronized (this) {
          server = info;
          maker = new DocumentMaker(rules, info);
          sender = new BulkSender(target.client(), settings, info);
        }
      }).toCompletableFuture();
    }
    return ready;
  }

  private void add(SinkRecord record) {
    Outcome outcome = maker.make(record);
    if (outcome instanceof Outcome.Made made) {
      if (open.isEmpty()) {
        openSince = System.nanoTime();
        scheduleLinger();
      }
      open.add(made.document());
    } else if (outcome instanceof Outcome.Invalid invalid) {
      if (rules.dropInvalid() && !invalid.nullValue()) {
        log.warn("Dropping {} (drop.invalid.message=true): {}", DocumentMaker.where(record), invalid.error().getMessage());
      } else {
        openReports.add(context.errors().report(record, invalid.error()));
      }
    } else if (log.isDebugEnabled()) {
      log.debug("{}: {}", DocumentMaker.where(record), ((Outcome.Skipped) outcome).reason());
    }
  }

  /** The records since the last segment gave no document: a segment of their reports, or a marker. */
  private void sealEmpty() {
    if (!openReports.isEmpty()) {
      segments.add(new Segment(openUpTo, allOf(openReports)));
      openReports.clear();
    } else if (!segments.isEmpty()) {
      segments.add(new Segment(openUpTo, CompletableFuture.completedFuture(null)));
    }
  }

  /** Sends open batches while there is room in flight and they are full, lingered or draining. */
  private void send() {
    while (!open.isEmpty() && !closed && failure == null && requestsInFlight < settings.maxInFlightRequests()
        && (open.size() >= settings.batchSize() || draining || requestsInFlight == 0
            && System.nanoTime() - openSince >= TimeUnit.MILLISECONDS.toNanos(settings.lingerMs()))) {
      int size = Math.min(settings.batchSize(), open.size());
      List<Document> batch = new ArrayList<>(open.subList(0, size));
      if (waitsForUpdatesInFlight(batch)) {
        return;
      }
      long end = size == open.size() ? openUpTo : batch.get(size - 1).record().kafkaOffset() + 1;
      open.subList(0, size).clear();
      List<CompletionStage<Void>> reports = new ArrayList<>(openReports);
      openReports.clear();
      if (!open.isEmpty()) {
        openSince = System.nanoTime();
        scheduleLinger();
      }
      dispatch(batch, end, reports);
    }
  }

  private void dispatch(List<Document> batch, long end, List<CompletionStage<Void>> reports) {
    requestsInFlight++;
    documentsInFlight += batch.size();
    trackIds(batch, 1);
    Segment segment = new Segment(end, new CompletableFuture<>());
    segments.add(segment);
    ensureTargets(batch)
        .thenCompose(ignored -> sender.send(batch))
        .thenCompose(this::handleRejected)
        .thenCompose(ignored -> allOf(reports))
        .whenComplete((done, error) -> {
          synchronized (this) {
            requestsInFlight--;
            documentsInFlight -= batch.size();
            trackIds(batch, -1);
            if (error != null && failure == null) {
              failure = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                  ? error.getCause() : error;
            }
            CompletableFuture<Void> waiting = room;
            room = new CompletableFuture<>();
            waiting.complete(null);
            send();
          }
          if (error != null) {
            segment.done().completeExceptionally(error);
          } else {
            segment.done().complete(null);
          }
        });
  }

  private CompletionStage<Void> ensureTargets(List<Document> batch) {
    Map<String, Schema> indices = new LinkedHashMap<>();
    for (Document document : batch) {
      if (!indices.containsKey(document.index())) {
        SinkRecord record = document.record();
        indices.put(document.index(), rules.ignoresSchema(record.topic()) ? null : record.valueSchema());
      }
    }
    List<CompletionStage<Void>> ready = new ArrayList<>();
    indices.forEach((index, schema) -> ready.add(rules.dataStream() != null
        ? target.setup().dataStream(index, server)
        : target.setup().index(index, schema, server, rules.typeName())));
    return allOf(ready);
  }

  private CompletionStage<Void> handleRejected(List<Rejected> rejected) {
    List<CompletionStage<Void>> reports = new ArrayList<>();
    for (Rejected r : rejected) {
      String message = server + " rejected document " + r.document().describe() + ": " + r.reason();
      switch (rules.onMalformed()) {
        case FAIL -> reports.add(context.errors().report(r.document().record(), new DataException(message)));
        case WARN -> log.warn("{} (skipped: behavior.on.malformed.documents=warn)", message);
        case IGNORE -> log.debug("{} (skipped: behavior.on.malformed.documents=ignore)", message);
      }
    }
    return allOf(reports);
  }

  /** Whether {@code batch} updates a document that an update in flight also touches. */
  private boolean waitsForUpdatesInFlight(List<Document> batch) {
    if (rules.writeMethod() != WriteMethod.UPSERT || idsInFlight.isEmpty()) {
      return false;
    }
    for (Document document : batch) {
      if (idsInFlight.containsKey(document.index() + "/" + document.id())) {
        return true;
      }
    }
    return false;
  }

  private void trackIds(List<Document> batch, int delta) {
    if (rules.writeMethod() != WriteMethod.UPSERT) {
      return;
    }
    for (Document document : batch) {
      idsInFlight.merge(document.index() + "/" + document.id(), delta, (a, b) -> a + b == 0 ? null : a + b);
    }
  }

  private void scheduleLinger() {
    CompletableFuture.runAsync(() -> {
      synchronized (this) {
        send();
      }
    }, CompletableFuture.delayedExecutor(Math.max(1, settings.lingerMs()), TimeUnit.MILLISECONDS));
  }

  /** Completes once the flow has room again: its open batch is not full and its buffer not over the limit. */
  private CompletionStage<Void> room(long deadlineNanos) {
    CompletableFuture<Void> waiting;
    synchronized (this) {
      if (failure != null) {
        return CompletableFuture.failedFuture(failure);
      }
      boolean full = open.size() >= settings.batchSize()
          || open.size() + documentsInFlight > settings.maxBufferedRecords();
      if (!full || requestsInFlight == 0) {
        return CompletableFuture.completedFuture(null);
      }
      long left = deadlineNanos - System.nanoTime();
      if (left <= 0) {
        return CompletableFuture.failedFuture(new SearchWriteException("No room for more documents within "
            + "flush.timeout.ms (" + settings.flushTimeoutMs() + " ms): " + requestsInFlight + " bulk requests with "
            + documentsInFlight + " documents still in flight to " + target.client().connection()));
      }
      waiting = room;
    }
    return waiting.thenApply(done -> done).orTimeout(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)
        .handle((done, error) -> room(deadlineNanos)).thenCompose(next -> next);
  }

  /** The end of the finished segments from the start, if it moved since last reported; fails on a failed segment. */
  private synchronized long reportDurable() {
    advance();
    if (failure != null) {
      throw new java.util.concurrent.CompletionException(failure);
    }
    return newlyDurable();
  }

  private synchronized long reportDurableQuietly() {
    advance();
    return newlyDurable();
  }

  private long newlyDurable() {
    if (durable > reported) {
      reported = durable;
      return durable;
    }
    return NOTHING_NEW;
  }

  private void advance() {
    while (!segments.isEmpty() && segments.peek().done().isDone()) {
      Segment head = segments.peek();
      if (head.done().isCompletedExceptionally()) {
        if (failure == null) {
          failure = head.done().handle((v, e) -> e).join();
        }
        return;
      }
      durable = head.nextOffset();
      segments.poll();
    }
    if (segments.isEmpty() && open.isEmpty() && openReports.isEmpty() && openUpTo > durable) {
      durable = openUpTo;
    }
  }

  private static CompletableFuture<Void> allOf(List<CompletionStage<Void>> stages) {
    if (stages.isEmpty()) {
      return CompletableFuture.completedFuture(null);
    }
    return CompletableFuture.allOf(stages.stream().map(CompletionStage::toCompletableFuture)
        .toArray(CompletableFuture[]::new));
  }
}
