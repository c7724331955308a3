package dev.ferry.localkafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts real KRaft brokers as child processes and checks produce, consume, crash, restart and stop. */
@Timeout(300)
class LocalKafkaBrokerTest {

    private static final Duration READY = Duration.ofSeconds(90);
    private static final int RECORDS = 100;

    @TempDir
    Path dir;

    @Test
    void producesConsumesSurvivesKillAndStopsCleanly() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral("test", dir), READY)) {
            assertTrue(broker.isRunning(), "broker should be running after start");
            assertEquals("127.0.0.1:" + broker.port(), broker.bootstrapServers(), "bootstrap servers");
            assertNotEquals(broker.port(), broker.controllerPort(), "client and controller ports must differ");
            assertTrue(Files.isRegularFile(dir.resolve("cluster.id")), "cluster.id should be written to the data dir");
            String clusterId = Files.readString(dir.resolve("cluster.id"), StandardCharsets.UTF_8).trim();

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("events", 3, (short) 1))).all().get();
                assertEquals(3, admin.describeTopics(List.of("events")).allTopicNames().get().get("events").partitions().size(),
                        "topic should have 3 partitions");
                assertEquals(clusterId, admin.describeCluster().clusterId().get(), "broker should use the stored cluster id");
            }
            produce(broker.bootstrapServers(), "events", RECORDS);
            assertEquals(expectedValues(RECORDS), consumeAll(broker.bootstrapServers(), "events", RECORDS),
                    "all produced records should be consumed back");

            long firstPid = broker.pid();
            int port = broker.port();
            int controllerPort = broker.controllerPort();
            broker.kill();
            assertFalse(broker.isRunning(), "broker should not be running after kill()");
            assertFalse(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false),
                    "killed broker process " + firstPid + " should be gone");

            broker.restart(READY);
            assertTrue(broker.isRunning(), "broker should be running after restart()");
            assertNotEquals(firstPid, broker.pid(), "restart should launch a new process");
            assertEquals(port, broker.port(), "restart should keep the client port");
            assertEquals(controllerPort, broker.controllerPort(), "restart should keep the controller port");
            assertEquals(expectedValues(RECORDS), consumeAll(broker.bootstrapServers(), "events", RECORDS),
                    "records written before the kill should survive the restart");

            long pid = broker.pid();
            broker.stop();
            assertFalse(broker.isRunning(), "broker should not be running after stop()");
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    "stopped broker process " + pid + " should be gone");
        }
        assertTrue(Files.isRegularFile(dir.resolve("broker.log")), "broker.log should exist in the data dir");
    }

    @Test
    void twoBrokersRunSideBySide() {
        try (LocalKafkaBroker source = LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral("source", dir.resolve("source")), READY);
             LocalKafkaBroker target = LocalKafkaBroker.start(LocalKafkaBroker.Settings.ephemeral("target", dir.resolve("target")), READY)) {
            assertNotEquals(source.port(), target.port(), "brokers should get different ports");
            assertNotEquals(source.pid(), target.pid(), "brokers should be different processes");
            assertTrue(source.isRunning() && target.isRunning(), "both brokers should be running");
            source.close();
            assertFalse(source.isRunning(), "closing one broker should stop it");
            assertTrue(target.isRunning(), "closing one broker should leave the other running");
        }
    }

    @Test
    void failedStartReportsTheBrokerLog() {
        LocalKafkaBroker.Settings bad = LocalKafkaBroker.Settings.ephemeral("bad", dir)
                .withOverrides(Map.of("num.io.threads", "not-a-number"));
        LocalKafkaException error = assertThrows(LocalKafkaException.class,
                () -> LocalKafkaBroker.start(bad, READY), "a broker with an invalid setting should fail to start");
        assertTrue(error.getMessage().contains("broker.log"), "error should include the broker log tail: " + error.getMessage());
        assertTrue(error.getMessage().contains("num.io.threads"), "error should name the bad setting: " + error.getMessage());
    }

    @Test
    void busyPortIsReportedBeforeLaunching() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            LocalKafkaBroker.Settings settings = LocalKafkaBroker.Settings.ephemeral("busy", dir).withPort(busy.getLocalPort());
            LocalKafkaException error = assertThrows(LocalKafkaException.class,
                    () -> LocalKafkaBroker.start(settings, READY), "a broker on a busy port should not start");
            assertTrue(error.getMessage().contains("not free"), "error should say the port is taken: " + error.getMessage());
            assertFalse(Files.exists(dir.resolve("logs")), "nothing should be formatted when the port is taken");
        }
    }

    private static void produce(String bootstrap, String topic, int count) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, value(i))).get();
            }
        }
    }

    private static Set<String> consumeAll(String bootstrap, String topic, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> values = new TreeSet<>();
        List<String> duplicates = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!values.add(record.value())) {
                        duplicates.add(record.value());
                    }
                }
            }
        }
        assertTrue(duplicates.isEmpty(), "no record should be consumed twice: " + duplicates);
        return values;
    }

    private static Set<String> expectedValues(int count) {
        Set<String> values = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            values.add(value(i));
        }
        return values;
    }

    private static String value(int i) {
        return "value-" + i;
    }
}
