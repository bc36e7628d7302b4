package org.landmarknas.torch;

import java.util.Objects;
import java.util.SplittableRandom;
import org.landmarknas.space.SearchSpace;

/**
 * SPOS's policy (Guo et al., ECCV 2020): every step trains a path drawn uniformly from the whole
 * space, so every op is trained as often as any other.
 *
 * @param <A> the architecture type of the space
 */
public final class UniformSampling<A> implements SamplingPolicy<A> {
  private final SearchSpace<A> space;

  public UniformSampling(SearchSpace<A> space) {
    this.space = Objects.requireNonNull(space, "space");
  }

  @Override
  public A path(int epoch, int step, SplittableRandom rng) {
    return space.sample(rng);
  }

  @Override
  public String name() {
    return "uniform";
  }
}
