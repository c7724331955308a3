package dev.ferry.localkafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;

/**
 * Waits until a freshly launched broker serves clients: first its port accepts TCP connections, then an
 * AdminClient {@code describeCluster} reports our cluster id, an unfenced broker and a controller, and a metadata request
 * ({@code listTopics}) succeeds. Polls with a deadline and fails fast if the process exits.
 */
final class ReadinessProbe {

    private static final long PAUSE_MS = 100;

    private final Process process;
    private final int port;
    private final String clusterId;
    private final long deadlineNanos;
    private String lastProblem = "no attempt yet";

    ReadinessProbe(Process process, int port, String clusterId, Duration timeout) {
        this.process = process;
        this.port = port;
        this.clusterId = clusterId;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    /** Returns normally when ready; otherwise throws {@link NotReady} with the reason. */
    void await() throws NotReady {
        while (!portAccepts()) {
            pause();
        }
        try (Admin admin = Admin.create(adminConfig())) {
            while (!clusterAnswers(admin)) {
                pause();
            }
        }
    }

    private boolean portAccepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Math.max(1, Math.min(500, millisLeft())));
            return true;
        } catch (IOException e) {
            lastProblem = "port " + port + " does not accept connections: " + e.getMessage();
            return false;
        }
    }

    private boolean clusterAnswers(Admin admin) throws NotReady {
        int timeout = (int) Math.max(1, Math.min(5_000, millisLeft()));
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeout));
            String id = cluster.clusterId().get(timeout, TimeUnit.MILLISECONDS);
            if (!clusterId.equals(id)) {
                lastProblem = "port " + port + " answers for cluster " + id + ", expected " + clusterId;
                return false;
            }
            Collection<Node> nodes = cluster.nodes().get(timeout, TimeUnit.MILLISECONDS);
            Node controller = cluster.controller().get(timeout, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty() || controller == null || controller.isEmpty()) {
                lastProblem = "describeCluster: nodes=" + nodes + ", controller=" + controller;
                return false;
            }
            admin.listTopics(new ListTopicsOptions().listInternal(true).timeoutMs(timeout))
                    .names().get(timeout, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            lastProblem = "admin request failed: " + e;
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady("interrupted while waiting for the broker");
        }
    }

    /** Waits a little, watching the process: throws if it exited, the deadline passed, or we were interrupted. */
    private void pause() throws NotReady {
        if (!process.isAlive()) {
            throw new NotReady("the broker process exited with code " + process.exitValue());
        }
        if (millisLeft() <= 0) {
            throw new NotReady("not ready in time; last problem: " + lastProblem);
        }
        boolean exited;
        try {
            exited = process.waitFor(Math.min(PAUSE_MS, millisLeft()), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotReady("interrupted while waiting for the broker");
        }
        if (exited) {
            throw new NotReady("the broker process exited with code " + process.exitValue());
        }
    }

    private long millisLeft() {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    private Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "ferry-local-kafka-probe-" + port);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "100");
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "500");
        config.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "100");
        config.put(AdminClientConfig.RETRY_BACKOFF_MAX_MS_CONFIG, "500");
        return config;
    }

    /** Why a broker did not become ready. */
    static final class NotReady extends Exception {
        private static final long serialVersionUID = 1L;

        NotReady(String message) {
            super(message);
        }
    }
}
