package org.landmarknas.torch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.landmarknas.space.SearchSpace;

/**
 * Paths uniform over distinct cell classes ({@code train.sampling: classes}): a step draws one
 * class of trainable cells uniformly, then one of its op assignments uniformly. SPOS's
 * op-uniform draw trains a class in proportion to how many assignments compute it (on NB201 the
 * largest class of connected cells has hundreds, most have one), so the super-net spends its
 * steps on cells that differ only in dead edges; Ning et al. (NeurIPS 2021) reported that
 * sampling classes uniformly ranks better. Drawing a member rather than a fixed representative
 * keeps every op that can matter in training.
 *
 * @param <A> the architecture type of the space
 */
final class ClassUniformSampling<A> implements SamplingPolicy<A> {
  private final List<List<A>> classes;

  /**
   * Lists the classes of {@code space}'s trainable cells.
   *
   * @throws IllegalArgumentException when the space cannot be enumerated
   */
  ClassUniformSampling(SearchSpace<A> space) {
    List<A> all = space.enumerate().orElseThrow(() -> new IllegalArgumentException(
        "class-uniform sampling needs a space that can be enumerated, not " + space.id()));
    // insertion order = enumeration order, so a seed draws the same paths on every run
    Map<String, List<A>> byKey = new LinkedHashMap<>();
    for (A a : all) {
      if (space.isTrainable(a)) {
        byKey.computeIfAbsent(space.canonicalKey(a), k -> new ArrayList<>()).add(a);
      }
    }
    this.classes = byKey.values().stream().map(List::copyOf).toList();
  }

  /** How many classes paths are drawn from. */
  int classCount() {
    return classes.size();
  }

  @Override
  public A path(int epoch, int step, SplittableRandom rng) {
    List<A> members = classes.get(rng.nextInt(classes.size()));
    return members.get(rng.nextInt(members.size()));
  }

  @Override
  public String name() {
    return "class-uniform";
  }
}
