package dev.ferry.engine.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void secretValuesAreFoundByKeyInsideJaasAndUrlsAndFromProviders() {
    Set<String> secrets = Secrets.of(Map.of(
        "src.kafka.ssl.key.password", "keypass1",
        "src.kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"ferry\" password=\"scram-pw\";",
        "connection.url", "jdbc:mysql://db:3306/demo?user=claus&password=LvRaikkonen_0306",
        "store.url", "https://alice:s3kr3t@minio:9000",
        "topic.whitelist", "orders",
        "aws.secret.access.key", "abcdefghigklmnopqrstuvwxyz0123456789"), List.of("resolved-by-provider"));
    for (String secret : List.of("keypass1", "scram-pw", "LvRaikkonen_0306", "s3kr3t",
        "abcdefghigklmnopqrstuvwxyz0123456789", "resolved-by-provider")) {
      assertTrue(secrets.contains(secret), "found as a secret: " + secret + " in " + secrets);
    }
    assertFalse(secrets.contains("orders"), "an ordinary value is not a secret");
  }

  @Test
  void redactionReplacesEverySecretInATrace() {
    String trace = "Connection to jdbc:mysql://db/demo?password=LvRaikkonen_0306 refused (user claus)";
    assertEquals("Connection to jdbc:mysql://db/demo?password=[hidden] refused (user claus)",
        Secrets.redact(trace, Set.of("LvRaikkonen_0306")), "the password is hidden, the rest kept");
  }
}
