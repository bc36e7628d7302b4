package org.landmarknas.report;

import java.util.List;
import java.util.Locale;

/**
 * Mean and sample standard deviation of n values: {@code mean = Σx / n},
 * {@code std = sqrt(Σ(x − mean)² / (n − 1))} (Bessel's correction, since seeds are a sample of the
 * runs one could make), and {@code std = 0} for a single value, which the table marks "(1 run)".
 */
public record MeanStd(int n, double mean, double std) {

  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException when n &lt; 1, a value is not finite or std &lt; 0
   */
  public MeanStd {
    if (n < 1 || !Double.isFinite(mean) || !(std >= 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "MeanStd needs n >= 1, a finite mean and std >= 0, got n=%d mean=%s std=%s", n, mean,
          std));
    }
  }

  /**
   * Mean and sample standard deviation of {@code values}.
   *
   * @throws IllegalArgumentException when {@code values} is empty or holds a non-finite value
   */
  public static MeanStd of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("MeanStd.of needs at least one value");
    }
    double sum = 0;
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("MeanStd.of needs finite values, got " + v);
      }
      sum += v;
    }
    int n = values.size();
    double mean = sum / n;
    if (n == 1) {
      return new MeanStd(1, mean, 0);
    }
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return new MeanStd(n, mean, Math.sqrt(squares / (n - 1)));
  }
}
