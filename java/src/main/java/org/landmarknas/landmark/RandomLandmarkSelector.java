package org.landmarknas.landmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * Uniformly random landmarks, the reference setting: each pick is uniform over the allowed
 * connected architectures not equivalent to an earlier pick. Uniform over architectures, not
 * over equivalence classes, so a class with many members is likelier, as when one samples the
 * space and discards repeats.
 */
public record RandomLandmarkSelector() implements LandmarkSelector {

  @Override
  public List<Nb201Arch> select(int m, SplittableRandom rng, Predicate<Nb201Arch> allowed) {
    LandmarkSelectors.checkArguments("random", m, rng, allowed);
    Nb201Space space = Nb201Space.INSTANCE;
    // Enumerating the space once (15,625 cells) makes the pick exact and lets an impossible
    // request fail instead of looping: drawing from the live candidates and retiring a drawn
    // class's members lazily has the same distribution as rejection sampling from the space.
    List<Nb201Arch> live = new ArrayList<>();
    for (Nb201Arch a : space.all()) {
      if (a.isConnected() && allowed.test(a)) {
        live.add(a);
      }
    }
    List<Nb201Arch> chosen = new ArrayList<>(m);
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
      Nb201Arch a = live.get(i);
      live.set(i, live.get(size - 1));
      size--;
      if (keys.add(space.canonicalKey(a))) {
        chosen.add(a);
      }
    }
    return List.copyOf(chosen);
  }
}
