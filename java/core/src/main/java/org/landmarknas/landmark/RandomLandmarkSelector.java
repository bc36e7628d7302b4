package org.landmarknas.landmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.landmarknas.space.SearchSpace;

/**
 * Uniformly random landmarks, the reference setting: each pick is uniform over the allowed
 * connected architectures not equivalent to an earlier pick. Uniform over architectures, not
 * over equivalence classes, so a class with many members is likelier, as when one samples the
 * space and discards repeats.
 *
 * <p>A space too large to list (NB101's 373 million specs) is drawn from {@code candidates}
 * instead, the cells with known scores in their file's order: only those can be landmarks, and
 * drawing from them uniformly is what rejection sampling from the space would converge to, at a
 * cost no one could pay.
 *
 * @param space the space
 * @param candidates what to draw from when the space cannot be enumerated; empty to require an
 *     enumerable space
 * @param <A> the architecture type
 */
public record RandomLandmarkSelector<A>(SearchSpace<A> space, List<A> candidates)
    implements LandmarkSelector<A> {

  /** Copies the candidates. */
  public RandomLandmarkSelector {
    candidates = List.copyOf(candidates);
  }

  /** A selector over an enumerable space. */
  public RandomLandmarkSelector(SearchSpace<A> space) {
    this(space, List.of());
  }

  @Override
  public List<A> select(int m, SplittableRandom rng, Predicate<A> allowed) {
    LandmarkSelectors.checkArguments("random", m, rng, allowed);
    // Enumerating the space once (15,625 cells) makes the pick exact and lets an impossible
    // request fail instead of looping: drawing from the live candidates and retiring a drawn
    // class's members lazily has the same distribution as rejection sampling from the space.
    List<A> live = new ArrayList<>();
    List<A> pool = space.enumerate().or(() -> candidates.isEmpty() ? Optional.empty()
        : Optional.of(candidates)).orElseThrow(() -> new IllegalArgumentException(
            "random landmark selection draws from the whole space, but " + space.id()
                + " is too large to list and no candidates were given: give landmarks.file"
                + " or landmarks.ground-truth"));
    for (A a : pool) {
      if (space.isTrainable(a) && allowed.test(a)) {
        live.add(a);
      }
    }
    List<A> chosen = new ArrayList<>(m);
    Set<String> keys = new HashSet<>();
    int size = live.size();
    while (chosen.size() < m) {
      if (size == 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "random landmark selection: asked for %d landmarks but only %d connected, allowed,"
                + " pairwise non-equivalent architectures exist (lower m or allow more"
                + " architectures)", m, chosen.size()));
      }
      int i = rng.nextInt(size);
      A a = live.get(i);
      live.set(i, live.get(size - 1));
      size--;
      if (keys.add(space.canonicalKey(a))) {
        chosen.add(a);
      }
    }
    return List.copyOf(chosen);
  }
}
