package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.bench.Nb201Table;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.store.ResultsStore;

final class GroundTruthCommandTest {
  @TempDir Path dir;

  private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void import_realTable_keepsAllRows_once() {
    Path table = TestData.nb201Table();
    Path store = dir.resolve("gt.db");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, run(out, err, "groundtruth", "import", "--table", table.toString(),
        "--store", store.toString()), err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("imported 15625 of 15625"));
    ByteArrayOutputStream again = new ByteArrayOutputStream();
    run(again, err, "groundtruth", "import", "--table", table.toString(), "--store",
        store.toString());
    assertTrue(again.toString(StandardCharsets.UTF_8).contains("imported 0 of 15625"));
    try (ResultsStore<Nb201Arch> s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
      assertEquals(15_625, s.all("nb201-cifar10-200ep").size());
      // index 6111, the table's best cell (valid 91.61, test 91.09): no equivalent cell, so its
      // class mean is its own test accuracy
      double best = s.scores("nb201-cifar10-200ep").score(Nb201Arch.parse(
          "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|"
              + "nor_conv_1x1~2|")).orElse(Double.NaN);
      assertEquals(91.09, best, 1e-9);
    }
  }

  /**
   * The table's percentages become the doubles training computes ({@code correct / images}), as
   * in {@code standalone import}; {@code percent / 100} was one ulp off for these two.
   */
  @Test
  void import_accuraciesAsTrainingComputesThem() throws Exception {
    String arch = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|"
        + "nor_conv_3x3~1|skip_connect~2|";
    Path table = Files.writeString(dir.resolve("t.csv"),
        "index,arch_str,valid_accuracy,test_accuracy\n3," + arch + ",84.1200,84.1300\n");
    Path store = dir.resolve("t.db");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, run(new ByteArrayOutputStream(), err, "groundtruth", "import", "--table",
        table.toString(), "--store", store.toString()), err.toString(StandardCharsets.UTF_8));
    try (ResultsStore<Nb201Arch> s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
      var r = s.get(Nb201Arch.parse(arch), "nb201-cifar10-200ep", 3).orElseThrow();
      assertEquals(4206.0 / 5000, r.validAccuracy(), 0.0);
      assertEquals(8413.0 / 10_000, r.testAccuracy(), 0.0);
      assertEquals(Nb201Space.INSTANCE.cost(Nb201Arch.parse(arch),
          Nb201Table.PUBLISHED_NETWORK).parameters(),
          r.parameters());
    }
  }

  @Test
  void import_badRow_exitsTwoNamingTheLine() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.csv"),
        "index,arch_str,valid_accuracy,test_accuracy\n0,|bad~0|,1,2\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(out, err, "groundtruth", "import", "--table", bad.toString(), "--store",
        dir.resolve("x.db").toString()));
    String e = err.toString(StandardCharsets.UTF_8);
    assertTrue(e.contains("line 2") && e.contains(bad.toString()), e);
  }
}
