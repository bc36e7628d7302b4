package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.standalone.StandaloneProtocol;
import org.landmarknas.standalone.StandaloneResult;

final class StandaloneTrainerTest {
  private static final Nb201Arch ARCH = Nb201Arch.parse(
      "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1|avg_pool_3x3~2|");

  /** A short protocol on a subset reaches clearly-above-chance accuracy; same seed, same result. */
  @Test
  void train_shortProtocol_learns_andIsReproducible() {
    TestData.fashionMnist();
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    StandaloneProtocol p = new StandaloneProtocol("tiny", "nb201", "fashion-mnist", 8, 1, 1, 64,
        0.1, 0.0, 0.9, 5e-4, 5.0, 2, true, 0L, 4096, 500, 1000, 2);
    StandaloneTrainer<Nb201Arch> trainer = new StandaloneTrainer<>(SupernetSpace.NB201, data);
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    StandaloneResult<Nb201Arch> a = trainer.train(ARCH, p, 3, quiet);
    StandaloneResult<Nb201Arch> b = trainer.train(ARCH, p, 3, quiet);
    assertTrue(a.testAccuracy() > 0.45, "10 classes, chance 0.10: " + a);
    assertTrue(a.validAccuracy() > 0.45, a.toString());
    assertEquals(a.testAccuracy(), b.testAccuracy(), 0.0, "same seed, same result");
    assertEquals(a.validLoss(), b.validLoss(), 0.0);
    assertTrue(a.parameters() > 0);
    assertThrows(IllegalArgumentException.class, () -> trainer.train(
        Nb201Arch.ofIndices(0, 0, 0, 0, 0, 0), p, 3, quiet));
  }
}
