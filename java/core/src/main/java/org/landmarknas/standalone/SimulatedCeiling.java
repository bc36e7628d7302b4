package org.landmarknas.standalone;

import java.util.List;
import java.util.SplittableRandom;
import org.landmarknas.metric.KendallTau;

/**
 * The noise ceiling of k-seed means predicted by drawing seeds, where {@link SeedNoise} predicts
 * it by formula. The formula assumes the architectures' true accuracies are normally distributed;
 * a stand-alone table is not: a few weak cells stretch its left tail, so most cells sit closer
 * together than the variance says, and the formula overstates how well seeds agree (on the
 * Fashion-MNIST table by 0.04-0.05 tau, against the measured single-seed and held-out figures).
 * Here the true accuracies keep the shape of the measured cell means: each mean is pulled toward
 * the grand mean by the factor that removes its seed noise from the spread (between / sd of the
 * n-seed means), seeds are drawn around it with the pooled within-cell sd, and Kendall tau-b is
 * averaged over {@value #DRAWS} draws. Deterministic: the draws are seeded by (k, l).
 */
public final class SimulatedCeiling {

  /** Draws averaged per prediction: the tau of one draw over 250 cells varies by about 0.03. */
  static final int DRAWS = 200;

  private final double[] truth;
  private final double withinSd;

  private SimulatedCeiling(double[] truth, double withinSd) {
    this.truth = truth;
    this.withinSd = withinSd;
  }

  /**
   * The simulation for {@code accuracy[arch][seed]}, as {@link SeedNoise#of} takes it.
   *
   * @throws IllegalArgumentException as {@link SeedNoise#of}
   */
  public static SimulatedCeiling of(List<double[]> accuracy) {
    SeedNoise noise = SeedNoise.of(accuracy);
    int seeds = accuracy.get(0).length;
    double[] means = accuracy.stream().mapToDouble(SeedNoise::mean).toArray();
    double grand = SeedNoise.mean(means);
    double between = noise.betweenSd() * noise.betweenSd();
    double meanVariance = between + noise.withinSd() * noise.withinSd() / seeds;
    double shrink = meanVariance == 0 ? 0 : Math.sqrt(between / meanVariance);
    double[] truth = new double[means.length];
    for (int a = 0; a < means.length; a++) {
      truth[a] = grand + shrink * (means[a] - grand);
    }
    return new SimulatedCeiling(truth, noise.withinSd());
  }

  /** Mean Kendall tau-b between independent means of {@code k} and of {@code l} seeds. */
  public double predictedKendall(int k, int l) {
    check(k);
    check(l);
    SplittableRandom rng = new SplittableRandom(1000L * k + l);
    double sum = 0;
    for (int d = 0; d < DRAWS; d++) {
      sum += tau(draw(k, rng), draw(l, rng));
    }
    return sum / DRAWS;
  }

  /** Mean Kendall tau-b between the true accuracies and a mean of {@code k} seeds. */
  public double predictedKendallOfTruth(int k) {
    check(k);
    SplittableRandom rng = new SplittableRandom(1000L * k);
    double sum = 0;
    for (int d = 0; d < DRAWS; d++) {
      sum += tau(truth, draw(k, rng));
    }
    return sum / DRAWS;
  }

  private double[] draw(int k, SplittableRandom rng) {
    double sd = withinSd / Math.sqrt(k);
    double[] x = new double[truth.length];
    for (int a = 0; a < x.length; a++) {
      x[a] = truth[a] + sd * rng.nextGaussian();
    }
    return x;
  }

  /** Tau-b, 0 where it is undefined (every cell equal: no order to agree on). */
  private static double tau(double[] x, double[] y) {
    double t = KendallTau.tauB(x, y);
    return Double.isNaN(t) ? 0 : t;
  }

  private static void check(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("seeds per mean must be >= 1, got " + k);
    }
  }
}
