package org.landmarknas.torch;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.landmarknas.search.ArchScore;

/**
 * What a finished search run reports: where it lives, its training cost, and the super-net's
 * scores of the sampled architectures on the test split (best first).
 */
public record SearchOutcome(Path runDirectory, int epochs, long steps, double trainSeconds,
    double finalTrainLoss, List<ArchScore> scores) {

  public SearchOutcome {
    scores = List.copyOf(scores);
  }

  /** A few human-readable lines for the terminal. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "trained %d epochs (%d steps) in %.1f s, %.2f steps/s, final train loss %.4f%n",
        epochs, steps, trainSeconds, trainSeconds > 0 ? steps / trainSeconds : 0,
        finalTrainLoss));
    if (scores.isEmpty()) {
      sb.append("no architectures scored (evaluate.archs = 0)");
    } else {
      sb.append(String.format(Locale.ROOT,
          "super-net test accuracy of %d sampled architectures (best first):%n", scores.size()));
      for (ArchScore s : scores) {
        sb.append("  ").append(s).append(System.lineSeparator());
      }
    }
    sb.append("results: ").append(runDirectory.resolve("result.json"));
    return sb.toString();
  }
}
