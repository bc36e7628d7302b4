package org.landmarknas.cli;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.landmarknas.bench.StandaloneScores;
import org.landmarknas.landmark.LandmarkScoreSource;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.store.JobFailure;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.store.StoreLocation;

/**
 * The results store as the source of new landmarks' scores ({@code landmarks.queue}): a score is
 * the mean stored test accuracy of the class under the protocol; a request enqueues seed-0 jobs
 * of the protocol, which {@code lmnas standalone worker} processes with its options train. The
 * store's queue keeps a job once, so a resumed run that asks again adds nothing.
 *
 * @param <A> the architecture type of the run's space
 */
final class StoreLandmarkScores<A> implements LandmarkScoreSource<A> {
  /** The training seed of landmark jobs: the default of {@code standalone enqueue}. */
  static final long SEED = 0;

  private final ResultsStore<A> store;
  private final String protocol;
  private final StandaloneScores<A> scores;

  StoreLandmarkScores(ResultsStore<A> store, String protocol) {
    this.store = store;
    this.protocol = protocol;
    this.scores = store.scores(protocol);
  }

  /** Opens the store at {@code location} for a run's space when the run asks for it. */
  static LandmarkScoreSource.Opener opener(StoreLocation location, String protocol) {
    return new LandmarkScoreSource.Opener() {
      @Override
      public <A> LandmarkScoreSource<A> open(SearchSpace<A> space) {
        return new StoreLandmarkScores<>(StoreOption.open(location, space), protocol);
      }
    };
  }

  @Override
  public OptionalDouble score(A arch) {
    return scores.score(arch);
  }

  @Override
  public int request(Collection<? extends A> archs) {
    return store.enqueue(List.copyOf(archs), protocol, SEED);
  }

  @Override
  public boolean trains() {
    return true;
  }

  @Override
  public boolean failed(A arch) {
    SearchSpace<A> space = store.space();
    String key = space.canonicalKey(arch);
    for (JobFailure<A> f : store.failures(protocol)) {
      if (f.seed() == SEED && space.canonicalKey(f.arch()).equals(key)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%s (protocol %s)", store.location(), protocol);
  }

  @Override
  public void close() {
    store.close();
  }
}
