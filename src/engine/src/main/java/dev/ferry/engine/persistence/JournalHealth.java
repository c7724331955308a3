package dev.ferry.engine.persistence;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.ferry.engine.flow.FlowFailures;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.persistence.jdbc.db.SlickExtension;
import org.apache.pekko.persistence.jdbc.db.SlickExtensionImpl;
import org.slf4j.Logger;
import slick.jdbc.JdbcDataSource;
import slick.jdbc.hikaricp.HikariCPJdbcDataSource;
import org.slf4j.LoggerFactory;

/**
 * Whether this node can write its journal, found out by writing to it: every
 * {@code ferry.persistence.probe-interval} the node updates its row of the {@code journal_probe}
 * table through the journal's own connection pool (on H2 followed by a {@code CHECKPOINT}, so the
 * write reaches the file and a full disk shows). A write that fails, or does not complete within
 * {@code probe-timeout}, makes the journal unwritable with the reason until a later write succeeds.
 *
 * <p>Read by {@code /health}, the {@code /ready} check, connector status (flows that cannot
 * answer are shown FAILED with the reason) and the API's writes (503 at once instead of an ask
 * timeout). After a failed probe the pool's connections are renewed (an H2 database that closed
 * itself after a full disk opens again on a new connection); entities that failed to persist
 * restart through sharding and recover once the database takes writes again. One per node (an actor system
 * extension), started with the engine, stopped by CoordinatedShutdown.
 */
public final class JournalHealth implements Extension {

  private static final Logger log = LoggerFactory.getLogger(JournalHealth.class);

  /** What the last probe found: writable, or not with the reason and since when. */
  public record Status(boolean writable, String problem, Instant since) {
    static Status ok(Instant since) {
      return new Status(true, null, since);
    }
  }

  /** Extension id: {@code JournalHealth.get(system)}. */
  public static final class Id extends ExtensionId<JournalHealth> {
    @Override
    public JournalHealth createExtension(ActorSystem<?> system) {
      return new JournalHealth(system);
    }
  }

  private static final Id ID = new Id();

  /** The node's journal health (the probe starts on first use). */
  public static JournalHealth get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  private final ActorSystem<?> system;
  private final String workerId;
  private final boolean h2;
  private final String table;
  private final Duration interval;
  private final Duration timeout;
  private final ScheduledExecutorService ticks;
  private final ExecutorService probes;
  /** How long after the journal came back entities that failed meanwhile are still explained by it. */
  private static final Duration RECENT = Duration.ofMinutes(2);
  /** How long the node's first probe may take: it opens the journal's connection pool. */
  private static final Duration FIRST_WRITE_TIMEOUT = Duration.ofSeconds(30);

  private volatile Status status = Status.ok(Instant.now());
  private volatile Status lastOutage;
  private CompletableFuture<Void> running;
  private long runningSince;
  private boolean tableChecked;
  private volatile boolean everWritten;

  private JournalHealth(ActorSystem<?> system) {
    this.system = system;
    Config config = system.settings().config();
    // Only the JDBC journal of the H2/PostgreSQL profiles is probed (tests may run in-memory journals).
    boolean jdbc = config.hasPath("ferry.persistence.url")
        && "jdbc-journal".equals(config.getString("pekko.persistence.journal.plugin"));
    Config persistence = jdbc ? config.getConfig("ferry.persistence")
        : ConfigFactory.parseString("dialect = none, schema = none, probe-interval = 2s, probe-timeout = 5s");
    this.h2 = persistence.getString("dialect").equals("h2");
    String schema = persistence.getString("schema");
    this.table = h2 ? schema + ".\"journal_probe\"" : schema.toLowerCase() + ".journal_probe";
    this.interval = positive(persistence, "probe-interval");
    this.timeout = positive(persistence, "probe-timeout");
    String configured = config.getString("ferry.node.worker-id");
    this.workerId = configured.isBlank()
        ? config.getString("ferry.node.rest-host") + ":" + config.getInt("ferry.node.rest-port") : configured;
    this.ticks = Executors.newSingleThreadScheduledExecutor(daemon("ferry-journal-probe-timer"));
    this.probes = Executors.newSingleThreadExecutor(daemon("ferry-journal-probe"));
    if (jdbc) {
      ticks.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
        "stop-journal-probe", () -> {
          ticks.shutdownNow();
          probes.shutdownNow();
          return CompletableFuture.completedFuture(Done.getInstance());
        });
  }

  /** The last probe's finding. */
  public Status status() {
    return status;
  }

  /**
   * Why the journal cannot be written, in a sentence for users (what failed, since when, that Ferry
   * retries by itself); null while it can.
   */
  public String problem() {
    Status current = status;
    if (current.writable()) {
      return null;
    }
    return "The journal cannot be written since " + current.since() + ": " + current.problem()
        + ". Ferry checks it every " + interval.toSeconds() + " s and resumes by itself once it can write again";
  }

