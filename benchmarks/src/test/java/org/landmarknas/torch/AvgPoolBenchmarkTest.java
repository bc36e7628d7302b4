package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class AvgPoolBenchmarkTest {

  @Test
  void forwardBackward_bothForms_agreeAndRun() {
    for (AvgPoolBenchmark.Form form : AvgPoolBenchmark.Form.values()) {
      AvgPoolBenchmark bench = new AvgPoolBenchmark();
      bench.form = form;
      bench.setUp(); // throws if the forms disagree
      assertTrue(bench.maxDifference() <= AvgPoolBenchmark.TOLERANCE);
      assertEquals(64L * 16 * 28 * 28, bench.forwardBackward(), form.name());
    }
  }
}
