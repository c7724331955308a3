package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.localkafka.LocalKafkaBroker;
import dev.ferry.node.FerryNode;
import dev.ferry.testkit.Await;
import dev.ferry.testkit.ConnectClient;
import dev.ferry.testkit.TestNodes;
import dev.ferry.testkit.TopicData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Topic ACL sync against clusters that have an authorizer: two single-broker KRaft clusters of this
 * class's own with {@code StandardAuthorizer} (the shared test clusters have none). PLAINTEXT clients,
 * Ferry and the broker itself are {@code User:ANONYMOUS}, a super user, so only the copied ACLs matter.
 * MM2's rules: literal TOPIC ACLs of replicated topics go to the remote topic; ALLOW WRITE is never
 * copied; ALLOW ALL becomes ALLOW READ (principal and host kept); everything else, DENY included, is
 * copied as it is; prefixed patterns, other resource types and unselected topics are not copied.
 */
@Timeout(300)
class MirrorAclSyncTest {

  private static final Map<String, String> AUTHORIZER = Map.of(
      "authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer",
      "super.users", "User:ANONYMOUS",
      "allow.everyone.if.no.acl.found", "true");
  private static final String TOPIC = "acl.orders";
  private static final String REMOTE = "sa.acl.orders";

  private static LocalKafkaBroker source;
  private static LocalKafkaBroker target;
  private static FerryNode node;
  private static ConnectClient api;

  @BeforeAll
  static void start() throws Exception {
    Path dir = Files.createTempDirectory("ferry-kafka-acl-");
    Duration ready = Duration.ofSeconds(120);
    CompletableFuture<LocalKafkaBroker> s = CompletableFuture.supplyAsync(() -> LocalKafkaBroker.start(
        LocalKafkaBroker.Settings.ephemeral("acl-source", dir.resolve("source")).withOverrides(AUTHORIZER), ready));
    CompletableFuture<LocalKafkaBroker> t = CompletableFuture.supplyAsync(() -> LocalKafkaBroker.start(
        LocalKafkaBroker.Settings.ephemeral("acl-target", dir.resolve("target")).withOverrides(AUTHORIZER), ready));
    try {
      source = s.join();
    } finally {
      target = t.join();
    }
    node = TestNodes.start(TestNodes.newDataDir(), target.bootstrapServers(), Map.of("ferry.discovery.interval", "10m"));
    api = new ConnectClient(node.restUrl());
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.stop(Duration.ofSeconds(60));
    }
    if (source != null) {
      source.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @Test
  void topicAclsAreCopiedByMm2sRules() throws Exception {
    TopicData.createTopic(source.bootstrapServers(), TOPIC, 1);
    TopicData.createTopic(source.bootstrapServers(), "private.ledger", 1);
    createAcls(source, List.of(
        topicAcl(TOPIC, PatternType.LITERAL, "alice", "*", AclOperation.READ, AclPermissionType.ALLOW),
        topicAcl(TOPIC, PatternType.LITERAL, "bob", "*", AclOperation.WRITE, AclPermissionType.ALLOW),
        topicAcl(TOPIC, PatternType.LITERAL, "carol", "10.0.0.7", AclOperation.ALL, AclPermissionType.ALLOW),
        topicAcl("acl.", PatternType.PREFIXED, "dave", "*", AclOperation.READ, AclPermissionType.ALLOW),
        topicAcl(TOPIC, PatternType.LITERAL, "eve", "*", AclOperation.READ, AclPermissionType.DENY),
        topicAcl(TOPIC, PatternType.LITERAL, "frank", "*", AclOperation.WRITE, AclPermissionType.DENY),
        topicAcl("private.ledger", PatternType.LITERAL, "alice", "*", AclOperation.READ, AclPermissionType.ALLOW),
        new AclBinding(new ResourcePattern(ResourceType.GROUP, "acl-readers", PatternType.LITERAL),
            new AccessControlEntry("User:alice", "*", AclOperation.READ, AclPermissionType.ALLOW))));

    Map<String, String> config = Mm2.source("sa", source.bootstrapServers(), "ta", target.bootstrapServers(), "acl\\..*");
    config.put("sync.topic.acls.enabled", "true");
    config.put("sync.topic.acls.interval.seconds", "1");
    api.create("acl-sync", config);

    Set<AclBinding> expected = new HashSet<>(Set.of(
        topicAcl(REMOTE, PatternType.LITERAL, "alice", "*", AclOperation.READ, AclPermissionType.ALLOW),
        topicAcl(REMOTE, PatternType.LITERAL, "carol", "10.0.0.7", AclOperation.READ, AclPermissionType.ALLOW),
        topicAcl(REMOTE, PatternType.LITERAL, "eve", "*", AclOperation.READ, AclPermissionType.DENY),
        topicAcl(REMOTE, PatternType.LITERAL, "frank", "*", AclOperation.WRITE, AclPermissionType.DENY)));
    Await.until(Duration.ofSeconds(60), () -> acls(target).equals(expected),
        () -> "target ACLs are exactly " + expected + " but are " + acls(target) + "; " + status());
    // Every sync re-creates the same bindings: the target keeps exactly that set, nothing else appears.
    Await.holdsFor(Duration.ofSeconds(3), () -> acls(target).equals(expected),
        () -> "target ACLs stay " + expected + " but are " + acls(target));

    // An ACL added on the source later is copied on the next sync.
    createAcls(source, List.of(
        topicAcl(TOPIC, PatternType.LITERAL, "grace", "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW)));
    expected.add(topicAcl(REMOTE, PatternType.LITERAL, "grace", "*", AclOperation.DESCRIBE, AclPermissionType.ALLOW));
    Await.until(Duration.ofSeconds(30), () -> acls(target).equals(expected),
        () -> "grace's DESCRIBE copied: expected " + expected + " but are " + acls(target));
    assertEquals(expected, acls(target));
  }

  private static AclBinding topicAcl(String name, PatternType type, String user, String host, AclOperation operation,
                                     AclPermissionType permission) {
    return new AclBinding(new ResourcePattern(ResourceType.TOPIC, name, type),
        new AccessControlEntry("User:" + user, host, operation, permission));
  }

  private static void createAcls(LocalKafkaBroker broker, List<AclBinding> acls) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
    }
  }

  private static Set<AclBinding> acls(LocalKafkaBroker broker) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
      return admin.describeAcls(AclBindingFilter.ANY).values().get(30, TimeUnit.SECONDS).stream()
          .collect(Collectors.toSet());
    } catch (Exception e) {
      throw new IllegalStateException("cannot describe ACLs of " + broker.bootstrapServers(), e);
    }
  }

  private static String status() {
    return api.get("/connectors/acl-sync/status").body();
  }
}
