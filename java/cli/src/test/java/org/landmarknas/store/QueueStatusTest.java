package org.landmarknas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueueStatusTest {

  @Test
  void eta_countsWholeRoundsOfJobs() {
    QueueStatus q = new QueueStatus(5, 2, 10, 0, 0);
    assertEquals(7, q.pending());
    assertEquals(17, q.total());
    // 7 jobs on 2 workers: 4 rounds (the last job is not shared).
    assertEquals(4 * 100.0, q.etaSeconds(100, 2), 1e-9);
    assertEquals(7 * 100.0, q.etaSeconds(100, 1), 1e-9);
    assertEquals(100.0, q.etaSeconds(100, 50), 1e-9);
  }

  @Test
  void eta_unknownWithoutATimePerJob_zeroWhenNothingIsPending() {
    assertTrue(Double.isNaN(new QueueStatus(3, 0, 0, 0, 0).etaSeconds(0, 1)));
    assertEquals(0, new QueueStatus(0, 0, 4, 0, 0).etaSeconds(Double.NaN, 1));
    assertEquals(0, new QueueStatus(0, 0, 4, 0, 0).etaSeconds(30, 2));
    assertThrows(IllegalArgumentException.class, () -> new QueueStatus(1, 0, 0, 0, 0).etaSeconds(1, 0));
  }
}
