package org.landmarknas.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * {@code evaluation.json}, format version {@value RunFiles#FORMAT_VERSION}: the evaluation pool
 * scored again on a saved super-net ({@code lmnas evaluate}).
 *
 * @param formatVersion the layout, {@value RunFiles#FORMAT_VERSION}
 * @param evaluatedAt when, ISO-8601 instant
 * @param groundTruth the source of the pool's ground truth
 * @param config the run's resolved configuration
 * @param ranking the pool's ranking against the ground truth
 * @param pool the scores, in pool order
 * @param baselines the pool ranked without the super-net ({@code BaselineRanking}); empty in
 *     files written before they were
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoolEvaluation(Integer formatVersion, String evaluatedAt, String groundTruth,
    Map<String, Object> config, Ranking ranking, List<PoolScore> pool,
    List<NamedRanking> baselines) {

  /** Copies the map and the lists; a file from before baselines were written reads none. */
  public PoolEvaluation {
    config = Copies.map(config);
    pool = Copies.list(pool);
    baselines = baselines == null ? List.of() : Copies.list(baselines);
  }
}
