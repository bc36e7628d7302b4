package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.bench.Nb201Table;
import org.landmarknas.bench.StandaloneScores;
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

  @Test
  void import_nasLibSamples_scoreEachClassByItsValidationAccuracy() {
    Path store = dir.resolve("samples.db");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(0, run(out, err, "groundtruth", "import", "--space", "nb101", "--table",
        TestData.nb101Table().toString(), "--store", store.toString()),
        err.toString(StandardCharsets.UTF_8));
    assertEquals(0, run(out, err, "groundtruth", "import", "--space", "darts", "--table",
        TestData.nb301Table().toString(), "--store", store.toString()),
        err.toString(StandardCharsets.UTF_8));
    String o = out.toString(StandardCharsets.UTF_8);
    assertTrue(o.contains("imported 500 of 500") && o.contains("nb101-cifar10-108ep")
        && o.contains("imported 725 of 725") && o.contains("nb301-cifar10-naslib"), o);
    checkSample(NasLibSample.nb101(TestData.nb101Table()), store, "nb101-cifar10-108ep");
    checkSample(NasLibSample.nb301(TestData.nb301Table()), store, "nb301-cifar10-naslib");
  }

  /** Every row stored once; a class scores the mean of its rows' published accuracies. */
  private static <A> void checkSample(NasLibSample<A> sample, Path store, String protocol) {
    try (ResultsStore<A> s = ResultsStore.open(store, sample.space())) {
      var all = s.all(protocol);
      assertEquals(sample.size(), all.size());
      assertTrue(all.stream().allMatch(r -> Double.isNaN(r.testAccuracy())), "no test column");
      StandaloneScores<A> scores = s.scores(protocol);
      Map<String, double[]> byClass = new HashMap<>(); // {sum, count}
      for (NasLibSample.Row<A> row : sample.rows()) {
        double[] c = byClass.computeIfAbsent(sample.space().canonicalKey(row.arch()),
            k -> new double[2]);
        c[0] += row.validAccuracy();
        c[1]++;
      }
      for (NasLibSample.Row<A> row : sample.rows()) {
        double[] c = byClass.get(sample.space().canonicalKey(row.arch()));
        assertEquals(c[0] / c[1], scores.score(row.arch()).orElseThrow(), 1e-9, row.key());
      }
      NasLibSample.Row<A> first = sample.rows().get(0);
      var stored = s.get(first.arch(), protocol, 0).orElseThrow();
      assertEquals(Math.round(first.paramsMillions() * 1e6), stored.parameters(),
          "the file's params");
    }
  }

  @Test
  void import_badSpaceOrFormat_exitsTwoNamingIt() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertEquals(2, run(new ByteArrayOutputStream(), err, "groundtruth", "import", "--space",
        "nb999", "--table", TestData.nb101Table().toString(), "--store",
        dir.resolve("y.db").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--space nb999"), err.toString(
        StandardCharsets.UTF_8));
    ByteArrayOutputStream err2 = new ByteArrayOutputStream();
    assertEquals(2, run(new ByteArrayOutputStream(), err2, "groundtruth", "import", "--space",
        "darts", "--table", TestData.nb101Table().toString(), "--store",
        dir.resolve("z.db").toString()));
    assertTrue(err2.toString(StandardCharsets.UTF_8).contains(TestData.nb101Table().toString()),
        err2.toString(StandardCharsets.UTF_8));
    // a sample given as NB201's table: a short error that says what to pass
    ByteArrayOutputStream err3 = new ByteArrayOutputStream();
    assertEquals(2, run(new ByteArrayOutputStream(), err3, "groundtruth", "import", "--table",
        TestData.nb101Table().toString(), "--store", dir.resolve("w.db").toString()));
    String e3 = err3.toString(StandardCharsets.UTF_8);
    assertTrue(e3.contains("give --space nb101 or --space darts") && e3.length() < 600, e3);
  }
}
