package org.landmarknas.landmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The fixed (ground-truth table) source: the behaviour of runs without a queue. */
final class LandmarkScoreSourceTest {
  private final LandmarkScoreSource<String> table = LandmarkScoreSource.fixed(
      a -> a.equals("known") ? OptionalDouble.of(91.5) : OptionalDouble.empty(), "gt.csv");

  @Test
  void fixed_scoresWhatTheTableKnows_andNothingElse() {
    assertEquals(OptionalDouble.of(91.5), table.score("known"));
    assertEquals(OptionalDouble.empty(), table.score("unknown"));
    assertFalse(table.failed("unknown"), "a table gives nothing up: it never trains");
    assertEquals("gt.csv", table.describe());
  }

  @Test
  void fixed_trainsNothing_requestRefused() {
    assertFalse(table.trains());
    UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
        () -> table.request(List.of("unknown")));
    assertTrue(e.getMessage().contains("gt.csv"), e.getMessage());
    table.close(); // nothing to release, and no checked exception to handle
  }
}
