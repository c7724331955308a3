package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.Reconciliation;
import dev.ferry.testkit.TopicData;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** PUT pause stops all production; PUT resume continues from the persisted offsets. */
@Timeout(180)
class PauseResumeTest extends OneNodeTestBase {

  @Test
  void producesNothingWhilePausedAndResumesWhereItStopped() {
    String source = source();
    String target = target();
    TopicData.createTopic(source, "pausing", 3);
    TopicData.produce(source, "pausing", 3, 0, 1_000, 100);
    api.create("pausing", Replicator.whitelist(source, "pausing", "${topic}.replica"));
    Await.until(Duration.ofSeconds(60), () -> targetCount(target) == 3_000,
        () -> "first 3,000 records replicated, target has " + targetCount(target));

    assertEquals(202, api.put("/connectors/pausing/pause", null).status(), "pause is accepted");
    Await.until(Duration.ofSeconds(30), () -> allStates("PAUSED"),
        () -> "connector and tasks PAUSED: " + api.get("/connectors/pausing/status"));
    TopicData.produce(source, "pausing", 3, 1_000, 1_000, 100);
    Await.holdsFor(Duration.ofSeconds(3), () -> targetCount(target) == 3_000,
        () -> "nothing replicated while paused, target has " + targetCount(target));

    assertEquals(202, api.put("/connectors/pausing/resume", null).status(), "resume is accepted");
    Await.until(Duration.ofSeconds(60), () -> targetCount(target) >= 6_000,
        () -> "all 6,000 records replicated after resume, target has " + targetCount(target) + " "
            + TopicData.digest(target, "pausing.replica", Duration.ofSeconds(30)).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().count()).toList()
            + ", source has " + TopicData.total(TopicData.digest(source, "pausing", Duration.ofSeconds(30)))
            + ", status " + api.get("/connectors/pausing/status"));
    Reconciliation r = Reconciliation.of(TopicData.digest(source, "pausing", Duration.ofSeconds(30)),
        TopicData.digest(target, "pausing.replica", Duration.ofSeconds(30)));
    assertEquals(0, r.lost(), "nothing lost across pause/resume: " + r.summary());
    assertEquals(0, r.duplicates(), "resume continues exactly from the persisted offset: " + r.summary());
    Await.until(Duration.ofSeconds(30), () -> allStates("RUNNING"),
        () -> "connector and tasks RUNNING again: " + api.get("/connectors/pausing/status"));
  }

  private static long targetCount(String target) {
    return TopicData.total(TopicData.digest(target, "pausing.replica", Duration.ofSeconds(30)));
  }

  private static boolean allStates(String state) {
    JsonNode status = api.get("/connectors/pausing/status").json();
    if (!state.equals(status.path("connector").path("state").asText()) || status.path("tasks").size() != 3) {
      return false;
    }
    for (JsonNode task : status.path("tasks")) {
      if (!state.equals(task.path("state").asText())) {
        return false;
      }
    }
    return true;
  }
}
