package org.landmarknas.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import org.landmarknas.metric.RankingReport;

/**
 * How well the super-net ranks the evaluation pool against its ground truth, as the run files
 * write it: the {@code ranking} section of {@code result.json} and {@code evaluation.json}, and
 * the same keys in a {@code metrics.jsonl} line of an epoch that scored the pool. Values are
 * boxed because a reader meets files that lack some of them (null = absent); correlations may
 * be NaN (a constant predictor), written as the string {@code "NaN"}.
 *
 * @param skdt sparse Kendall tau
 * @param kdt Kendall tau-b
 * @param spearman Spearman's rho
 * @param precisionAtK share of the true top-k among the predicted top-k
 * @param k the k of the top-k figures
 * @param poolSize the number of architectures ranked
 * @param bestOfTopKTopPercent the best of the predicted top-k lies in this top percent
 * @param meanOfTopKTopPercent the mean of the same over the predicted top-k
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Ranking(Double skdt, Double kdt, Double spearman, Double precisionAtK, Integer k,
    Integer poolSize,
    // the naming strategy would read "TopKTop" as an acronym: best_of_top_ktop_percent
    @JsonProperty("best_of_top_k_top_percent") Double bestOfTopKTopPercent,
    @JsonProperty("mean_of_top_k_top_percent") Double meanOfTopKTopPercent) {

  /** {@code report}'s figures. */
  public static Ranking of(RankingReport report) {
    return new Ranking(report.sparseKendallTau(), report.kendallTau(), report.spearmanRho(),
        report.precisionAtK(), report.topK(), report.n(), report.bestOfTopKTopPercent(),
        report.meanOfTopKTopPercent());
  }
}
