package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Structured logs: FERRY_LOG_FORMAT=json makes the node's console log JSON with the MDC, and a
 * failing connector or flow logs the cause shown in its status trace, with the connector (and
 * flow) in the MDC.
 */
@Timeout(180)
class StructuredLogsTest extends OneNodeTestBase {

  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger ferryLogger = (Logger) LoggerFactory.getLogger("dev.ferry");

  @BeforeEach
  void capture() {
    captured.start();
    ferryLogger.addAppender(captured);
  }

  @AfterEach
  void release() {
    ferryLogger.detachAppender(captured);
  }

  @Test
  void jsonFormatSwitchesTheConsoleToLogbacksJsonEncoderWithTheMdc() throws Exception {
    URL nodeConfig = Thread.currentThread().getContextClassLoader().getResource("logback.xml");
    assertNotNull(nodeConfig, "the node's logback.xml is on the classpath");
    LoggerContext context = new LoggerContext();
    context.putProperty("FERRY_LOG_FORMAT", "json");
    context.putProperty("FERRY_LOG_DIR", Files.createTempDirectory("ferry-logs").toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(nodeConfig);

    Logger ferry = context.getLogger("dev.ferry");
    assertNull(ferry.getAppender("CONSOLE-text"), "no text console with FERRY_LOG_FORMAT=json");
    OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) ferry.getAppender("CONSOLE-json");
    assertNotNull(console, "the JSON console appender is attached to dev.ferry");
    assertTrue(console.getEncoder() instanceof JsonEncoder, "logback's JsonEncoder: " + console.getEncoder());
    assertNotNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE_WARN-json"),
        "warnings of other libraries are JSON too");

    LoggingEvent event = new LoggingEvent("test", ferry, Level.WARN, "Flow {} failed", null, new Object[] {"c:t-0"});
    event.setMDCPropertyMap(Map.of("connector", "c", "flow", "c:t-0"));
    JsonNode line = new ObjectMapper().readTree(new String(console.getEncoder().encode(event), StandardCharsets.UTF_8));
    assertEquals("WARN", line.path("level").asText(), "level: " + line);
    assertEquals("c", line.path("mdc").path("connector").asText(), "connector from the MDC: " + line);
    assertEquals("c:t-0", line.path("mdc").path("flow").asText(), "flow from the MDC: " + line);
    context.stop();
  }

  @Test
  void aFailingConnectorLogsTheCauseOfItsTraceWithTheConnectorInTheMdc() {
    String name = "logs-unreachable";
    api.create(name, Replicator.whitelist("127.0.0.1:" + TestNodes.freePort(), name, "${topic}.replica"));
    Await.until(Duration.ofSeconds(60), () -> "FAILED".equals(api.connectorState(name)),
        () -> "connector FAILED: " + api.get("/connectors/" + name + "/status"));
    String trace = api.get("/connectors/" + name + "/status").json().path("connector").path("trace").asText();
    String cause = trace.lines().findFirst().orElseThrow();

    ILoggingEvent logged = awaitWarning(name, null, cause);
    assertTrue(logged.getFormattedMessage().contains(cause), "the log line carries the trace's cause: " + cause);
  }

  @Test
  void aFailingFlowLogsTheCauseOfItsTraceWithConnectorAndFlowInTheMdc() {
    String name = "logs-too-large";
    TopicData.createTopic(source(), name, 1);
    TopicData.produce(source(), name, 1, 0, 10, 500);
    Map<String, String> config = Replicator.whitelist(source(), name, "${topic}.replica");
    config.put("dest.kafka.max.request.size", "200"); // every 500-byte record is refused by the producer
    api.create(name, config);

    // State and trace from one answer: a failed flow restarts by itself after its backoff.
    String[] seen = new String[1];
    Await.until(Duration.ofSeconds(60), () -> {
      var status = api.get("/connectors/" + name + "/tasks/0/status").json();
      seen[0] = status != null && "FAILED".equals(status.path("state").asText()) ? status.path("trace").asText() : null;
      return seen[0] != null;
    }, () -> "task FAILED: " + api.get("/connectors/" + name + "/status"));
    String trace = seen[0];
    assertTrue(trace.contains("RecordTooLargeException"), "the trace names the cause: " + trace);

    ILoggingEvent logged = awaitWarning(name, name + ":" + name + "/0", "RecordTooLargeException");
    assertTrue(logged.getFormattedMessage().contains(trace.lines().findFirst().orElseThrow()),
        "the log line carries the trace's first line: " + logged.getFormattedMessage());
  }

  /** A WARN line of {@code connector} (and {@code flow}, when given) in the MDC that contains {@code text}. */
  private ILoggingEvent awaitWarning(String connector, String flow, String text) {
    Await.until(Duration.ofSeconds(30), () -> warning(connector, flow, text).isPresent(),
        () -> "a WARN with connector=" + connector + " flow=" + flow + " containing '" + text + "'; captured: "
            + List.copyOf(captured.list).stream().map(e -> e.getMDCPropertyMap() + " " + e.getFormattedMessage()).toList());
    return warning(connector, flow, text).orElseThrow();
  }

  private Optional<ILoggingEvent> warning(String connector, String flow, String text) {
    return List.copyOf(captured.list).stream()
        .filter(e -> e.getLevel() == Level.WARN)
        .filter(e -> connector.equals(e.getMDCPropertyMap().get("connector")))
        .filter(e -> flow == null || flow.equals(e.getMDCPropertyMap().get("flow")))
        .filter(e -> e.getFormattedMessage().contains(text))
        .findFirst();
  }
}