  /**
   * {@link #problem()}, or while entities may still be restarting after a recent outage (a flow
   * that failed to checkpoint comes back through sharding's restart backoff and the journal's circuit
   * breaker), that outage in a sentence; null otherwise.
   */
  public String recentProblem() {
    String now = problem();
    Status outage = lastOutage;
    Status current = status;
    if (now != null || outage == null || Duration.between(current.since(), Instant.now()).compareTo(RECENT) > 0) {
      return now;
    }
    return "The journal could not be written from " + outage.since() + " until " + current.since() + ": "
        + outage.problem() + ". Entities that failed to persist meanwhile restart by themselves";
  }

  private synchronized void tick() {
    if (running != null && !running.isDone()) {
      long waited = System.nanoTime() - runningSince;
      // The first write also opens the journal's connection pool: it gets the start-up's patience.
      Duration limit = everWritten || timeout.compareTo(FIRST_WRITE_TIMEOUT) > 0 ? timeout : FIRST_WRITE_TIMEOUT;
      if (waited > limit.toNanos()) {
        unwritable("a write to the journal has not completed for " + Duration.ofNanos(waited).toSeconds() + " s");
      }
      return;
    }
    runningSince = System.nanoTime();
    running = CompletableFuture.runAsync(() -> {
      try {
        write();
        writable();
      } catch (Exception | Error e) {
        unwritable(FlowFailures.rootMessage(e));
        renewConnections();
      }
    }, probes);
  }

  /**
   * After a failed write the pool's connections may be dead for good: H2 closes itself after an I/O
   * error (disk full) and its pooled sessions then answer "database has been closed" forever, which
   * the pool does not recognise as a broken connection. Soft eviction closes idle connections now and
   * busy ones when they are returned, so the next connection opens the database again.
   */
  private void renewConnections() {
    try {
      if (source() instanceof HikariCPJdbcDataSource pool) {
        pool.ds().getHikariPoolMXBean().softEvictConnections();
      }
    } catch (RuntimeException e) {
      log.debug("Could not renew the journal's connections: {}", e.toString());
    }
  }

  private JdbcDataSource source() {
    SlickExtensionImpl slick = (SlickExtensionImpl) SlickExtension.get(system.classicSystem());
    return slick.database(system.settings().config().getConfig("jdbc-journal")).database().source();
  }

  private void write() throws Exception {
    try (Connection connection = source().createConnection()) {
      connection.setAutoCommit(true);
      if (!tableChecked) {
        try (Statement create = connection.createStatement()) {
          // Journals created before the probe existed (create-schema off) get its table here.
          create.execute(h2
              ? "CREATE TABLE IF NOT EXISTS " + table + " (\"worker_id\" VARCHAR(255) NOT NULL, "
                  + "\"written_at\" BIGINT NOT NULL, PRIMARY KEY(\"worker_id\"))"
              : "CREATE TABLE IF NOT EXISTS " + table + " (worker_id VARCHAR(255) NOT NULL, "
                  + "written_at BIGINT NOT NULL, PRIMARY KEY(worker_id))");
        }
        tableChecked = true;
      }
      int seconds = (int) Math.max(1, timeout.toSeconds());
      String worker = h2 ? "\"worker_id\"" : "worker_id";
      String written = h2 ? "\"written_at\"" : "written_at";
      try (PreparedStatement update = connection.prepareStatement(
          "UPDATE " + table + " SET " + written + " = ? WHERE " + worker + " = ?")) {
        update.setQueryTimeout(seconds);
        update.setLong(1, System.currentTimeMillis());
        update.setString(2, workerId);
        if (update.executeUpdate() == 0) {
          try (PreparedStatement insert = connection.prepareStatement(
              "INSERT INTO " + table + " (" + worker + ", " + written + ") VALUES (?, ?)")) {
            insert.setQueryTimeout(seconds);
            insert.setString(1, workerId);
            insert.setLong(2, System.currentTimeMillis());
            insert.executeUpdate();
          }
        }
      }
      if (h2) {
        try (Statement checkpoint = connection.createStatement()) {
          checkpoint.setQueryTimeout(seconds);
          checkpoint.execute("CHECKPOINT"); // H2 writes the file now: a full disk fails here, not 500 ms later
        }
      }
    }
  }

  private void writable() {
    everWritten = true;
    Status previous = status;
    if (!previous.writable()) {
      log.info("The journal can be written again (it could not for {} s)",
          Duration.between(previous.since(), Instant.now()).toSeconds());
      lastOutage = previous;
      status = Status.ok(Instant.now());
    }
  }

  private void unwritable(String problem) {
    // The first failure names the cause (e.g. "No space left on device"); later ones often only say
    // that the database closed itself after it, so the first is kept until a write succeeds.
    if (status.writable()) {
      log.warn("The journal cannot be written: {}", problem);
      status = new Status(false, problem, Instant.now());
    }
  }

  private static Duration positive(Config config, String key) {
    Duration value = config.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("ferry.persistence." + key + " must be a positive duration, was " + value);
    }
    return value;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
