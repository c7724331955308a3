package dev.ferry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code ferry}: the command line for any Ferry node, over its Kafka Connect-compatible REST API.
 * The options here apply to every subcommand and may be given before or after it.
 */
@Command(
    name = "ferry",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = FerryCli.Version.class,
    description = "Operate Ferry replication from the command line, against any node's REST API.",
    footer = {"", "Node address: --url, else $FERRY_URL, else url=... in ~/.ferry/config, else "
        + NodeAddress.DEFAULT_URL + ".",
        "Management address (ferry cluster): --management-url, else $FERRY_MANAGEMENT_URL, else management-url=..."
            + " in ~/.ferry/config, else " + NodeAddress.DEFAULT_MANAGEMENT_URL + ".",
        "Exit codes: 0 ok, 1 failure, 2 bad input, 3 node unreachable, 4 not found, 5 conflict,"
            + " 6 not caught up (watch --once)."},
    subcommands = {ConnectorsCommand.class, ListFlowsCommand.class, WatchCommand.class, ClusterCommand.class})
public final class FerryCli {

  @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "The node's REST address, e.g. http://host:8083.")
  private String url;

  @Option(names = "--management-url", scope = ScopeType.INHERIT, paramLabel = "URL",
      description = "The node's Pekko Management address for `ferry cluster`, e.g. http://host:8558.")
  private String managementUrl;

  @Option(names = {"-o", "--output"}, scope = ScopeType.INHERIT, paramLabel = "FORMAT", defaultValue = "table",
      converter = OutputFormat.Converter.class, description = "table (default) or json (the node's answer, for scripts).")
  private OutputFormat output;

  @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
      description = "Print stack traces of failures.")
  private boolean verbose;

  private final UnaryOperator<String> environment;
  private final Path configFile;

  /** The CLI as users run it: the process environment and {@code ~/.ferry/config}. */
  public FerryCli() {
    this(System::getenv, NodeAddress.userConfigFile());
  }

  /**
   * The CLI with the given environment and config file, for tests.
   *
   * @param environment looks up environment variables
   * @param configFile  the file with {@code url=} and {@code management-url=} lines (need not exist)
   */
  public FerryCli(UnaryOperator<String> environment, Path configFile) {
    this.environment = environment;
    this.configFile = configFile;
  }

  /** Runs the CLI and exits with its exit code (see {@link ExitCodes}). */
  public static void main(String[] args) {
    System.exit(new CommandLine(new FerryCli()).execute(args));
  }

  /** A client of the node this invocation talks to. */
  FerryClient client() {
    return new FerryClient(NodeAddress.resolve(url, environment, configFile), FerryClient.DEFAULT_TIMEOUT);
  }

  /** A client of the management endpoint this invocation talks to. */
  ManagementClient managementClient() {
    return new ManagementClient(NodeAddress.resolveManagement(managementUrl, environment, configFile),
        FerryClient.DEFAULT_TIMEOUT);
  }

  /** How answers are printed. */
  OutputFormat output() {
    return output;
  }

  /** Whether failures print their stack trace. */
  boolean verbose() {
    return verbose;
  }

  /** {@code ferry --version}: the version this CLI was built as. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = FerryCli.class.getResourceAsStream("/ferry-cli.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"ferry " + properties.getProperty("version", "(unknown version)")};
    }
  }
}
