package org.landmarknas.report;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The {@code ranking} section of {@code result.json}: how well super-net accuracy ranks the
 * evaluation pool against ground truth at the end of the run. Each value is empty when the
 * engine did not write it.
 *
 * @param skdt sparse Kendall tau (S-KdT)
 * @param kdt plain Kendall tau
 * @param spearman Spearman's rho
 * @param precisionAtK share of the true top-k among the super-net's top-k
 * @param k the k of {@code precisionAtK}
 * @param n pool size
 */
public record RankingSummary(OptionalDouble skdt, OptionalDouble kdt, OptionalDouble spearman,
    OptionalDouble precisionAtK, OptionalInt k, OptionalInt n) {

  /** Rejects null parts (use empty optionals). */
  public RankingSummary {
    if (skdt == null || kdt == null || spearman == null || precisionAtK == null || k == null
        || n == null) {
      throw new IllegalArgumentException("RankingSummary parts must not be null (use empty)");
    }
  }
}
