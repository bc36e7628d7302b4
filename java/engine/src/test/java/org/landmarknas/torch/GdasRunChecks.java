package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.RunDirectory;

/**
 * What every space's tiny GDAS run with landmarks (3 epochs, warm-up 1) must show: τ from the
 * first GDAS epoch on, α moved, the landmark term beside GDAS, and GDAS's vote as the search.
 */
final class GdasRunChecks {
  private GdasRunChecks() {}

  /** The metrics of {@code straight}, a finished run whose α rows have {@code ops} entries. */
  static void assertPolicyFigures(RunDirectory straight, int ops) throws IOException {
    List<Map<String, Object>> metrics = MetricsLog.read(straight.metricsFile());
    assertFalse(metrics.get(0).containsKey("tau"), "the warm-up epoch has no tau");
    assertEquals(10.0, ((Number) metrics.get(1).get("tau")).doubleValue());
    assertEquals(0.1, ((Number) metrics.get(2).get("tau")).doubleValue(), 1e-12);
    double entropy = ((Number) metrics.get(2).get("alpha_entropy")).doubleValue();
    assertTrue(entropy > 0 && entropy < Math.log(ops), "alpha moved: entropy " + entropy);
    assertTrue(((Number) metrics.get(2).get("lambda")).doubleValue() > 0,
        "the landmark term trains beside GDAS");
    Map<?, ?> result = new ObjectMapper().readValue(straight.resultFile().toFile(), Map.class);
    assertEquals("gdas", ((Map<?, ?>) result.get("search")).get("strategy"));
  }
}
