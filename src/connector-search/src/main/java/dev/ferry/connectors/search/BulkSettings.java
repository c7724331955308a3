package dev.ferry.connectors.search;

/**
 * How documents travel: Confluent's batching, buffering and retry keys, per flow (one Kafka
 * partition). A flow holds at most {@code maxBufferedRecords} documents (in its open batch and in
 * requests in flight) and at most {@code maxInFlightRequests} bulk requests at a time.
 *
 * @param batchSize           {@code batch.size}: documents per bulk request, at most
 * @param lingerMs            {@code linger.ms}: how long a batch that is not full waits for more documents
 * @param maxInFlightRequests {@code max.in.flight.requests}
 * @param maxBufferedRecords  {@code max.buffered.records}
 * @param flushTimeoutMs      {@code flush.timeout.ms}: how long a stopping flow waits for its requests,
 *                            and how long a flow waits for buffer space before it fails
 * @param maxRetries          {@code max.retries}: retries of a failed request (or of its rejected documents)
 * @param retryBackoffMs      {@code retry.backoff.ms}: first wait before a retry, doubled each time
 */
public record BulkSettings(int batchSize, long lingerMs, int maxInFlightRequests, int maxBufferedRecords,
                           long flushTimeoutMs, int maxRetries, long retryBackoffMs) {

  /** The wait before retry {@code attempt} (1 = first retry): the backoff doubled, capped at a minute. */
  public long backoffMs(int attempt) {
    long wait = retryBackoffMs << Math.min(attempt - 1, 20);
    return Math.min(wait < 0 ? Long.MAX_VALUE : wait, Math.max(retryBackoffMs, 60_000));
  }
}
