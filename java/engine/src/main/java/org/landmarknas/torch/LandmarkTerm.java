package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cross_entropy_loss;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.landmark.LandmarkPair;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.landmark.PairWeights;
import org.landmarknas.landmark.PairwiseRankingLoss;
import org.landmarknas.landmark.RankingLoss;
import org.landmarknas.landmark.RankingLosses;

/**
 * The landmark regularizer of one training step (Yu, Ranftl, Salzmann, CVPR 2021): for each
 * sampled pair (worse, better) of landmarks, forward both paths on a rank batch, x = L_better −
 * L_worse, and add λ·(1/m)·Σ w·ℓ(x) to the step's loss. Its gradient enters the graph through one
 * surrogate {@code Σ_k c_k·L_k} with c_k = ∂(λR)/∂L_k computed in Java, and accumulates onto the
 * SPOS gradient of the same step (one clip, one optimizer step, by the caller).
 *
 * <p><b>Lazy backward.</b> A pair whose loss is flat at x (the hinge when the pair is already in
 * order) contributes no gradient, so when no pair is active the backward passes are skipped:
 * <ul>
 *   <li>{@link Mode#GRAPH}: forward with autograd graph, drop the graph when all c_k are zero;
 *   <li>{@link Mode#NOGRAD}: forward without graph first, and only for active pairs forward again
 *       with graph and backward (cheaper when most pairs are inactive and graphs are costly);
 *   <li>{@link Mode#OFF}: always backward (the naive step; for benchmarks).
 * </ul>
 *
 * @param <A> the architecture type of the super-net's space
 */
public final class LandmarkTerm<A> {

  /** How inactive pairs are skipped. */
  public enum Mode {
    GRAPH("graph"), NOGRAD("nograd"), OFF("off");

    private final String id;

    Mode(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    public static Mode ofId(String id) {
      for (Mode m : values()) {
        if (m.id.equals(id)) {
          return m;
        }
      }
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "unknown lazy mode \"%s\" (allowed: graph, nograd, off)", id));
    }
  }

  /**
   * What one step's landmark term did.
   *
   * @param loss R = mean over pairs of w·ℓ(x), before λ
   * @param activePairs pairs with a non-zero gradient
   * @param backward whether any backward pass ran
   */
  public record Result(double loss, int activePairs, int pairs, boolean backward) {}

  private final Supernet<A> net;
  private final LandmarkSet<A> landmarks;
  private final PairwiseRankingLoss ranking;
  private final Mode mode;

  public LandmarkTerm(Supernet<A> net, LandmarkSet<A> landmarks, RankingLoss loss,
      PairWeights weights, Mode mode) {
    if (landmarks.size() < 2) {
      throw new IllegalArgumentException(
          "landmark regularization needs at least 2 landmarks, got " + landmarks.size());
    }
    this.net = net;
    this.landmarks = landmarks;
    this.ranking = new PairwiseRankingLoss(loss, weights);
    this.mode = mode;
  }

  /**
   * The term {@code lc} configures for {@code set} on {@code net}; empty when the set has fewer
   * than two landmarks (no pair to order).
   */
  public static <A> Optional<LandmarkTerm<A>> of(Supernet<A> net, LandmarkSet<A> set,
      LandmarksConfig lc) {
    return set.size() < 2 ? Optional.empty()
        : Optional.of(new LandmarkTerm<>(net, set, RankingLosses.parse(lc.loss()),
            PairWeights.create(lc.weighting(), set), Mode.ofId(lc.lazy())));
  }

  public LandmarkSet<A> landmarks() {
    return landmarks;
  }

  /**
   * Accumulates λ·R's gradient for {@code pairs} on {@code rank}. Must run inside the step's
   * {@link org.bytedeco.javacpp.PointerScope}, between the SPOS backward and the optimizer step.
   */
  public Result accumulate(LabeledBatch rank, List<LandmarkPair> pairs, double lambda) {
    return accumulate(List.of(rank), pairs, lambda, DataParallel.SINGLE);
  }

  /**
   * {@link #accumulate(LabeledBatch, List, double)} for this process's {@code shards} of the rank
   * batch of a data-parallel step: each landmark's loss is averaged over all shards of all
   * processes before R and its coefficients are computed, so every process sees the same R, the
   * same active pairs and takes the same lazy branch; each then backpropagates the coefficients
   * through its own shards, and {@link DataParallel#averageGradients()} completes the mean.
   */
  Result accumulate(List<LabeledBatch> shards, List<LandmarkPair> pairs, double lambda,
      DataParallel parallel) {
    int m = pairs.size();
    int size = landmarks.size();
    Tensor[][] graphs = new Tensor[shards.size()][size];
    double[] values = new double[size];
    boolean[] needed = new boolean[size];
    for (LandmarkPair p : pairs) {
      needed[p.worse()] = true;
      needed[p.better()] = true;
    }
    for (int k = 0; k < size; k++) {
      for (int s = 0; needed[k] && s < shards.size(); s++) {
        if (mode == Mode.NOGRAD) {
          try (NoGradGuard g = new NoGradGuard()) {
            values[k] += landmarkLoss(shards.get(s), k).item_double();
          }
        } else {
          graphs[s][k] = landmarkLoss(shards.get(s), k);
          values[k] += graphs[s][k].item_double();
        }
      }
    }
    double[] summed = parallel.sum(values);
    for (int k = 0; k < size; k++) {
      values[k] = summed[k] / parallel.shardCount(); // one process: x / 1, exactly x
    }
    for (LandmarkPair p : pairs) {
      if (!Double.isFinite(values[p.better()]) || !Double.isFinite(values[p.worse()])) {
        // No backward: the caller stops on the non-finite R, naming the last good checkpoint.
        return new Result(Double.NaN, 0, m, false);
      }
    }
    PairwiseRankingLoss.Evaluation regulariser = ranking.evaluate(values, pairs);
    double r = regulariser.value();
    int active = regulariser.activePairs();
    double[] coef = new double[size];
    for (int k = 0; k < size; k++) {
      coef[k] = lambda * regulariser.gradient(k);
    }
    boolean any = active > 0 && lambda > 0;
    if (!any && mode != Mode.OFF) {
      return new Result(r, active, m, false);
    }
    Tensor surrogate = null;
    for (int s = 0; s < shards.size(); s++) {
      for (int k = 0; k < size; k++) {
        if (!needed[k] || (coef[k] == 0 && mode != Mode.OFF)) {
          continue;
        }
        Tensor lk = graphs[s][k] != null ? graphs[s][k] : landmarkLoss(shards.get(s), k);
        Tensor term = lk.mul(new Scalar(coef[k]));
        surrogate = surrogate == null ? term : surrogate.add(term);
      }
    }
    surrogate.backward();
    return new Result(r, active, m, true);
  }

  private Tensor landmarkLoss(LabeledBatch rank, int k) {
    return cross_entropy_loss(net.forward(rank.images(), landmarks.get(k).arch()),
        rank.labels());
  }
}
