package org.landmarknas.torch;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.landmarknas.landmark.LandmarkScoreSource;

/**
 * The ways an embedding program reaches into a running search: listeners and a cancel flag that
 * the run checks before every step, and the queue that trains new landmarks ({@code
 * landmarks.queue}). Plain CLI runs have none ({@link #none()}).
 */
final class SearchHooks {
  private final List<SearchListener> listeners;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private final Optional<LandmarkScoreSource.Opener> landmarkScores;

  SearchHooks(List<SearchListener> listeners) {
    this(listeners, Optional.empty());
  }

  SearchHooks(List<SearchListener> listeners,
      Optional<LandmarkScoreSource.Opener> landmarkScores) {
    this.listeners = List.copyOf(listeners);
    this.landmarkScores = landmarkScores;
  }

  static SearchHooks none() {
    return new SearchHooks(List.of());
  }

  /** Hooks with only a queue for new landmarks' trainings. */
  static SearchHooks withLandmarkScores(LandmarkScoreSource.Opener opener) {
    return new SearchHooks(List.of(), Optional.of(opener));
  }

  /** The queue new landmarks are trained through, when the embedding program gave one. */
  Optional<LandmarkScoreSource.Opener> landmarkScores() {
    return landmarkScores;
  }

  void cancel() {
    cancelled.set(true);
  }

  /**
   * Throws when the run was cancelled.
   *
   * @param epochsDone the epochs finished so far, for the exception
   */
  void checkCancelled(int epochsDone) {
    if (cancelled.get()) {
      throw new SearchCancelledException(epochsDone);
    }
  }

  void epochFinished(EpochEvent event) {
    for (SearchListener l : listeners) {
      l.epochFinished(event);
    }
  }
}
