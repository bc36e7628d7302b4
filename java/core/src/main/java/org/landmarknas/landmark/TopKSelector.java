package org.landmarknas.landmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.landmarknas.space.SearchSpace;

/**
 * The multi-round pipeline's pick: the {@code m} best-scoring architectures by some score (the
 * super-net's, after a round of training), leaving out current landmarks and their equivalents.
 * Of several equivalent architectures only the best-scoring one can be picked. Higher scores are
 * better; ties go to the smaller encoding in lexicographic order (for NB201 the smaller code),
 * so the choice is deterministic and the {@code rng} is ignored. Only trainable architectures are
 * picked, as with the other selectors.
 *
 * @param <A> the architecture type of the space
 */
public final class TopKSelector<A> implements LandmarkSelector<A> {

  private final List<Map.Entry<A, Double>> ranked; // best first
  private final LandmarkSet<A> current;

  /**
   * A selector over these scores.
   *
   * @param scores a score per candidate architecture, higher is better; finite values only
   * @param current landmarks that must not be picked again (nor anything equivalent)
   * @throws IllegalArgumentException if a score is null, NaN or infinite
   */
  public TopKSelector(Map<A, Double> scores, LandmarkSet<A> current) {
    Objects.requireNonNull(scores, "scores");
    this.current = Objects.requireNonNull(current, "current");
    List<Map.Entry<A, Double>> entries = new ArrayList<>(scores.size());
    for (Map.Entry<A, Double> e : scores.entrySet()) {
      Double s = e.getValue();
      if (e.getKey() == null || s == null || !Double.isFinite(s)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "top-k selection: score of %s is %s (expected a finite number)", e.getKey(), s));
      }
      entries.add(Map.entry(e.getKey(), s));
    }
    entries.sort((a, b) -> {
      int c = Double.compare(b.getValue(), a.getValue());
      // ties: the space's encoding, lexicographic (NB201: ascending code)
      SearchSpace<A> space = current.space();
      return c != 0 ? c
          : Arrays.compare(space.encode(a.getKey()), space.encode(b.getKey()));
    });
    this.ranked = List.copyOf(entries);
  }

  @Override
  public List<A> select(int m, SplittableRandom rng, Predicate<A> allowed) {
    LandmarkSelectors.checkArguments("top-k", m, rng, allowed);
    SearchSpace<A> space = current.space();
    List<A> picks = new ArrayList<>(m);
    Set<String> keys = new HashSet<>();
    for (Map.Entry<A, Double> e : ranked) {
      if (picks.size() == m) {
        break;
      }
      A a = e.getKey();
      if (!space.isTrainable(a) || current.contains(a) || !allowed.test(a)) {
        continue;
      }
      if (keys.add(space.canonicalKey(a))) {
        picks.add(a);
      }
    }
    if (picks.size() < m) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "top-k selection: asked for %d architectures but only %d of the %d scored ones are"
              + " connected, allowed, not landmarks already and pairwise non-equivalent (score"
              + " more architectures or lower m)", m, picks.size(), ranked.size()));
    }
    return List.copyOf(picks);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "TopKSelector[%d scored, %d current landmarks]",
        ranked.size(), current.size());
  }
}
