package org.landmarknas.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class CosineLrTest {

  @Test
  void at_startsAtMax_endsAtMin_halfwayAtMean() {
    CosineLr lr = new CosineLr(0.025, 0.001, 400);
    assertEquals(0.025, lr.at(0), 1e-15);
    assertEquals(0.001, lr.at(400), 1e-15);
    assertEquals(0.013, lr.at(200), 1e-12);
    for (int e = 1; e <= 400; e++) {
      assertTrue(lr.at(e) < lr.at(e - 1), "strictly decreasing at " + e);
    }
  }

  @Test
  void constructor_rejectsBadRanges() {
    assertThrows(IllegalArgumentException.class, () -> new CosineLr(0, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new CosineLr(0.1, 0.2, 1));
    assertThrows(IllegalArgumentException.class, () -> new CosineLr(0.1, 0.0, 0));
  }
}
