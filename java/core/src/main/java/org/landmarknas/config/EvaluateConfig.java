package org.landmarknas.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.landmarknas.search.ScoreMeasure;

/**
 * How the super-net is scored.
 *
 * <ul>
 *   <li>{@code archs}: sampled architectures scored on the test split at the end (>= 0);
 *   <li>{@code batch-size}: evaluation batch size; with batch-statistics BN it is part of the
 *       protocol (>= 1);
 *   <li>{@code pool}: ground-truth file (CSV {@code arch,score} in percent, or the NB201 table
 *       format) from which the evaluation pool is drawn; null = no ranking evaluation;
 *   <li>{@code pool-size}: architectures drawn from the pool file with the run seed (0 = all);
 *   <li>{@code every}: score the pool every K epochs (0 = only after the last epoch);
 *   <li>{@code images}: test images per pool architecture (0 = the whole test split);
 *   <li>{@code bn}: {@code batch} (batch statistics at {@code batch-size}) or {@code recalibrate}
 *       (running statistics re-estimated per architecture; needs {@code supernet.batchnorm:
 *       running});
 *   <li>{@code recalibrate-batches}: training batches per recalibration (>= 1);
 *   <li>{@code top-k}: k of precision@k and the top-k percentile (>= 1);
 *   <li>{@code final-images}: test images per pool architecture of the last epoch's scoring
 *       (-1 = as {@code images}, 0 = the whole test split): the ranking a run is judged by can
 *       use many more images than the scorings that draw its curve;
 *   <li>{@code score-by}: {@code accuracy} or {@code loss}: what ranks the pool, the sampled
 *       architectures and the landmarks' tau (both are written to every pool file either way;
 *       the search's fitness stays validation accuracy, as its result names it);
 *   <li>{@code precision}: the arithmetic of every scoring: {@code as-train} (default, that of
 *       {@code supernet.precision}), {@code fp32} or {@code bf16} (bf16 autocast: faster where
 *       the CPU has bf16 units, scores within rounding of fp32's).
 * </ul>
 */
public record EvaluateConfig(int archs, int batchSize, String pool, int poolSize, int every,
    int images, String bn, int recalibrateBatches, int topK, int finalImages, String scoreBy,
    String precision) {

  public static final String BN_BATCH = "batch";
  public static final String BN_RECALIBRATE = "recalibrate";
  public static final List<String> BN_MODES = List.of(BN_BATCH, BN_RECALIBRATE);
  /** Scoring in the training's arithmetic. */
  public static final String PRECISION_AS_TRAIN = "as-train";
  public static final List<String> PRECISIONS = List.of(PRECISION_AS_TRAIN, "fp32", "bf16");

  public EvaluateConfig {
    KeyCheck.atLeast("evaluate.archs", archs, 0);
    KeyCheck.atLeast("evaluate.batch-size", batchSize, 1);
    if (pool != null && pool.isBlank()) {
      throw new ConfigException("evaluate.pool", "is blank (allowed: a file path, or null)");
    }
    KeyCheck.atLeast("evaluate.pool-size", poolSize, 0);
    KeyCheck.atLeast("evaluate.every", every, 0);
    KeyCheck.atLeast("evaluate.images", images, 0);
    KeyCheck.oneOf("evaluate.bn", bn, BN_MODES);
    KeyCheck.atLeast("evaluate.recalibrate-batches", recalibrateBatches, 1);
    KeyCheck.atLeast("evaluate.top-k", topK, 1);
    KeyCheck.atLeast("evaluate.final-images", finalImages, -1);
    KeyCheck.oneOf("evaluate.score-by", scoreBy, ScoreMeasure.configNames());
    KeyCheck.oneOf("evaluate.precision", precision, PRECISIONS);
  }

  /** Scoring in the training's arithmetic. */
  public EvaluateConfig(int archs, int batchSize, String pool, int poolSize, int every,
      int images, String bn, int recalibrateBatches, int topK, int finalImages, String scoreBy) {
    this(archs, batchSize, pool, poolSize, every, images, bn, recalibrateBatches, topK,
        finalImages, scoreBy, PRECISION_AS_TRAIN);
  }

  /** The arithmetic of scoring for a super-net trained in {@code trainPrecision}. */
  public String scoringPrecision(String trainPrecision) {
    return precision.equals(PRECISION_AS_TRAIN) ? trainPrecision : precision;
  }

  /** A scoring by accuracy whose last scoring uses {@code images} like the others. */
  public EvaluateConfig(int archs, int batchSize, String pool, int poolSize, int every,
      int images, String bn, int recalibrateBatches, int topK) {
    this(archs, batchSize, pool, poolSize, every, images, bn, recalibrateBatches, topK, -1,
        ScoreMeasure.ACCURACY.configName());
  }

  public static EvaluateConfig defaults() {
    return new EvaluateConfig(10, 256, null, 0, 1, 0, BN_BATCH, 50, 10);
  }

  /** Test images per pool architecture of a scoring, the last epoch's or another. */
  public int poolImages(boolean lastEpoch) {
    return lastEpoch && finalImages >= 0 ? finalImages : images;
  }

  /** What ranks architectures. */
  public ScoreMeasure measure() {
    return ScoreMeasure.of(scoreBy);
  }

  /** The pool file as a path, when one is configured. */
  public Optional<Path> poolPath() {
    return pool == null ? Optional.empty() : Optional.of(Path.of(pool));
  }
}
