package org.landmarknas.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * {@code result.json}, format version {@value RunFiles#FORMAT_VERSION}: what a finished run
 * reports. The engine writes every part that applies; {@code pool} and {@code ranking} are null
 * (absent) for a run without an evaluation pool, {@code search} for one without a search. Values
 * are boxed because a reader meets files that lack some of them (null = absent).
 *
 * @param formatVersion the layout, {@value RunFiles#FORMAT_VERSION}
 * @param provenance where the run came from
 * @param epochs epochs trained
 * @param steps training steps
 * @param trainSeconds time of the training steps
 * @param finalTrainLoss mean training loss of the last epoch
 * @param scoredArchitectures the sampled architectures scored on the test split
 * @param pool the last scoring of the evaluation pool
 * @param ranking its ranking against the ground truth
 * @param search the search on the trained super-net
 * @param cost what the run cost
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResult(Integer formatVersion, Provenance provenance, Integer epochs, Long steps,
    Double trainSeconds, Double finalTrainLoss, List<ScoredArchitecture> scoredArchitectures,
    List<PoolScore> pool, Ranking ranking, Search search, Cost cost) {

  /** Copies the lists. */
  public RunResult {
    scoredArchitectures = Copies.list(scoredArchitectures);
    pool = Copies.list(pool);
  }

  /**
   * Where a run came from.
   *
   * @param startedAt start, ISO-8601 instant
   * @param finishedAt end, ISO-8601 instant
   * @param seed the root seed
   * @param resumed whether the run was continued from a checkpoint
   * @param dataset the dataset's name
   * @param splitFingerprint the train split's fingerprint, hex
   * @param java the Java version
   * @param os the operating system and architecture
   * @param libtorch the libtorch version
   * @param groundTruth the ground-truth source of the pool, when there was one
   * @param config the resolved configuration, as {@code config.yaml} holds it
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Provenance(String startedAt, String finishedAt, Long seed, Boolean resumed,
      String dataset, String splitFingerprint, String java, String os, String libtorch,
      String groundTruth, Map<String, Object> config) {

    /** Copies the config map (its nested values are the parser's own). */
    public Provenance {
      config = Copies.map(config);
    }
  }

  /**
   * One sampled architecture scored on the test split.
   *
   * @param arch the architecture string
   * @param supernetTestAccuracy its accuracy through the super-net, a fraction
   * @param supernetTestLoss its mean loss there
   * @param images the images it was scored on
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ScoredArchitecture(String arch, Double supernetTestAccuracy,
      Double supernetTestLoss, Integer images) {}

  /**
   * The search on the trained super-net.
   *
   * @param strategy the strategy's name
   * @param evaluations architectures it evaluated
   * @param top the distinct best it found, best first
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Search(String strategy, Integer evaluations, List<Found> top) {

    /** Copies the list. */
    public Search {
      top = Copies.list(top);
    }
  }

  /**
   * One architecture the search found. The ground-truth keys are written as null when the
   * ground truth does not know the architecture (or there is none), so they stay in the file.
   *
   * @param arch the architecture string
   * @param supernetValAccuracy its validation accuracy through the super-net, a fraction
   * @param groundTruth its stand-alone accuracy, percent
   * @param groundTruthRank its rank there, 1 = best
   * @param groundTruthTotal the ground truth's size
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Found(String arch, Double supernetValAccuracy, Double groundTruth,
      Integer groundTruthRank, Integer groundTruthTotal) {}

  /**
   * What the run cost, in seconds.
   *
   * @param trainSeconds time of the training steps
   * @param cpuSeconds CPU time of the process, all threads (NaN when unknown)
   * @param wallSeconds wall-clock time from start to finish
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cost(Double trainSeconds, Double cpuSeconds, Double wallSeconds) {}
}
