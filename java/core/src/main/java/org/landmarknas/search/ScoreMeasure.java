package org.landmarknas.search;

import java.util.Arrays;
import java.util.List;

/**
 * Which of a super-net scoring's two numbers ranks architectures: top-1 accuracy (the paper's
 * choice) or mean cross-entropy. On a small test sample accuracy moves in steps of one image
 * while the loss is continuous, and Ning et al. (NeurIPS 2021) found the loss ranks better on
 * DARTS-like spaces; which wins here is measured, not assumed, so both are kept in every pool
 * file and this names the one a ranking uses.
 */
public enum ScoreMeasure {
  /** Top-1 accuracy, higher is better. */
  ACCURACY("accuracy"),
  /** Mean cross-entropy, lower is better; ranked by its negation. */
  LOSS("loss");

  private final String configName;

  ScoreMeasure(String configName) {
    this.configName = configName;
  }

  /** The value to rank by, higher is better. */
  public double value(double accuracy, double loss) {
    return this == ACCURACY ? accuracy : -loss;
  }

  /** The value of {@code score} to rank by, higher is better. */
  public double value(ArchScore<?> score) {
    return value(score.accuracy(), score.loss());
  }

  /** Its name in configs ({@code evaluate.score-by}). */
  public String configName() {
    return configName;
  }

  /** The config names, in declaration order. */
  public static List<String> configNames() {
    return Arrays.stream(values()).map(ScoreMeasure::configName).toList();
  }

  /**
   * The measure of a config name.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static ScoreMeasure of(String configName) {
    for (ScoreMeasure m : values()) {
      if (m.configName.equals(configName)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown score measure '" + configName + "' (allowed: "
        + String.join(", ", configNames()) + ")");
  }
}
