package org.landmarknas.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long loop as plain lines (they survive redirection into logs and CI output, unlike
 * carriage-return tickers): completed units, rate and ETA, at most one line per interval plus
 * the last one.
 *
 * <p>A resumed loop starts with units already done; the rate counts only the units of this
 * process, or a resumed run would claim hundreds of steps per second and an ETA of seconds.
 */
public final class ProgressLine {
  private final PrintStream out;
  private final long total;
  private final String unit;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final long doneBefore;
  private final long start;
  private long lastPrint;

  public ProgressLine(PrintStream out, long total, String unit, double intervalSeconds) {
    this(out, 0, total, unit, intervalSeconds);
  }

  /** A line for a loop resumed with {@code doneBefore} of {@code total} units already done. */
  public ProgressLine(PrintStream out, long doneBefore, long total, String unit,
      double intervalSeconds) {
    this(out, doneBefore, total, unit, intervalSeconds, System::nanoTime);
  }

  ProgressLine(PrintStream out, long doneBefore, long total, String unit,
      double intervalSeconds, LongSupplier nanoTime) {
    if (doneBefore < 0 || doneBefore > total) {
      throw new IllegalArgumentException("units done before must be in [0, " + total
          + "], got " + doneBefore);
    }
    this.out = out;
    this.doneBefore = doneBefore;
    this.total = total;
    this.unit = unit;
    this.intervalNanos = (long) (intervalSeconds * 1e9);
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
    this.lastPrint = start;
  }

  /** Reports that {@code done} of {@code total} units are finished; prints if due. */
  public void update(long done, String prefix, String details) {
    long now = nanoTime.getAsLong();
    if (done < total && now - lastPrint < intervalNanos) {
      return;
    }
    lastPrint = now;
    double elapsed = (now - start) / 1e9;
    double rate = elapsed > 0 ? (done - doneBefore) / elapsed : 0;
    double eta = rate > 0 ? (total - done) / rate : Double.NaN;
    out.println(String.format(Locale.ROOT, "%s  %s  %.2f %s/s  elapsed %s  ETA %s",
        prefix, details, rate, unit, clock(elapsed), clock(eta)));
    out.flush();
  }

  /** Seconds as h:mm:ss ("?" when unknown). */
  public static String clock(double seconds) {
    if (Double.isNaN(seconds) || Double.isInfinite(seconds)) {
      return "?";
    }
    long s = Math.round(seconds);
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }
}
