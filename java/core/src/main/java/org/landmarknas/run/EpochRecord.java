package org.landmarknas.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * One line of {@code metrics.jsonl}: what an epoch of super-net training measured, keys in the
 * order written. The parts that apply only to some epochs are null and then absent from the line:
 * {@code landmarkKdt} and the landmark figures (landmark regularization), the ranking figures and
 * {@code poolSeconds} (an epoch that scored the pool), {@code landmarks} (an epoch with a
 * landmark set), {@code tau} and {@code alphaEntropy} (an epoch trained by GDAS), {@code
 * controllerLoss} (an epoch after which NAO's controller trained), {@code naoPool} (an epoch
 * after which NAO has a pool) and {@code naoSeconds} (an epoch followed by a controller point). A reader may
 * meet older or hand-written lines where any value is missing; only {@code epoch} is required
 * (see {@link RunFiles#readMetrics}). NaN (e.g. {@code landmarkLoss} while λ is 0) is written as
 * the string {@code "NaN"}.
 *
 * <p>Flat rather than nested, as the line is: the ranking keys sit beside the training figures.
 *
 * @param epoch the epoch, 1-based
 * @param steps its training steps
 * @param lr its learning rate
 * @param trainLoss mean training loss
 * @param trainAcc training accuracy, a fraction
 * @param seconds wall-clock time of its steps
 * @param stepsPerS steps per second
 * @param stepMsP50 median step latency, ms
 * @param stepMsP90 90th percentile step latency, ms
 * @param stepMsP99 99th percentile step latency, ms
 * @param stepMsMax slowest step, ms
 * @param landmarkKdt the landmarks' own Kendall tau after the epoch
 * @param lambda mean λ
 * @param landmarkLoss mean landmark ranking loss
 * @param activePairs share of sampled pairs with a gradient
 * @param skdt see {@link Ranking}
 * @param kdt see {@link Ranking}
 * @param spearman see {@link Ranking}
 * @param precisionAtK see {@link Ranking}
 * @param k see {@link Ranking}
 * @param poolSize see {@link Ranking}
 * @param bestOfTopKTopPercent see {@link Ranking}
 * @param meanOfTopKTopPercent see {@link Ranking}
 * @param poolSeconds how long the pool scoring took
 * @param landmarks the size of the landmark set after the epoch
 * @param tau GDAS's Gumbel-softmax temperature of the epoch (a GDAS policy epoch)
 * @param alphaEntropy mean entropy of GDAS's softmax(α) over the edges after the epoch, nats
 * @param controllerLoss NAO's controller loss (0.8 · predictor MSE + 0.2 · decoder NLL) over
 *     its last training pass after the epoch
 * @param naoPool the size of NAO's pool after the epoch: what the next epochs draw from, or
 *     after the last epoch what was scored
 * @param naoSeconds wall-clock time of NAO's controller point after the epoch: the pool's
 *     scoring, the controller's training and the generation (not in {@code seconds})
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EpochRecord(Integer epoch, Integer steps, Double lr, Double trainLoss,
    Double trainAcc, Double seconds, Double stepsPerS, Double stepMsP50, Double stepMsP90,
    Double stepMsP99, Double stepMsMax, Double landmarkKdt, Double lambda, Double landmarkLoss,
    Double activePairs, Double skdt, Double kdt, Double spearman, Double precisionAtK, Integer k,
    Integer poolSize,
    // the naming strategy would read "TopKTop" as an acronym: best_of_top_ktop_percent
    @JsonProperty("best_of_top_k_top_percent") Double bestOfTopKTopPercent,
    @JsonProperty("mean_of_top_k_top_percent") Double meanOfTopKTopPercent,
    Double poolSeconds, Integer landmarks, Double tau, Double alphaEntropy,
    Double controllerLoss, Integer naoPool, Double naoSeconds) {

  /** The training part of a line: what every epoch writes. */
  public static EpochRecord training(int epoch, int steps, double lr, double trainLoss,
      double trainAcc, double seconds, double[] stepMs) {
    return new EpochRecord(epoch, steps, lr, trainLoss, trainAcc, seconds, steps / seconds,
        stepMs[0], stepMs[1], stepMs[2], stepMs[3], null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** This line with the landmark term's figures: the landmarks' tau, λ, loss, active pairs. */
  public EpochRecord withLandmarkTerm(Double landmarkKdt, Double lambda, Double landmarkLoss,
      Double activePairs) {
    return new EpochRecord(epoch, steps, lr, trainLoss, trainAcc, seconds, stepsPerS, stepMsP50,
        stepMsP90, stepMsP99, stepMsMax, landmarkKdt, lambda, landmarkLoss, activePairs, skdt,
        kdt, spearman, precisionAtK, k, poolSize, bestOfTopKTopPercent, meanOfTopKTopPercent,
        poolSeconds, landmarks, tau, alphaEntropy, controllerLoss, naoPool, naoSeconds);
  }

  /** This line with a pool scoring's ranking and its duration. */
  public EpochRecord withPoolScoring(Ranking r, double poolSeconds) {
    return new EpochRecord(epoch, steps, lr, trainLoss, trainAcc, seconds, stepsPerS, stepMsP50,
        stepMsP90, stepMsP99, stepMsMax, landmarkKdt, lambda, landmarkLoss, activePairs,
        r.skdt(), r.kdt(), r.spearman(), r.precisionAtK(), r.k(), r.poolSize(),
        r.bestOfTopKTopPercent(), r.meanOfTopKTopPercent(), poolSeconds, landmarks, tau,
        alphaEntropy, controllerLoss, naoPool, naoSeconds);
  }

  /** This line with the landmark set's size. */
  public EpochRecord withLandmarks(int landmarks) {
    return new EpochRecord(epoch, steps, lr, trainLoss, trainAcc, seconds, stepsPerS, stepMsP50,
        stepMsP90, stepMsP99, stepMsMax, landmarkKdt, lambda, landmarkLoss, activePairs, skdt,
        kdt, spearman, precisionAtK, k, poolSize, bestOfTopKTopPercent, meanOfTopKTopPercent,
        poolSeconds, landmarks, tau, alphaEntropy, controllerLoss, naoPool, naoSeconds);
  }

  /**
   * This line with a sampling policy's figures, each null where the policy has none: GDAS's τ
   * and α's mean entropy, NAO's controller loss, pool size and controller point's time.
   */
  public EpochRecord withPolicy(Double tau, Double alphaEntropy, Double controllerLoss,
      Integer naoPool, Double naoSeconds) {
    return new EpochRecord(epoch, steps, lr, trainLoss, trainAcc, seconds, stepsPerS, stepMsP50,
        stepMsP90, stepMsP99, stepMsMax, landmarkKdt, lambda, landmarkLoss, activePairs, skdt,
        kdt, spearman, precisionAtK, k, poolSize, bestOfTopKTopPercent, meanOfTopKTopPercent,
        poolSeconds, landmarks, tau, alphaEntropy, controllerLoss, naoPool, naoSeconds);
  }
}
