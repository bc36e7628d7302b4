package org.landmarknas.landmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.landmarknas.space.SearchSpace;

/**
 * Diverse landmarks by the paper's mutation rule: start from a uniformly random root, apply
 * single-edge mutations ({@link SearchSpace#mutate}) until the walk reaches an acceptable
 * architecture whose Hamming distance from the root exceeds {@code tau}, and take it; that pick
 * is the root of the next walk. So consecutive picks are always more than {@code tau} apart.
 * "Acceptable" means connected, allowed, and not equivalent to an earlier pick.
 *
 * <p>In {@code strict} mode a pick must also be more than {@code tau} from <em>every</em> earlier
 * pick, so the whole set is pairwise more than {@code tau} apart. Such sets are small for a large
 * {@code tau}: with 6 edges of 5 ops, at most 5 cells differ on all edges from each other
 * ({@code tau = 5}) and at most 25 on 5 edges ({@code tau = 4}, the Singleton bound); the greedy
 * walks here reach about 5, 13 and 44 landmarks for {@code tau} = 5, 4 and 3, and more than 200
 * for smaller {@code tau}. A walk that
 * finds nothing within 2,000 steps restarts the whole selection; after 50 failed attempts
 * the selector gives up with a message that names the best size
 * reached.
 *
 * @param space the space walked
 * @param tau the distance a pick must exceed, in [0, {@link SearchSpace#maxDistance()})
 * @param strict whether every pair of picks, not only consecutive ones, must exceed {@code tau}
 * @param <A> the architecture type
 */
public record DiverseLandmarkSelector<A>(SearchSpace<A> space, int tau, boolean strict)
    implements LandmarkSelector<A> {

  /** Mutation steps one walk may take before the attempt is abandoned. */
  static final int WALK_STEPS = 2_000;
  /** Whole-selection attempts before giving up. */
  static final int ATTEMPTS = 50;

  /** Validates {@code tau}: a distance above {@code maxDistance() - 1} does not exist. */
  public DiverseLandmarkSelector {
    Objects.requireNonNull(space, "space");
    int max = space.maxDistance();
    if (tau < 0 || tau >= max) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "diverse landmark selection: tau = %d outside [0, %d] (a pick must be more than tau"
              + " edges from its root, and cells differ on at most %d edges)", tau, max - 1, max));
    }
  }

  @Override
  public List<A> select(int m, SplittableRandom rng, Predicate<A> allowed) {
    LandmarkSelectors.checkArguments("diverse", m, rng, allowed);
    int best = 0;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      List<A> picks = attempt(m, rng, allowed);
      if (picks.size() == m) {
        return List.copyOf(picks);
      }
      best = Math.max(best, picks.size());
    }
    if (strict) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "diverse landmark selection (strict): could not find %d landmarks pairwise more than"
              + " tau = %d edges apart; the best of %d attempts reached %d. tau is too large for"
              + " m (or the allowed pool too small): lower tau or m, or drop strict mode",
          m, tau, ATTEMPTS, best));
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "diverse landmark selection: could not find %d landmarks (each more than tau = %d edges"
            + " from its root); the best of %d attempts reached %d. Too few connected, allowed,"
            + " non-equivalent architectures: lower m or tau, or allow more architectures",
        m, tau, ATTEMPTS, best));
  }

  /** One greedy chain of walks; returns fewer than {@code m} picks when a walk gets stuck. */
  private List<A> attempt(int m, SplittableRandom rng, Predicate<A> allowed) {
    List<A> picks = new ArrayList<>(m);
    Set<String> keys = new HashSet<>();
    A root = space.sample(rng);
    while (picks.size() < m) {
      A found = null;
      A walker = root;
      for (int step = 0; step < WALK_STEPS && found == null; step++) {
        walker = space.mutate(walker, rng);
        if (acceptable(walker, root, picks, keys, allowed)) {
          found = walker;
        }
      }
      if (found == null) {
        return picks;
      }
      picks.add(found);
      keys.add(space.canonicalKey(found));
      root = found;
    }
    return picks;
  }

  private boolean acceptable(A a, A root, List<A> picks, Set<String> keys,
      Predicate<A> allowed) {
    if (space.distance(a, root) <= tau || !space.isTrainable(a)
        || keys.contains(space.canonicalKey(a))) {
      return false;
    }
    if (strict) {
      for (A p : picks) {
        if (space.distance(a, p) <= tau) {
          return false;
        }
      }
    }
    // Last: the caller's predicate may be the most expensive test.
    return allowed.test(a);
  }
}
