package dev.ferry.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How validation problems, reported as sentences, are filed under the keys they name. */
class ConfigValidationTest {

  @Test
  void invalidValueIsFiledUnderTheKeyAfterForConfiguration() {
    assertEquals("topic.regex", ConfigValidation.keyOf(
        "Invalid value orders( for configuration topic.regex: not a valid regular expression"), "Kafka's wording");
    assertEquals("tasks.max", ConfigValidation.keyOf(
        "Invalid value 0 for configuration tasks.max: expected a positive integer"), "key followed by a colon");
  }

  @Test
  void missingRequiredKeyIsFiledUnderTheQuotedKey() {
    assertEquals("src.kafka.bootstrap.servers", ConfigValidation.keyOf(
        "Missing required configuration \"src.kafka.bootstrap.servers\" which has no default value."), "quoted key");
  }

  @Test
  void sentenceNamingAQuotedKeyIsFiledUnderTheFirstOne() {
    assertEquals("topic.whitelist", ConfigValidation.keyOf(
        "Missing topics: set \"topic.whitelist\" (comma-separated topics) and/or \"topic.regex\""), "first quoted key");
  }

  @Test
  void sentenceNamingNoKeyIsFiledUnderConnectorClass() {
    assertEquals("connector.class", ConfigValidation.keyOf("Something is wrong"), "fallback key");
  }

  @Test
  void errorCountIsTheNumberOfProblems() {
    JsonNode infos = ConfigValidation.configInfos("X", Map.of("name", "a"), List.of(
        "Invalid value 0 for configuration tasks.max: expected a positive integer", "Something is wrong"));
    assertEquals(2, infos.get("error_count").asInt(), "error_count: " + infos);
    int listed = 0;
    for (JsonNode config : infos.get("configs")) {
      listed += config.get("value").get("errors").size();
    }
    assertEquals(2, listed, "every problem is listed under one key: " + infos);
  }
}
