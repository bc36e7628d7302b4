package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

final class StandaloneResultTest {

  /** Every accuracy of 10,000 images, written to 4 decimals, reads back as the trained double. */
  @Test
  void accuracyFromPercent_isTheTrainedDouble_forEveryValueOfTenThousandImages() {
    for (int correct = 0; correct <= 10_000; correct++) {
      double trained = (double) correct / 10_000;
      String written = String.format(Locale.ROOT, "%.4f", 100 * trained);
      assertEquals(trained, StandaloneResult.accuracyFromPercent(Double.parseDouble(written)),
          0.0, written);
    }
    // 5,000 validation images land on the same grid
    assertEquals(4206.0 / 5000, StandaloneResult.accuracyFromPercent(84.12), 0.0);
    // what percent / 100 gives instead: one ulp off
    assertNotEquals(4206.0 / 5000, 84.12 / 100);
    assertNotEquals(8413.0 / 10_000, 84.13 / 100);
  }
}
