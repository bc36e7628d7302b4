package org.landmarknas.torch;

import org.landmarknas.config.RunConfig;
import org.landmarknas.space.SearchSpace;

/**
 * A search space the engine can train: the space and how to build its super-net. A config's
 * {@code space:} names one ({@link SupernetSpaces}); the search run, evaluation, checkpoints and
 * stand-alone training work through it, so a second space plugs in with one implementation of
 * this and of {@link Supernet}.
 *
 * @param <A> the architecture type of the space
 */
public interface SupernetSpace<A> {

  /** The space's architectures. */
  SearchSpace<A> space();

  /** A super-net of {@code shape} holding every op of every choice, weights drawn from seed. */
  Supernet<A> supernet(NetworkShape shape, long seed);

  /**
   * The super-net a run of {@code config} trains and evaluates: {@link #supernet(NetworkShape,
   * long)}, unless the space builds another for the config's policy (DARTS under {@code
   * search.policy: gdas} shares its ops per edge, {@link DartsSupernetSpace}).
   */
  default Supernet<A> supernet(NetworkShape shape, RunConfig config, long seed) {
    return supernet(shape, seed);
  }

  /**
   * The stand-alone network of {@code arch}: only its ops, with their own weights drawn from
   * {@code seed}, as {@link StandaloneTrainer} trains it from scratch. It is a {@link Supernet}
   * whose one path is {@code arch}, so the training step and the evaluators serve both. Callers
   * pass only {@link org.landmarknas.space.SearchSpace#isTrainable trainable} cells.
   */
  Supernet<A> standalone(NetworkShape shape, A arch, long seed);

  /** NAS-Bench-201: {@link Nb201Network}'s super-net over {@code Nb201Space}. */
  SupernetSpace<org.landmarknas.space.Nb201Arch> NB201 = new SupernetSpace<>() {
    @Override
    public SearchSpace<org.landmarknas.space.Nb201Arch> space() {
      return org.landmarknas.space.Nb201Space.INSTANCE;
    }

    @Override
    public Supernet<org.landmarknas.space.Nb201Arch> supernet(NetworkShape shape, long seed) {
      return Nb201Network.supernet(shape, seed);
    }

    @Override
    public Supernet<org.landmarknas.space.Nb201Arch> standalone(NetworkShape shape,
        org.landmarknas.space.Nb201Arch arch, long seed) {
      return Nb201Network.standalone(shape, arch, seed);
    }
  };
}
