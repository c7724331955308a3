package dev.ferry.engine.metrics;

/**
 * Min, max, average and rate of values recorded over a sliding window, the way Kafka's metrics
 * (and so MirrorMaker 2's {@code -min}, {@code -max}, {@code -avg} and {@code -rate} metrics)
 * compute them: two samples of {@code window} each, the older one dropped when a new one starts.
 * Values older than two windows are forgotten, so min/max/avg of an idle flow are NaN. Recording
 * allocates nothing; all methods take the caller's clock so they can be tested.
 */
final class SampledStat {

  private final long windowMs;
  private final Sample current = new Sample();
  private final Sample previous = new Sample();
  private double last = Double.NaN;

  /** @param windowMs length of one sample in ms (Kafka's default {@code metrics.sample.window.ms}: 30 s) */
  SampledStat(long windowMs) {
    this.windowMs = windowMs;
    current.reset(0);
    previous.reset(0);
  }

  /** Records {@code value} (for a rate: an amount, e.g. records) at {@code nowMs}. */
  synchronized void record(double value, long nowMs) {
    roll(nowMs);
    current.add(value);
    last = value;
  }

  /** The most recent value recorded, NaN before the first. */
  synchronized double last() {
    return last;
  }

  /** The smallest value in the window, NaN when none. */
  synchronized double min(long nowMs) {
    roll(nowMs);
    return previous.count + current.count == 0 ? Double.NaN : Math.min(previous.min, current.min);
  }

  /** The largest value in the window, NaN when none. */
  synchronized double max(long nowMs) {
    roll(nowMs);
    return previous.count + current.count == 0 ? Double.NaN : Math.max(previous.max, current.max);
  }

  /** The average value in the window, NaN when none. */
  synchronized double avg(long nowMs) {
    roll(nowMs);
    long count = previous.count + current.count;
    return count == 0 ? Double.NaN : (previous.sum + current.sum) / count;
  }

  /** The sum of the values in the window per second of the window (at least one sample long). */
  synchronized double ratePerSecond(long nowMs) {
    roll(nowMs);
    long since = previous.startMs > 0 ? previous.startMs : current.startMs;
    double seconds = Math.max(windowMs, nowMs - since) / 1000.0;
    return (previous.sum + current.sum) / seconds;
  }

  private void roll(long nowMs) {
    if (current.startMs == 0) {
      current.reset(nowMs);
      return;
    }
    if (nowMs - current.startMs < windowMs) {
      return;
    }
    if (nowMs - current.startMs < 2 * windowMs) {
      previous.copy(current);
    } else {
      previous.reset(0);
    }
    current.reset(nowMs);
  }

  /** One window's aggregate. */
  private static final class Sample {
    long startMs;
    long count;
    double sum;
    double min;
    double max;

    void reset(long start) {
      startMs = start;
      count = 0;
      sum = 0;
      min = Double.POSITIVE_INFINITY;
      max = Double.NEGATIVE_INFINITY;
    }

    void add(double value) {
      count++;
      sum += value;
      min = Math.min(min, value);
      max = Math.max(max, value);
    }

    void copy(Sample other) {
      startMs = other.startMs;
      count = other.count;
      sum = other.sum;
      min = other.min;
      max = other.max;
    }
  }
}
