package org.landmarknas.torch;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The ways an embedding program reaches into a running search: listeners and a cancel flag that
 * the run checks before every step. The CLI's runs have none ({@link #none()}).
 */
final class SearchHooks {
  private final List<SearchListener> listeners;
  private final AtomicBoolean cancelled = new AtomicBoolean();

  SearchHooks(List<SearchListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  static SearchHooks none() {
    return new SearchHooks(List.of());
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
