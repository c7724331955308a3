package dev.ferry.node;

import com.typesafe.config.Config;
import dev.ferry.engine.persistence.JournalSchema;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Command line of a Ferry node.
 *
 * <pre>
 * ferry-node [run] [--config FILE]   start a node (the default)
 * ferry-node schema [--config FILE]  create the journal tables (idempotent) and exit
 * </pre>
 *
 * <p>With no target cluster configured, {@code run} starts local source and target Kafka
 * brokers, a sample replicator connector and sample traffic, and prints progress until Ctrl-C.
 */
public final class Main {

  private Main() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    String command = "run";
    Path configFile = System.getenv("FERRY_CONFIG") == null ? null : Path.of(System.getenv("FERRY_CONFIG"));
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "run", "schema" -> command = args[i];
        case "--config" -> {
          if (i + 1 >= args.length) {
            fail("--config needs a file");
          }
          configFile = Path.of(args[++i]);
        }
        case "-h", "--help" -> {
          System.out.println("usage: ferry-node [run|schema] [--config FILE]");
          return;
        }
        default -> fail("unknown argument '" + args[i] + "'; usage: ferry-node [run|schema] [--config FILE]");
      }
    }
    try {
      if (command.equals("schema")) {
        JournalSchema schema = JournalSchema.create(NodeConfig.load(configFile, Map.of()));
        schema.apply();
        System.out.println("Journal schema ready: " + schema.describe());
        return;
      }
      run(configFile);
    } catch (IllegalArgumentException | IllegalStateException e) {
      fail(e.getMessage());
    }
  }

  private static void run(Path configFile) throws Exception {
    if ("on".equalsIgnoreCase(System.getenv("FERRY_EXIT_WITH_PARENT"))) {
      // Test harnesses: the node halts when the process that launched it dies (stdin closes).
      dev.ferry.localkafka.ParentWatchdog.start("Ferry node");
    }
    Config config = NodeConfig.load(configFile, Map.of());
    NodeSettings settings = NodeSettings.create(config);
    PrintStream out = System.out;
    LocalClusters local = null;
    if (settings.localKafka()) {
      out.println("[ferry] starting local Kafka clusters (data in " + settings.dataDir() + ") ...");
      local = LocalClusters.start(settings);
      Map<String, Object> overrides = new HashMap<>();
      overrides.put("ferry.target.bootstrap-servers", local.targetBootstrap());
      config = NodeConfig.load(configFile, overrides);
      out.println("[ferry] source cluster " + local.sourceBootstrap() + ", target cluster " + local.targetBootstrap());
    }
    FerryNode node = FerryNode.start(config);
    LocalClusters brokers = local;
    // On Ctrl-C the brokers stop only after the node has drained its flows into them.
    dev.ferry.localkafka.LocalKafkaBroker.stopOnJvmExitAfter(node.system().getWhenTerminated());
    if (brokers != null) {
      new DemoWorkload().start(node.system(), node.service(), brokers.sourceBootstrap(), 500);
      new ProgressReporter(node.system(), node.service(), DemoWorkload.CONNECTOR, out)
          .start(Duration.ofSeconds(2));
      printTryThis(out, node.restUrl(), brokers);
    } else {
      out.println("[ferry] node up; REST API on " + node.restUrl());
    }
    node.awaitTermination();
  }

  private static void printTryThis(PrintStream out, String url, LocalClusters brokers) {
    out.println();
    out.println("[ferry] Ferry is replicating demo.orders and demo.payments to *.replica. Try:");
    out.println("  curl -s " + url + "/connectors?expand=status");
    out.println("  curl -s " + url + "/connectors/" + DemoWorkload.CONNECTOR + "/status");
    out.println("  curl -s " + url + "/connectors/" + DemoWorkload.CONNECTOR + "/tasks");
    out.println("  curl -s -X PUT " + url + "/connectors/" + DemoWorkload.CONNECTOR + "/pause");
    out.println("  curl -s -X PUT " + url + "/connectors/" + DemoWorkload.CONNECTOR + "/resume");
    out.println("  kcat -b " + brokers.targetBootstrap() + " -C -t demo.orders.replica -o -5 -e -f '%p/%o key=%k %h %s\\n'");
    out.println("  Ctrl-C stops the node cleanly (flows drain, offsets persist).");
    out.println();
  }

  private static void fail(String message) {
    System.err.println("ferry-node: " + message);
    System.exit(2);
  }
}
