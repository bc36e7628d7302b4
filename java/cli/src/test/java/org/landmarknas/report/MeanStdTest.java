package org.landmarknas.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

final class MeanStdTest {

  @Test
  void of_severalValues_usesSampleStd() {
    MeanStd m = MeanStd.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));
    assertEquals(8, m.n());
    assertEquals(5.0, m.mean(), 1e-12);
    assertEquals(Math.sqrt(32.0 / 7), m.std(), 1e-12); // population std would be 2
  }

  @Test
  void of_oneValue_hasZeroStd() {
    MeanStd m = MeanStd.of(List.of(0.7));
    assertEquals(1, m.n());
    assertEquals(0.7, m.mean(), 1e-12);
    assertEquals(0.0, m.std());
  }

  @Test
  void of_emptyOrNonFinite_isRejected() {
    assertThrows(IllegalArgumentException.class, () -> MeanStd.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> MeanStd.of(List.of(1.0, Double.NaN)));
  }
}
