package dev.ferry.connectors.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkItemsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void answersWithoutErrorsReportNothing() throws Exception {
    byte[] body = "{\"took\":3,\"errors\":false,\"items\":[{\"index\":{\"status\":201}}]}".getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(), BulkItems.failures(JSON, body), "errors:false means every item succeeded");
  }

  @Test
  void failedItemsKeepPositionStatusTypeAndCause() throws Exception {
    byte[] body = ("{\"took\":3,\"errors\":true,\"items\":[{\"index\":{\"status\":201}},"
        + "{\"index\":{\"_id\":\"b\",\"status\":400,\"error\":{\"type\":\"mapper_parsing_exception\",\"reason\":\"bad\","
        + "\"caused_by\":{\"type\":\"illegal_argument_exception\",\"reason\":\"NaN\"}}}},"
        + "{\"delete\":{\"_id\":\"c\",\"status\":404,\"result\":\"not_found\"}},"
        + "{\"index\":{\"_id\":\"d\",\"status\":409,\"error\":{\"type\":\"version_conflict_engine_exception\",\"reason\":\"v\"}}}]}")
        .getBytes(StandardCharsets.UTF_8);
    assertEquals(List.of(
        new BulkItems.Failed(1, 400, "mapper_parsing_exception",
            "mapper_parsing_exception: bad (caused by illegal_argument_exception: NaN)"),
        new BulkItems.Failed(2, 404, "", ""),
        new BulkItems.Failed(3, 409, "version_conflict_engine_exception", "version_conflict_engine_exception: v")),
        BulkItems.failures(JSON, body), "one entry per item that did not answer 2xx, in request order");
  }

  @Test
  void serverInfoTellsOpenSearchFromElasticsearch() {
    ServerInfo os = ServerInfo.parse(JSON, ("{\"version\":{\"distribution\":\"opensearch\",\"number\":\"2.19.1\"},"
        + "\"tagline\":\"The OpenSearch Project\"}").getBytes(StandardCharsets.UTF_8));
    assertEquals("OpenSearch 2.19.1", os.toString(), "distribution opensearch");
    ServerInfo es9 = ServerInfo.parse(JSON, "{\"version\":{\"number\":\"9.0.0\",\"build_flavor\":\"default\"}}"
        .getBytes(StandardCharsets.UTF_8));
    assertEquals("Elasticsearch 9.0.0", es9.toString(), "no distribution: Elasticsearch");
    ServerInfo es6 = ServerInfo.parse(JSON, "{\"version\":{\"number\":\"6.8.23\"}}".getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(false, true, true, false), List.of(os.hasMappingTypes(), es6.hasMappingTypes(),
        es9.hasDataStreams(), es6.hasDataStreams()), "types only before 7, data streams from 7.9");
    assertEquals("Elasticsearch 8.15.0", ServerInfo.parseNodes(JSON, ("{\"nodes\":{\"n1\":{\"version\":\"8.15.0\","
        + "\"build_flavor\":\"default\"}}}").getBytes(StandardCharsets.UTF_8)).toString(), "nodes info with a flavor");
    assertEquals("OpenSearch 1.3.20", ServerInfo.parseNodes(JSON, "{\"nodes\":{\"n1\":{\"version\":\"1.3.20\"}}}"
        .getBytes(StandardCharsets.UTF_8)).toString(), "nodes info without one");
  }
}
