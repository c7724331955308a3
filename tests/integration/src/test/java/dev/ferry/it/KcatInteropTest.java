package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.testkit.Await;
import dev.ferry.testkit.TopicData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An independent client (kcat, librdkafka) produces into the source and consumes from the target:
 * what it reads back is exactly what it wrote, keys and headers included.
 */
@Timeout(120)
class KcatInteropTest extends OneNodeTestBase {

  @Test
  void recordsWrittenWithKcatReadBackWithKcatFromTheTarget() throws Exception {
    String source = source();
    String target = target();
    TopicData.createTopic(source, "kcat", 1);
    StringBuilder input = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      input.append("key-").append(i).append(":value-").append(i).append('\n');
      expected.add("key-" + i + "|value-" + i + "|tool=kcat");
    }
    run(input.toString(), "kcat", "-P", "-b", source, "-t", "kcat", "-K:", "-H", "tool=kcat");
    api.create("kcat", Replicator.whitelist(source, "kcat", "${topic}.replica"));
    Await.until(Duration.ofSeconds(60),
        () -> TopicData.total(TopicData.digest(target, "kcat.replica", Duration.ofSeconds(30))) == 50,
        () -> "50 records in kcat.replica");

    String out = run("", "kcat", "-C", "-b", target, "-t", "kcat.replica", "-e", "-q", "-f", "%k|%s|%h\\n");
    assertEquals(expected, out.lines().toList(), "kcat reads back from the target exactly what it wrote to the source");
  }

  private static String run(String stdin, String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + output);
    }
    return output;
  }
}
