package dev.ferry.engine.flow;

/**
 * Records-per-second of one flow, as an exponentially weighted moving average over checkpoints.
 * Lives in the flow entity only (never persisted); a flow that moved starts measuring afresh.
 */
final class RateMeter {

  private static final double HALF_LIFE_MS = 5_000;

  private double rate;
  private long lastNanos = System.nanoTime();

  void record(long records) {
    long now = System.nanoTime();
    double elapsedMs = Math.max(1, (now - lastNanos) / 1_000_000.0);
    double instant = records * 1000.0 / elapsedMs;
    double weight = Math.pow(0.5, elapsedMs / HALF_LIFE_MS);
    rate = rate * weight + instant * (1 - weight);
    lastNanos = now;
  }

  double perSecond() {
    double idleMs = (System.nanoTime() - lastNanos) / 1_000_000.0;
    return rate * Math.pow(0.5, idleMs / HALF_LIFE_MS);
  }
}
