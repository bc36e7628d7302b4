package org.landmarknas.torch;

/**
 * Hears a search run as it goes, on the thread that runs it: keep the work short, or hand it on.
 * An exception thrown here stops the run as a failed one.
 */
@FunctionalInterface
public interface SearchListener {

  /** After each trained epoch, once its metrics line and checkpoint are written. */
  void epochFinished(EpochEvent event);
}
