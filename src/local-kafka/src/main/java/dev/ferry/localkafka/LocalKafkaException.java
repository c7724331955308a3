package dev.ferry.localkafka;

/** Thrown when a local Kafka broker cannot be prepared, started, or does not become ready in time. */
public final class LocalKafkaException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, usually including the tail of the broker log
     */
    public LocalKafkaException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause   the underlying failure
     */
    public LocalKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
