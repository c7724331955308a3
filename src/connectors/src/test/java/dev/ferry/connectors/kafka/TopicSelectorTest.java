package dev.ferry.connectors.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TopicSelectorTest {

  @Test
  void selectsWhitelistAndFullRegexMatchesMinusBlacklistAndInternalTopics() {
    TopicSelector selector = new TopicSelector(Set.of("audit"), Pattern.compile("orders\\..*"), Set.of("orders.tmp"));
    List<String> selected = selector.select(List.of("audit", "orders.eu", "orders.tmp", "xorders.eu",
        "__consumer_offsets", "__orders.x", "payments"));
    assertEquals(List.of("audit", "orders.eu"), selected, "whitelist + regex full match, minus blacklist and internals");
  }

  @Test
  void regexMustMatchTheWholeName() {
    TopicSelector selector = new TopicSelector(Set.of(), Pattern.compile("orders"), Set.of());
    assertTrue(selector.selects("orders"), "exact match selected");
    assertFalse(selector.selects("orders-eu"), "partial match not selected");
  }

  @Test
  void renameFormatSubstitutesTheTopic() {
    assertEquals("dc1.orders.replica", new TopicRenameFormat("dc1.${topic}.replica").apply("orders"), "placeholder replaced");
    assertTrue(TopicRenameFormat.identity().isIdentity(), "default keeps names");
    assertFalse(new TopicRenameFormat("fixed").usesTopic(), "fixed name does not use the topic");
    assertFalse(TopicRenameFormat.isLegalTopic("bad/name"), "slash is not legal in topic names");
  }
}
