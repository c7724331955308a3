package dev.ferry.localkafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Picks currently free TCP ports on the loopback interface. */
final class FreePorts {

    private static final InetAddress LOOPBACK = loopback();

    private FreePorts() {
    }

    /**
     * Returns {@code count} distinct free ports. All sockets stay open until every port is picked, so the kernel
     * cannot hand out the same port twice.
     */
    static int[] pick(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, LOOPBACK);
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pick a free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    /**
     * Fails fast if something already listens on {@code port} at 127.0.0.1 (say a broker left over from another
     * run): otherwise the readiness check could be answered by that process instead of ours.
     */
    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
        } catch (IOException e) {
            throw new LocalKafkaException(what + " 127.0.0.1:" + port + " is not free: " + e.getMessage(), e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("cannot happen for a literal address", e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }
}
