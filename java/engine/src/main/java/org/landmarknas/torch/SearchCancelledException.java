package org.landmarknas.torch;

import java.util.Locale;

/**
 * A search run stopped by {@link SearchRun#cancel()}: at the next step, with the epoch in hand
 * dropped. What was checkpointed stays, so a run with a directory resumes exactly ({@code lmnas
 * search --resume DIR}, or a {@link SearchRun} with {@code resume(true)}).
 */
public final class SearchCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int epochsDone;

  SearchCancelledException(int epochsDone) {
    super(String.format(Locale.ROOT, "search cancelled after %d finished epoch(s)", epochsDone));
    this.epochsDone = epochsDone;
  }

  /** The epochs finished (and checkpointed) before the cancel. */
  public int epochsDone() {
    return epochsDone;
  }
}
