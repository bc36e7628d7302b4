package org.landmarknas.run;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A ranking of the pool by something other than the super-net (parameter count, MACs, random
 * orderings), as {@code evaluation.json} lists it beside the super-net's.
 *
 * @param name what ranks the pool, e.g. {@code parameters}
 * @param ranking its figures against the same ground truth
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record NamedRanking(String name, Ranking ranking) {}
