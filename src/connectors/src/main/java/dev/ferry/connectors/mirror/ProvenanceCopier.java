package dev.ferry.connectors.mirror;

import dev.ferry.connectors.kafka.RecordCopier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Cycle prevention where names cannot show origin (IdentityReplicationPolicy, active/active with
 * the same topic names on both sides): each copied record carries the alias of the cluster it was
 * first written to in the {@value #HEADER} header, and a record is never copied to the cluster
 * named there. Records written locally get the header on their first hop; later hops keep it.
 */
public final class ProvenanceCopier implements RecordCopier {

  /** The header that names a record's cluster of origin. */
  public static final String HEADER = "ferry.origin.cluster";

  private final byte[] sourceAlias;
  private final byte[] targetAlias;

  /** A copier for records going from {@code sourceAlias} to {@code targetAlias}. */
  public ProvenanceCopier(String sourceAlias, String targetAlias) {
    this.sourceAlias = sourceAlias.getBytes(StandardCharsets.UTF_8);
    this.targetAlias = targetAlias.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public ProducerRecord<byte[], byte[]> copy(ConsumerRecord<byte[], byte[]> record, String targetTopic) {
    Header origin = record.headers().lastHeader(HEADER);
    if (origin != null && Arrays.equals(origin.value(), targetAlias)) {
      return null; // it came from the target: copying it back would loop forever
    }
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    if (origin == null) {
      headers.add(HEADER, sourceAlias);
    }
    return new ProducerRecord<>(targetTopic, record.partition(), record.timestamp() >= 0 ? record.timestamp() : null,
        record.key(), record.value(), headers);
  }
}
