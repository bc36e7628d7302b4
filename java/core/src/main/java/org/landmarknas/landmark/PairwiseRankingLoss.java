package org.landmarknas.landmark;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The landmark regulariser on plain numbers: given each landmark's loss {@code L[k]} on the rank
 * batch (indexed in {@link LandmarkSet} order, ascending score) and the step's pairs,
 *
 * <pre>
 * R = (1/m) sum over pairs p of  w(p) f(L[p.better] - L[p.worse])
 * dR/dL[k] = (1/m) sum over pairs p of  w(p) f'(x_p) ([k == p.better] - [k == p.worse])
 * </pre>
 *
 * where {@code f} is the {@link RankingLoss}, {@code w} the {@link PairWeights} and {@code m} the
 * number of pairs (repeats count each time). λ is not applied here; the trainer scales. This is
 * the reference the native ranking-loss kernels are checked against. Thread-safe.
 */
public final class PairwiseRankingLoss {

  private final RankingLoss loss;
  private final PairWeights weights;

  /** Unweighted pairs, as in the paper. */
  public PairwiseRankingLoss(RankingLoss loss) {
    this(loss, PairWeights.unweighted());
  }

  /** Pairs weighted by {@code weights}. */
  public PairwiseRankingLoss(RankingLoss loss, PairWeights weights) {
    this.loss = Objects.requireNonNull(loss, "loss");
    this.weights = Objects.requireNonNull(weights, "weights");
  }

  /** The per-pair loss. */
  public RankingLoss loss() {
    return loss;
  }

  /** The per-pair weights. */
  public PairWeights weights() {
    return weights;
  }

  /**
   * Value and gradient of the regulariser.
   *
   * @param landmarkLosses {@code L[k]} for every landmark, finite; not modified
   * @param pairs at least one pair, indices below {@code landmarkLosses.length}
   * @throws IllegalArgumentException if there are no pairs, a pair is out of range, or a loss it
   *     uses is not finite
   */
  public Evaluation evaluate(double[] landmarkLosses, List<LandmarkPair> pairs) {
    Objects.requireNonNull(landmarkLosses, "landmarkLosses");
    Objects.requireNonNull(pairs, "pairs");
    if (pairs.isEmpty()) {
      throw new IllegalArgumentException("pairwise ranking loss needs at least one pair, got 0");
    }
    int n = landmarkLosses.length;
    double[] grad = new double[n];
    double total = 0;
    int active = 0;
    double scale = 1.0 / pairs.size();
    for (LandmarkPair p : pairs) {
      if (p.better() >= n) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "pairwise ranking loss: pair (%d, %d) outside %d landmark losses", p.worse(),
            p.better(), n));
      }
      double lb = finite(landmarkLosses, p.better());
      double lw = finite(landmarkLosses, p.worse());
      double x = lb - lw;
      double w = weights.weight(p);
      total += w * loss.value(x);
      double g = scale * w * loss.derivative(x);
      if (g != 0) {
        active++;
      }
      grad[p.better()] += g;
      grad[p.worse()] -= g;
    }
    return new Evaluation(total * scale, grad, active);
  }

  private static double finite(double[] losses, int k) {
    double v = losses[k];
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "pairwise ranking loss: landmark %d has loss %s (expected a finite cross-entropy)",
          k, v));
    }
    return v;
  }

  @Override
  public String toString() {
    return "PairwiseRankingLoss[" + loss.id() + ", weights " + weights.id() + "]";
  }

  /** The regulariser's value and its gradient with respect to each landmark's loss. */
  public static final class Evaluation {

    private final double value;
    private final double[] gradient;
    private final int activePairs;

    Evaluation(double value, double[] gradient, int activePairs) {
      this.value = value;
      this.gradient = gradient;
      this.activePairs = activePairs;
    }

    /**
     * Pairs with a non-zero gradient (the hinge's active pairs); a step whose pairs are all
     * inactive needs no backward pass.
     */
    public int activePairs() {
      return activePairs;
    }

    /** R, the mean weighted pair loss. */
    public double value() {
      return value;
    }

    /** dR/dL[k] for every landmark {@code k} (a fresh copy; 0 for landmarks in no pair). */
    public double[] gradient() {
      return gradient.clone();
    }

    /** dR/dL[k] for one landmark. */
    public double gradient(int k) {
      return gradient[k];
    }

    /** Number of landmarks the gradient covers. */
    public int size() {
      return gradient.length;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Evaluation e && Double.compare(value, e.value) == 0
          && Arrays.equals(gradient, e.gradient) && activePairs == e.activePairs;
    }

    @Override
    public int hashCode() {
      return 31 * (31 * Double.hashCode(value) + Arrays.hashCode(gradient)) + activePairs;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "Evaluation[value=%s, gradient=%s]", value,
          Arrays.toString(gradient));
    }
  }
}
