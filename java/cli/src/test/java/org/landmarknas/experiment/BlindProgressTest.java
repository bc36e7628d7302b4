package org.landmarknas.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlindProgressTest {

  @Test
  void withholdsWholeScoreLinesAndPassesTheRest() {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream target = new PrintStream(sink, true, StandardCharsets.UTF_8);
    try (PrintStream blind = BlindProgress.over(target)) {
      blind.print("epoch 4/16 step 468/468  loss 0.93\r");
      // a score line written in pieces, as printf and a flush between them would
      blind.print("epoch 4 ranking of 120 pool architectures by loss: S-");
      blind.flush();
      blind.print("KdT 0.4123  KdT 0.4000\n");
      blind.println("NAO after epoch 6: 100 scored (best 0.8700)");
      blind.print("no newline at the end");
    }
    assertEquals("epoch 4/16 step 468/468  loss 0.93\r"
        + "NAO after epoch 6: 100 scored (best 0.8700)" + System.lineSeparator()
        + "no newline at the end", sink.toString(StandardCharsets.UTF_8));
  }
}
