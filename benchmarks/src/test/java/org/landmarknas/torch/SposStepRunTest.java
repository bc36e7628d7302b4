package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A few steps of the peer pairs' engine side, so the line peer-pairs.sh reads stays readable. */
final class SposStepRunTest {

  @Test
  void measure_printsTheResultLineThePairsScriptParses() {
    FashionMnistPresent.require();
    for (TensorLayout layout : TensorLayout.values()) {
      String line = SposStepRun.measure(3, 1, layout);
      // the sed of benchmarks/peer-pairs.sh: "^RESULT .* steps/s=<number> "
      assertTrue(line.matches("^RESULT engine layout=" + layout.id()
          + " .* steps/s=[0-9]+\\.[0-9]{2} .*last_loss=[0-9.]+$"), line);
    }
  }
}
