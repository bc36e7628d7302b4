package org.landmarknas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private long now;

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8).trim();
  }

  @Test
  void update_printsRateElapsedAndEta() {
    ProgressLine line = new ProgressLine(out, 0, 1000, "steps", 5.0, () -> now);
    now = 10_000_000_000L;
    line.update(100, "epoch 1/4", "step 100/250");
    assertEquals("epoch 1/4  step 100/250  10.00 steps/s  elapsed 0:00:10  ETA 0:01:30",
        printed());
  }

  @Test
  void update_ofAResumedLoop_countsOnlyThisProcessesUnits() {
    // 900 of 1000 steps were done by an earlier process; 50 more in 10 s is 5 steps/s, and the
    // 50 left take another 10 s (not 900 / 10 s = 95 steps/s and an ETA of one second).
    ProgressLine line = new ProgressLine(out, 900, 1000, "steps", 5.0, () -> now);
    now = 10_000_000_000L;
    line.update(950, "epoch 4/4", "step 200/250");
    assertEquals("epoch 4/4  step 200/250  5.00 steps/s  elapsed 0:00:10  ETA 0:00:10",
        printed());
  }

  @Test
  void update_withinTheInterval_printsNothingUntilTheLastUnit() {
    ProgressLine line = new ProgressLine(out, 0, 10, "archs", 5.0, () -> now);
    now = 1_000_000_000L;
    line.update(3, "pool", "3/10");
    assertEquals("", printed());
    now = 2_000_000_000L;
    line.update(10, "pool", "10/10");
    assertEquals("pool  10/10  5.00 archs/s  elapsed 0:00:02  ETA 0:00:00", printed());
  }

  @Test
  void constructor_rejectsMoreDoneThanTotal() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new ProgressLine(out, 11, 10, "steps", 1.0, () -> now));
    assertEquals("units done before must be in [0, 10], got 11", e.getMessage());
  }
}
