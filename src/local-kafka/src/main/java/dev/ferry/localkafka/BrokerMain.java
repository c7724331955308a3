package dev.ferry.localkafka;

/**
 * Entry point of a child broker JVM.
 *
 * <p>Starts a daemon thread that reads {@code System.in} until end-of-file and then halts the JVM. The parent
 * keeps the write end of that pipe open for the broker's whole life, so when the parent JVM dies for any reason
 * (even {@code kill -9}) the pipe closes and the broker dies with it: no orphan brokers are left behind. It then
 * hands over to {@code kafka.Kafka.main} with the given {@code server.properties} path.
 */
final class BrokerMain {

    private BrokerMain() {
    }

    /**
     * Runs the broker.
     *
     * @param args exactly one argument: the path of the {@code server.properties} file
     * @throws Exception if Kafka's main method throws
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BrokerMain <server.properties>");
            Runtime.getRuntime().halt(2);
        }
        ParentWatchdog.start("broker");
        kafka.Kafka.main(new String[] {args[0]});
    }
}
