package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.landmarknas.bench.Nb201Table;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

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

  /**
   * A published NB201 row becomes the doubles training computes, as an imported stand-alone
   * table does; before, {@code percent / 100} left it one ulp off for some rows.
   */
  @Test
  void ofPublished_accuraciesAsTrainingComputesThem_costOfThePublishedNetwork() {
    Nb201Arch arch = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|"
            + "skip_connect~2|");
    var r = StandaloneResult.ofPublished(new Nb201Table.Row(7, arch, 84.12, 84.13),
        "nb201-cifar10-200ep");
    assertEquals(4206.0 / 5000, r.validAccuracy(), 0.0);
    assertEquals(8413.0 / 10_000, r.testAccuracy(), 0.0);
    assertEquals(7, r.seed(), "the table index");
    assertEquals("nb201-cifar10-200ep", r.protocol());
    assertEquals(Nb201Space.INSTANCE.cost(arch, Nb201Table.PUBLISHED_NETWORK).parameters(), r.parameters());
    assertEquals(Double.NaN, r.validLoss());
    assertEquals(0.0, r.wallSeconds());

    Nb201Arch constant = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|");
    assertEquals(0, StandaloneResult.ofPublished(new Nb201Table.Row(8, constant, 10, 10), "p")
        .parameters(), "no path from input to output: no network to count");
  }
}
