package org.landmarknas.config;

/**
 * Section {@code evaluate}: scoring sampled architectures on the test set after training.
 *
 * @param archs number of sampled architectures scored at the end, >= 0, default 10
 * @param batchSize images per evaluation batch, >= 1, default 256; with batch-statistics
 *     BatchNorm the scores depend on it
 */
public record EvaluateConfig(int archs, int batchSize) {

  /** Validates every field; see the record description for ranges. */
  public EvaluateConfig {
    KeyCheck.atLeast("evaluate.archs", archs, 0);
    KeyCheck.atLeast("evaluate.batch-size", batchSize, 1);
  }

  /** The defaults listed in the record description. */
  public static EvaluateConfig defaults() {
    return new EvaluateConfig(10, 256);
  }
}
