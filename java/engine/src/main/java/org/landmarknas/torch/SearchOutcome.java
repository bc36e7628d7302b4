package org.landmarknas.torch;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.search.ArchScore;
import org.landmarknas.search.Evaluated;

/**
 * What a finished search run reports: where it lives, its training cost, the super-net's scores
 * of the sampled architectures on the test split (best first), the last ranking of the evaluation
 * pool, and the architectures the search found (with their ground truth when it is known).
 *
 * @param runDirectory where the run's files are; empty for an embedded run without one (its
 *     temporary directory is gone)
 * @param truth ground truth of the run, or null when the run had none
 * @param <A> the architecture type of the run's space
 */
public record SearchOutcome<A>(Optional<Path> runDirectory, int epochs, long steps,
    double trainSeconds, double finalTrainLoss, List<ArchScore<A>> scores,
    Optional<RankingReport> ranking, List<Evaluated<A>> found,
        GroundTruth<A> truth) {

  public SearchOutcome {
    scores = List.copyOf(scores);
    found = List.copyOf(found);
  }

  /** A few human-readable lines for the terminal. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "trained %d epochs (%d steps) in %.1f s, %.2f steps/s, final train loss %.4f%n",
        epochs, steps, trainSeconds, trainSeconds > 0 ? steps / trainSeconds : 0,
        finalTrainLoss));
    ranking.ifPresent(r -> sb.append(String.format(Locale.ROOT,
        "ranking of %d pool architectures vs ground truth: S-KdT %.4f, KdT %.4f, Spearman %.4f,"
            + " precision@%d %.2f%n", r.n(), r.sparseKendallTau(), r.kendallTau(),
        r.spearmanRho(), r.topK(), r.precisionAtK())));
    if (!scores.isEmpty()) {
      sb.append(String.format(Locale.ROOT,
          "super-net test accuracy of %d sampled architectures (best first):%n", scores.size()));
      for (ArchScore<A> s : scores) {
        sb.append("  ").append(s).append(System.lineSeparator());
      }
    }
    if (!found.isEmpty()) {
      sb.append(String.format(Locale.ROOT, "found by the search (super-net validation accuracy"
          + "%s):%n", truth != null ? ", ground truth, rank" : ""));
      for (Evaluated<A> e : found) {
        sb.append(String.format(Locale.ROOT, "  %6.2f%%", 100 * e.fitness()));
        if (truth != null) {
          OptionalDouble gt = truth.score(e.arch());
          OptionalInt rank = truth.rank(e.arch());
          sb.append(gt.isPresent()
              ? String.format(Locale.ROOT, "  gt %6.2f%%  rank %d/%d", gt.getAsDouble(),
                  rank.getAsInt(), truth.size())
              : "  gt n/a");
        }
        sb.append("  ").append(e.arch()).append(System.lineSeparator());
      }
    }
    runDirectory.ifPresent(d -> sb.append("results: ").append(d.resolve("result.json")));
    return sb.toString().stripTrailing();
  }

  /** This outcome without its run directory (an embedded run's temporary one, now deleted). */
  public SearchOutcome<A> withoutRunDirectory() {
    return new SearchOutcome<>(Optional.empty(), epochs, steps, trainSeconds, finalTrainLoss,
        scores, ranking, found, truth);
  }
}
