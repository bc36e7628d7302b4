package org.landmarknas.torch;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.ProgressLine;
import org.landmarknas.search.ArchScore;
import org.landmarknas.search.ScoreMeasure;
import org.landmarknas.space.SearchSpace;

/**
 * The three ways a run scores architectures on its super-net: the evaluation pool against its
 * ground truth, a sample of architectures on the test split, and the landmarks against their
 * stand-alone scores. Each draws from the stream it is given and shows its progress.
 */
final class SupernetScoring {
  /**
   * Architectures scored between two appends to a journal: a kill loses at most this many
   * (about 1.5 minutes of an NB101 scoring on 10,000 images), and the parallel scorer's workers
   * still get several each.
   */
  static final int JOURNAL_PART = 8;

  private SupernetScoring() {}

  /**
   * Scores every pool architecture on {@code evaluate.images} images ({@code final-images} for
   * the scoring a run is judged by) and ranks the pool by {@code evaluate.score-by}.
   *
   * @param last whether this is the final scoring of the run (or of {@code lmnas evaluate})
   */
  static <A> PoolResult<A> scorePool(EvaluationPool<A> pool, PoolScorer<A> scorer,
      EvaluateConfig eval, boolean last, SplittableRandom rng, PrintStream progress,
      String label) {
    return scorePool(pool, scorer, eval, last, rng, progress, label, Optional.empty());
  }

  /**
   * {@link #scorePool(EvaluationPool, PoolScorer, EvaluateConfig, boolean, SplittableRandom,
   * PrintStream, String)}, keeping the scores in {@code journal} as they come and taking those
   * it already holds, when the scorer scores each architecture independently of the others.
   */
  static <A> PoolResult<A> scorePool(EvaluationPool<A> pool, PoolScorer<A> scorer,
      EvaluateConfig eval, boolean last, SplittableRandom rng, PrintStream progress,
      String label, Optional<PoolScoreJournal<A>> journal) {
    long start = System.nanoTime();
    int images = eval.poolImages(last);
    ProgressLine line = new ProgressLine(progress, pool.size(), "archs", 10.0);
    IntConsumer done = n -> line.update(n, label + " pool", n + "/" + pool.size());
    List<ArchScore<A>> scores = journal.isPresent() && scorer.scoresIndependently()
        ? scoreJournaled(pool, scorer, images, rng, journal.get(), done, progress)
        : scorer.score(pool.archs(), images, rng, done);
    PoolResult<A> result = PoolResult.of(scores, pool, eval.topK(), eval.measure(),
        (System.nanoTime() - start) / 1e9);
    RankingReport report = result.report();
    progress.printf(Locale.ROOT, "%s ranking of %d pool architectures by %s: S-KdT %.4f  KdT"
            + " %.4f  Spearman %.4f  precision@%d %.2f%n", label, pool.size(), eval.scoreBy(),
        report.sparseKendallTau(), report.kendallTau(), report.spearmanRho(), report.topK(),
        report.precisionAtK());
    return result;
  }

  /** The pool's scores: the journal's, then the rest scored in parts, each part journaled. */
  private static <A> List<ArchScore<A>> scoreJournaled(EvaluationPool<A> pool,
      PoolScorer<A> scorer, int images, SplittableRandom rng, PoolScoreJournal<A> journal,
      IntConsumer done, PrintStream progress) {
    SearchSpace<A> space = pool.space();
    Map<String, ArchScore<A>> byArch = new HashMap<>(journal.open());
    List<A> left = pool.archs().stream().filter(a -> !byArch.containsKey(space.format(a)))
        .toList();
    int before = pool.size() - left.size();
    if (before > 0) {
      progress.printf(Locale.ROOT, "%d of %d pool architectures scored before the run"
          + " stopped: taken from the journal%n", before, pool.size());
    }
    for (int from = 0; from < left.size(); from += JOURNAL_PART) {
      int offset = before + from;
      List<ArchScore<A>> part = scorer.score(left.subList(from,
          Math.min(left.size(), from + JOURNAL_PART)), images, rng, n -> done.accept(offset + n));
      journal.append(part);
      part.forEach(s -> byArch.put(space.format(s.arch()), s));
    }
    return pool.archs().stream().map(a -> byArch.get(space.format(a))).toList();
  }

  /**
   * Scores {@code evaluate.archs} sampled architectures, distinct up to equivalence and with a
   * path from input to output (a zero cell tells nothing about ranking), best first.
   */
  static <A> List<ArchScore<A>> scoreSample(SearchSpace<A> space, PoolScorer<A> scorer,
      EvaluateConfig eval, SplittableRandom rng, PrintStream progress) {
    List<A> archs = space.sampleDistinct(eval.archs(), rng);
    ProgressLine line = new ProgressLine(progress, archs.size(), "archs", 5.0);
    List<ArchScore<A>> scores = new ArrayList<>(scorer.score(archs, 0, rng,
        done -> line.update(done, "scoring sampled architectures", done + "/" + archs.size())));
    scores.sort(Comparator.comparingDouble((ArchScore<A> s) -> eval.measure().value(s))
        .reversed());
    return scores;
  }

  /**
   * Kendall tau-b between the super-net's scores of the landmarks (on the validation images, by
   * {@code measure}) and their stand-alone scores: how well the regularized quantity itself is
   * ordered.
   */
  static <A> double landmarkTau(LandmarkSet<A> landmarks, PoolScorer<A> scorer,
      ScoreMeasure measure, SplittableRandom rng) {
    List<A> archs = new ArrayList<>(landmarks.size());
    double[] standalone = new double[landmarks.size()];
    for (int i = 0; i < landmarks.size(); i++) {
      archs.add(landmarks.get(i).arch());
      standalone[i] = landmarks.get(i).score();
    }
    List<ArchScore<A>> scores = scorer.score(archs, 0, rng);
    double[] supernet = new double[scores.size()];
    for (int i = 0; i < supernet.length; i++) {
      supernet[i] = measure.value(scores.get(i));
    }
    return KendallTau.tauB(supernet, standalone);
  }
}
