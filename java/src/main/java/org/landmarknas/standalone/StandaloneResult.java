package org.landmarknas.standalone;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.landmarknas.space.Nb201Arch;

/**
 * The stand-alone performance of one architecture under one protocol and seed. Accuracies are
 * fractions in [0, 1]; {@code parameters} counts the trained network's weights.
 */
public record StandaloneResult(Nb201Arch arch, String protocol, long seed, double validAccuracy,
    double validLoss, double testAccuracy, double testLoss, long parameters, double wallSeconds) {

  /** Flat JSON-ready view (accuracies also in percent, as tables use them). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("arch", arch.toString());
    m.put("protocol", protocol);
    m.put("seed", seed);
    m.put("valid_accuracy", 100 * validAccuracy);
    m.put("valid_loss", validLoss);
    m.put("test_accuracy", 100 * testAccuracy);
    m.put("test_loss", testLoss);
    m.put("parameters", parameters);
    m.put("wall_seconds", wallSeconds);
    return m;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s  valid %.2f%%  test %.2f%%  (%s, seed %d, %,d params,"
            + " %.1f s)", arch, 100 * validAccuracy, 100 * testAccuracy, protocol, seed,
        parameters, wallSeconds);
  }
}
