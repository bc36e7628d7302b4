package org.landmarknas.landmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.space.SearchSpace;

/**
 * Builds a run's initial landmark set from its configuration: the given CSV as is, or
 * {@code count} architectures chosen by the configured selector among those whose stand-alone
 * score the ground truth knows, each with that score.
 */
public final class LandmarkSelection {
  private LandmarkSelection() {}

  /**
   * @throws IllegalArgumentException when the selector cannot find enough eligible architectures,
   *     or the given file holds fewer than 2 landmarks
   */
  public static <A> LandmarkSet<A> initial(SearchSpace<A> space, LandmarksConfig cfg,
      java.util.Optional<GroundTruth<A>> truth, SplittableRandom rng) {
    if (cfg.filePath().isPresent()) {
      LandmarkSet<A> given = LandmarkSet.fromCsv(space, cfg.filePath().get());
      if (given.size() < 2) {
        // With fewer there is no pair to rank, and the run would silently be plain SPOS.
        throw new IllegalArgumentException(String.format(Locale.ROOT, "landmarks.file %s holds"
            + " %d landmark(s); the ranking loss needs at least 2", cfg.filePath().get(),
            given.size()));
      }
      return given;
    }
    if (cfg.count() == 0) {
      return LandmarkSet.empty(space);
    }
    GroundTruth<A> gt = truth.orElseThrow(() -> new IllegalArgumentException(
        "landmarks.count = " + cfg.count() + " needs stand-alone scores: set"
            + " landmarks.ground-truth or evaluate.pool"));
    LandmarkSelector<A> selector = selector(space, cfg, gt.archs());
    List<A> chosen = selector.select(cfg.count(), rng, a -> gt.score(a).isPresent());
    List<Landmark<A>> landmarks = new ArrayList<>(chosen.size());
    for (A a : chosen) {
      landmarks.add(new Landmark<>(a, gt.score(a).getAsDouble()));
    }
    return LandmarkSet.of(space, landmarks);
  }

  /** The configured selector; {@code candidates} are the cells with known scores. */
  static <A> LandmarkSelector<A> selector(SearchSpace<A> space, LandmarksConfig cfg,
      List<A> candidates) {
    switch (cfg.selector()) {
      case "random":
        return new RandomLandmarkSelector<>(space, candidates);
      case "diverse":
        return new DiverseLandmarkSelector<>(space, cfg.tau(), false);
      case "diverse-strict":
        return new DiverseLandmarkSelector<>(space, cfg.tau(), true);
      default:
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "unknown landmark selector \"%s\" (allowed: random, diverse, diverse-strict)",
            cfg.selector()));
    }
  }
}
