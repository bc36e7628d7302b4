package org.landmarknas.report;

import java.util.Locale;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * A percentile bootstrap confidence interval of a mean: resample the n values with replacement,
 * take the mean of each resample, and read the interval off the empirical quantiles of those
 * means. It assumes no distribution for the differences, which is why it sits beside the t
 * interval; at very small n it is too narrow (with 3 values there are only 10 distinct
 * resamples, and the interval cannot reach beyond the smallest and largest value), so a reader
 * should trust the t interval there.
 *
 * <p>Seeded (Mersenne Twister, whose sequence is fixed by its published algorithm), so the same
 * runs always print the same interval.
 *
 * @param low the lower bound
 * @param high the upper bound
 * @param level the coverage, e.g. 0.95
 * @param resamples how many resamples were drawn
 * @param seed the generator's seed
 */
public record BootstrapInterval(double low, double high, double level, int resamples,
    long seed) {

  /** Resamples of the report's intervals: the Monte Carlo error of a 2.5 % quantile is small. */
  public static final int RESAMPLES = 10_000;
  /** The report's seed; any fixed value would do, it only has to stay the same. */
  public static final long SEED = 1L;

  /** Checks the bounds and parameters. */
  public BootstrapInterval {
    if (!Double.isFinite(low) || !Double.isFinite(high) || low > high || !(level > 0)
        || !(level < 1) || resamples < 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "BootstrapInterval needs finite low <= high, 0 < level < 1 and resamples >= 1, got"
              + " [%s, %s] level %s resamples %d", low, high, level, resamples));
    }
  }

  /**
   * The percentile interval of the mean of {@code values} at {@code level}.
   *
   * @throws IllegalArgumentException when {@code values} is empty or holds a non-finite value
   */
  public static BootstrapInterval ofMean(double[] values, double level, int resamples,
      long seed) {
    if (values.length == 0) {
      throw new IllegalArgumentException("a bootstrap needs at least one value");
    }
    for (double v : values) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("a bootstrap needs finite values, got " + v);
      }
    }
    MersenneTwister random = new MersenneTwister(seed);
    int n = values.length;
    double[] means = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += values[random.nextInt(n)];
      }
      means[b] = sum / n;
    }
    // R_7: linear interpolation between order statistics, the default of R's quantile()
    Percentile quantile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    double tail = (1 - level) / 2 * 100;
    return new BootstrapInterval(quantile.evaluate(means, tail),
        quantile.evaluate(means, 100 - tail), level, resamples, seed);
  }
}
