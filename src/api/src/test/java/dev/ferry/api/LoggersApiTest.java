package dev.ferry.api;

import static dev.ferry.api.ServerApiTest.assertErrorBody;
import static dev.ferry.api.ServerApiTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/loggers} as in Kafka Connect 3.7, changing the node's real logback levels (the test
 * node runs in this JVM, so the loggers checked here are the node's).
 */
@ExtendWith(TestNode.class)
class LoggersApiTest {

  private final ApiClient api;

  LoggersApiTest(ApiClient api) {
    this.api = api;
  }

  @Test
  void putSetsTheLoggerAndItsChildrenAndAnswersTheirNames() {
    Logger child = LoggerFactory.getLogger("dev.ferry.loggertest.a.child");
    assertFalse(child.isDebugEnabled(), "DEBUG is off before the change");

    ApiClient.Reply reply = api.put("/admin/loggers/dev.ferry.loggertest.a", "{\"level\":\"debug\"}");
    assertEquals(200, reply.status(), "PUT answers 200: " + reply);
    assertEquals("[\"dev.ferry.loggertest.a\",\"dev.ferry.loggertest.a.child\"]", reply.body(),
        "the affected loggers, sorted");
    assertTrue(child.isDebugEnabled(), "the real logback level changed");

    JsonNode one = api.get("/admin/loggers/dev.ferry.loggertest.a").json();
    assertEquals(List.of("level", "last_modified"), fieldNames(one), "LoggerLevel fields: " + one);
    assertEquals("DEBUG", one.get("level").asText(), "the new level: " + one);
    assertTrue(one.get("last_modified").asLong() > 0, "the change time: " + one);

    JsonNode all = api.get("/admin/loggers").json();
    assertEquals("DEBUG", all.path("dev.ferry.loggertest.a").path("level").asText(), "listed with its level: " + all);
    assertTrue(all.path("root").has("level"), "the root logger is listed as root: " + all);
    assertTrue(all.path("root").path("last_modified").isNull(), "root was never changed here: " + all);
  }

  @Test
  void clusterScopeAnswers204AndIsAppliedOnThisNodeBeforeTheAnswer() {
    Logger logger = LoggerFactory.getLogger("dev.ferry.loggertest.cluster");
    ApiClient.Reply reply = api.put("/admin/loggers/dev.ferry.loggertest.cluster?scope=cluster", "{\"level\":\"TRACE\"}");
    assertEquals(204, reply.status(), "cluster scope answers 204 No Content, as Connect 3.7: " + reply);
    assertTrue(logger.isTraceEnabled(), "and is applied on this node (and sent to every other one)");
  }

  @Test
  void unknownLoggersAndBadLevelsAreRefusedNamingTheProblem() {
    ApiClient.Reply unknown = api.get("/admin/loggers/dev.ferry.never.created.logger");
    assertErrorBody(unknown, 404);
    assertEquals("Logger dev.ferry.never.created.logger not found.", unknown.json().get("message").asText(),
        "Connect's message");

    ApiClient.Reply noLevel = api.put("/admin/loggers/dev.ferry.loggertest.b", "{}");
    assertErrorBody(noLevel, 400);
    assertTrue(noLevel.json().get("message").asText().contains("'level'"), "names the missing field: " + noLevel);

    ApiClient.Reply badLevel = api.put("/admin/loggers/dev.ferry.loggertest.b", "{\"level\":\"LOUD\"}");
    assertErrorBody(badLevel, 404); // Connect's NotFoundException for an unknown level
    assertTrue(badLevel.json().get("message").asText().contains("LOUD"), "names the bad level: " + badLevel);

    assertErrorBody(api.put("/admin/loggers/dev.ferry.loggertest.b", "{\"level\":"), 400);
  }
}
