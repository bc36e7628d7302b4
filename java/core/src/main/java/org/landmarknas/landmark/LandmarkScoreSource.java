package org.landmarknas.landmark;

import java.util.Collection;
import java.util.Objects;
import java.util.OptionalDouble;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.space.SearchSpace;

/**
 * Where the stand-alone scores (test accuracy, percent) of a round's new landmarks come from:
 * a fixed table ({@link #fixed}, the {@code landmarks.ground-truth} file), or a queue that can
 * be asked to train the architectures it has no score for, and polled until it has (the results
 * store of {@code lmnas search --store}). The engine knows only this seam, so it needs no
 * database; the CLI hands it the store's implementation.
 *
 * @param <A> the architecture type of the run's space
 */
public interface LandmarkScoreSource<A> extends AutoCloseable {

  /** The score of {@code arch} known now (its class's, equivalents included); empty if none. */
  OptionalDouble score(A arch);

  /**
   * Asks for {@code archs} to be trained; an architecture already queued, in training or done
   * is not asked for twice (so a resumed run can ask again).
   *
   * @return how many were newly asked for
   * @throws UnsupportedOperationException when this source cannot train ({@link #trains()})
   */
  int request(Collection<? extends A> archs);

  /** True when {@link #request} trains architectures; false for a fixed table. */
  boolean trains();

  /** True when the training of {@code arch} was given up: its score will not come. */
  boolean failed(A arch);

  /** Where the scores come from, for progress lines (a store and protocol, a file). */
  String describe();

  /** Releases what the source holds (a database connection); nothing for a table. */
  @Override
  default void close() {}

  /**
   * The scores of a table that trains nothing: an architecture it has no score for never gets
   * one.
   */
  static <A> LandmarkScoreSource<A> fixed(StandaloneScores<A> table, String description) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(description, "description");
    return new LandmarkScoreSource<>() {
      @Override
      public OptionalDouble score(A arch) {
        return table.score(arch);
      }

      @Override
      public int request(Collection<? extends A> archs) {
        throw new UnsupportedOperationException(description + " trains no architecture");
      }

      @Override
      public boolean trains() {
        return false;
      }

      @Override
      public boolean failed(A arch) {
        return false;
      }

      @Override
      public String describe() {
        return description;
      }
    };
  }

  /**
   * Opens a run's source for its space, whose type the opener does not know before the run
   * reads its config: what an embedding program (the CLI) gives {@code SearchRun}.
   */
  interface Opener {
    /** The source for the run's {@code space}; the run closes it when it ends. */
    <A> LandmarkScoreSource<A> open(SearchSpace<A> space);
  }
}
