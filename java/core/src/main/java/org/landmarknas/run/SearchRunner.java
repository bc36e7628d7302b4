package org.landmarknas.run;

import java.io.PrintStream;
import org.landmarknas.config.RunConfig;

/**
 * Runs one search in a run directory and returns its one-paragraph summary. The CLI's {@code
 * search} and {@code experiment} hand in the engine's search; their tests hand in one that
 * records its calls, so that command logic is tested without training.
 */
@FunctionalInterface
public interface SearchRunner {

  /**
   * Runs the search of {@code config} in {@code dir}, continuing from its checkpoints when
   * {@code resume}.
   */
  String run(RunConfig config, RunDirectory dir, PrintStream progress, boolean resume)
      throws Exception;
}
