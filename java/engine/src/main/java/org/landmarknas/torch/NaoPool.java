package org.landmarknas.torch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.landmarknas.space.SearchSpace;

/**
 * How NAO renews its pool after the controller has trained (the reference's generation): the
 * best {@code min(100, size)} architectures seed gradient steps of sizes 1, 2, ... 50 in the
 * encoder's output space, and every decoded architecture that is valid, trainable and new (up
 * to equivalence, against the old pool and what came before) is kept, up to three per seed (the
 * reference's 300 for 100); random architectures fill the pool up to {@code size}.
 */
final class NaoPool {
  /** The reference's 100 seeds. */
  static final int TOP = 100;
  /** New architectures per seed: the reference's 300 for 100. */
  static final int NEW_PER_TOP = 3;
  /** The reference's largest step size. */
  static final int MAX_STEP = 50;
  private static final int DRAWS_PER_SLOT = 100;

  private NaoPool() {}

  /**
   * The renewed pool: the seeds, then the generated architectures in the order found, then
   * random ones.
   *
   * @param ranked the scored pool, best first
   * @param size the least size of the renewed pool
   * @param rng draws the random architectures
   * @return the pool and how many of it were generated
   */
  static <A> Renewed<A> renew(SearchSpace<A> space, NaoController controller, List<A> ranked,
      int size, SplittableRandom rng) {
    List<A> seeds = ranked.subList(0, Math.min(Math.min(TOP, size), ranked.size()));
    Set<String> seen = new HashSet<>();
    for (A a : ranked) {
      seen.add(space.canonicalKey(a));
    }
    List<int[]> encodings = new ArrayList<>(seeds.size());
    for (A a : seeds) {
      encodings.add(space.encode(a));
    }
    List<A> pool = new ArrayList<>(seeds);
    int wanted = NEW_PER_TOP * seeds.size();
    int generated = 0;
    for (int step = 1; step <= MAX_STEP && generated < wanted; step++) {
      for (int[] values : controller.generate(encodings, step)) {
        var a = space.decode(values);
        if (generated < wanted && a.isPresent() && space.isTrainable(a.get())
            && seen.add(space.canonicalKey(a.get()))) {
          pool.add(a.get());
          generated++;
        }
      }
    }
    for (int draws = 0; pool.size() < size && draws < DRAWS_PER_SLOT * size; draws++) {
      A a = space.sample(rng);
      if (space.isTrainable(a) && seen.add(space.canonicalKey(a))) {
        pool.add(a);
      }
    }
    return new Renewed<>(List.copyOf(pool), generated);
  }

  /**
   * A renewed pool.
   *
   * @param pool its architectures
   * @param generated how many of them the controller generated
   */
  record Renewed<A>(List<A> pool, int generated) {}
}
