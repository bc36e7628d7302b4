package org.landmarknas.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * One {@code pool-epoch-NNNN.json}: the pool as scored after an epoch, kept so that a report can
 * rank it again against another ground truth. (The layout has no {@code format_version}: it is
 * version 1 of the run files, like {@code result.json}.)
 *
 * @param epoch the epoch after which the pool was scored, 1-based
 * @param pool the scores, in pool order; null when the file has none
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PoolScoring(Integer epoch, List<PoolScore> pool) {

  /** Copies the list. */
  public PoolScoring {
    pool = Copies.list(pool);
  }
}
