package org.landmarknas.torch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.ProgressLine;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * The three ways a run scores architectures on its super-net: the evaluation pool against its
 * ground truth, a sample of architectures on the test split, and the landmarks against their
 * stand-alone scores. Each draws from the stream it is given and shows its progress.
 */
final class SupernetScoring {
  private SupernetScoring() {}

  /** Scores every pool architecture on {@code evaluate.images} images and ranks the pool. */
  static PoolResult scorePool(EvaluationPool<Nb201Arch> pool, PoolScorer<Nb201Arch> scorer,
      EvaluateConfig eval,
      SplittableRandom rng, PrintStream progress, String label) {
    long start = System.nanoTime();
    ProgressLine line = new ProgressLine(progress, pool.size(), "archs", 10.0);
    List<ArchScore<Nb201Arch>> scores = new ArrayList<>(pool.size());
    for (Nb201Arch a : pool.archs()) {
      scores.add(scorer.score(a, eval.images(), rng));
      line.update(scores.size(), label + " pool", scores.size() + "/" + pool.size());
    }
    PoolResult result = PoolResult.of(scores, pool, eval.topK(),
        (System.nanoTime() - start) / 1e9);
    RankingReport report = result.report();
    progress.printf(Locale.ROOT, "%s ranking of %d pool architectures: S-KdT %.4f  KdT %.4f"
            + "  Spearman %.4f  precision@%d %.2f%n", label, pool.size(),
        report.sparseKendallTau(), report.kendallTau(), report.spearmanRho(), report.topK(),
        report.precisionAtK());
    return result;
  }

  /**
   * Scores {@code evaluate.archs} sampled architectures, distinct up to equivalence and with a
   * path from input to output (a zero cell tells nothing about ranking), best first.
   */
  static List<ArchScore<Nb201Arch>> scoreSample(PoolScorer<Nb201Arch> scorer, EvaluateConfig eval,
      SplittableRandom rng, PrintStream progress) {
    List<Nb201Arch> archs = Nb201Space.INSTANCE.sampleDistinct(eval.archs(), rng);
    List<ArchScore<Nb201Arch>> scores = new ArrayList<>();
    ProgressLine line = new ProgressLine(progress, archs.size(), "archs", 5.0);
    for (Nb201Arch a : archs) {
      scores.add(scorer.score(a, 0, rng));
      line.update(scores.size(), "scoring sampled architectures",
          scores.size() + "/" + archs.size());
    }
    scores.sort(Comparator.comparingDouble((ArchScore<Nb201Arch> s) -> s.accuracy()).reversed());
    return scores;
  }

  /**
   * Kendall tau-b between the super-net's accuracy of the landmarks (on the validation images)
   * and their stand-alone scores: how well the regularized quantity itself is ordered.
   */
  static double landmarkTau(LandmarkSet<Nb201Arch> landmarks, PoolScorer<Nb201Arch> scorer,
      SplittableRandom rng) {
    double[] supernet = new double[landmarks.size()];
    double[] standalone = new double[landmarks.size()];
    for (int i = 0; i < landmarks.size(); i++) {
      supernet[i] = scorer.score(landmarks.get(i).arch(), 0, rng).accuracy();
      standalone[i] = landmarks.get(i).score();
    }
    return KendallTau.tauB(supernet, standalone);
  }
}
