package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A few steps of the landmark pairs' engine side: the two lines landmark-pairs.sh reads. */
final class LandmarkStepRunTest {

  @Test
  void measure_printsOneLinePerStepKind() {
    FashionMnistPresent.require();
    List<String> lines = LandmarkStepRun.measure(2, 1);
    assertEquals(2, lines.size(), lines.toString());
    for (int pairs = 0; pairs < 2; pairs++) {
      // what the script greps for, then its sed: " pairs=N " and "steps/s=<number> "
      assertTrue(lines.get(pairs).matches("^RESULT engine .* pairs=" + pairs
          + " steps=2 steps/s=[0-9]+\\.[0-9]{2} .*in_order=0\\.[0-9]{2}$"), lines.get(pairs));
    }
  }
}
