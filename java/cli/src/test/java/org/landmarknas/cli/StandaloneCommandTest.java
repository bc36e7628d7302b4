package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.standalone.StandaloneProtocol;
import org.landmarknas.standalone.StandaloneResult;
import org.landmarknas.standalone.StandaloneTable;
import org.landmarknas.store.ResultsStore;

/** The queue side of {@code lmnas standalone} without training anything. */
final class StandaloneCommandTest {
  private static final String CELL = "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+"
      + "|skip_connect~0|none~1|avg_pool_3x3~2|";
  @TempDir Path dir;

  private record Out(int code, String out, String err) {}

  private static Out run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Out(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void enqueue_isIdempotent_andStatusAndExportSeeTheQueue() {
    String store = dir.resolve("r.db").toString();
    Out first = run("standalone", "enqueue", "--random", "5", "--seed", "3", "--epochs", "2",
        "--store", store);
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("enqueued 5 of 5"), first.out());
    Out again = run("standalone", "enqueue", "--random", "5", "--seed", "3", "--epochs", "2",
        "--store", store);
    assertTrue(again.out().contains("enqueued 0 of 5"), again.out());
    Out status = run("standalone", "status", "--epochs", "2", "--store", store);
    assertTrue(status.out().contains("5 queued, 0 running, 0 done"), status.out());
    Out otherProtocol = run("standalone", "status", "--epochs", "3", "--store", store);
    assertTrue(otherProtocol.out().contains("0 queued"), otherProtocol.out());
    Out export = run("standalone", "export", "--format", "csv", "--epochs", "2", "--store", store);
    assertEquals("arch,protocol,seed,valid_accuracy,valid_loss,test_accuracy,test_loss,"
        + "parameters,macs,wall_seconds", export.out().strip());
  }

  @Test
  void status_estimatesThePendingWorkFromTheResultsSoFar() {
    Path store = dir.resolve("p.db");
    run("standalone", "enqueue", "--random", "5", "--seed", "3", "--channels", "8", "--epochs",
        "2", "--store", store.toString());
    Out noResults = run("standalone", "status", "--channels", "8", "--epochs", "2", "--store",
        store.toString());
    assertFalse(noResults.out().contains("pending:"), noResults.out());
    String protocol = StandaloneProtocol.fashionMnist(8, 2).name();
    try (ResultsStore<Nb201Arch> s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
      for (int i = 0; i < 2; i++) {
        Nb201Arch arch = Nb201Space.INSTANCE.sampleDistinct(2, new SplittableRandom(9)).get(i);
        s.put(new StandaloneResult<>(arch, protocol, 0, 0.8, 0.5, 0.8, 0.5, 1234, 10 + 4 * i));
      }
    }
    Out status = run("standalone", "status", "--channels", "8", "--epochs", "2", "--store",
        store.toString());
    assertEquals(0, status.code(), status.err());
    assertTrue(status.out().contains("pending: about 0:01:00 of one worker's time (12.0 s per"
        + " result so far)"), status.out());
    assertTrue(status.out().contains("results by seed: 0: 2\n"), status.out());
  }

  @Test
  void quickProtocolOptions_areNamedInTheProtocol() {
    ResultsStore.open(dir.resolve("q.db"), Nb201Space.INSTANCE).close();
    Out status = run("standalone", "status", "--channels", "8", "--epochs", "2", "--train-limit",
        "256", "--test-limit", "500", "--valid-images", "300", "--store",
        dir.resolve("q.db").toString());
    assertEquals(0, status.code(), status.err());
    assertTrue(status.out().contains("protocol fmnist-c8n1-e2-n256-t500-v300: 0 queued"),
        status.out());
    for (String[] bad : new String[][] {{"--test-limit", "-1"}, {"--valid-images", "0"}}) {
      Out o = run("standalone", "status", bad[0], bad[1], "--store",
          dir.resolve("q.db").toString());
      assertEquals(2, o.code(), String.join(" ", bad) + ": " + o.err());
      assertTrue(o.err().contains(bad[0].substring(2)), o.err());
    }
  }

  /**
   * {@code --space} names the protocol's space: the default spelled out is the same protocol, a
   * typo is a one-line error (exit 2) naming the value and the known spaces, for every
   * subcommand, before any store is touched.
   */
  @Test
  void spaceOption_defaultIsTheSameProtocol_andATypoExitsTwoNamingIt() {
    Path store = dir.resolve("q.db");
    ResultsStore.open(store, Nb201Space.INSTANCE).close();
    Out spelled = run("standalone", "status", "--space", "nb201", "--store", store.toString());
    assertEquals(0, spelled.code(), spelled.err());
    assertEquals(run("standalone", "status", "--store", store.toString()).out(), spelled.out());
    assertTrue(spelled.out().contains("protocol fmnist-c16n1-e4: 0 queued"), spelled.out());
    for (String sub : List.of("status", "train", "enqueue", "worker", "export", "import",
        "stats")) {
      Out o = run("standalone", sub, "--space", "nb2O1", "--store", store.toString());
      assertEquals(2, o.code(), sub + ": " + o.err());
      assertEquals("lmnas standalone: error: --space: unknown search space \"nb2O1\" (known:"
          + " nb201, nb101, darts)\n", o.err(), sub);
    }
  }

  @Test
  void exportScoresAndStats_readStoredResults() throws Exception {
    Path store = dir.resolve("s.db");
    List<Nb201Arch> archs = Nb201Space.INSTANCE.sampleDistinct(3, new SplittableRandom(4));
    String protocol = StandaloneProtocol.fashionMnist(8, 2).name();
    try (ResultsStore<Nb201Arch> s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
      for (int i = 0; i < archs.size(); i++) {
        for (long seed = 0; seed < 2; seed++) {
          s.put(new StandaloneResult<>(archs.get(i), protocol, seed,
              0.8, 0.5, 0.80 + 0.01 * i + 0.001 * seed, 0.5, 1234, 12.5));
        }
      }
    }
    Path list = dir.resolve("archs.txt");
    Files.writeString(list, archs.get(2) + "\n" + archs.get(0) + "\n");

    Out scores = run("standalone", "export", "--format", "scores", "--archs", list.toString(),
        "--channels", "8", "--epochs", "2", "--store", store.toString());
    assertEquals(0, scores.code(), scores.err());
    assertEquals("arch,score\n" + archs.get(2) + ",82.0000\n" + archs.get(0) + ",80.0000",
        scores.out().strip());

    Out mean = run("standalone", "export", "--format", "scores", "--archs", list.toString(),
        "--channels", "8", "--epochs", "2", "--seeds", "0, 1", "--store", store.toString());
    assertEquals(0, mean.code(), mean.err());
    assertEquals("arch,score\n" + archs.get(2) + ",82.0500\n" + archs.get(0) + ",80.0500",
        mean.out().strip(), "the mean of seeds 0 and 1");
    for (String[] bad : new String[][] {{"--seeds", "0,x"}, {"--seeds", "1,1"},
        {"--seeds", "0,1", "--seed", "0"}, {"--seeds", "0,2"}}) {
      List<String> args = new ArrayList<>(List.of("standalone", "export", "--format",
          "scores", "--archs", list.toString(), "--channels", "8", "--epochs", "2", "--store",
          store.toString()));
      args.addAll(List.of(bad));
      Out r = run(args.toArray(String[]::new));
      assertEquals(2, r.code(), String.join(" ", bad));
      assertTrue(r.err().contains(switch (bad[1]) {
        case "0,x" -> "--seeds: \"x\" is not an integer";
        case "1,1" -> "--seeds 1,1: seed 1 is given twice";
        case "0,2" -> "has no result for protocol fmnist-c8n1-e2, seed 2";
        default -> "give --seed or --seeds, not both";
      }), r.err());
    }

    Out stats = run("standalone", "stats", "--channels", "8", "--epochs", "2", "--store",
        store.toString());
    assertEquals(0, stats.code(), stats.err());
    assertTrue(stats.out().contains("results: 6 (3 architectures with seed 0)")
        && stats.out().contains("Kendall tau-b 1.000"), stats.out());

    Out csv = run("standalone", "export", "--channels", "8", "--epochs", "2", "--store",
        store.toString());
    Path table = dir.resolve("table.csv");
    Files.writeString(table, csv.out());
    Path fresh = dir.resolve("fresh.db");
    Out imported = run("standalone", "import", "--csv", table.toString(), "--channels", "8",
        "--epochs", "2", "--store", fresh.toString());
    assertEquals(0, imported.code(), imported.err());
    assertTrue(imported.out().contains("imported 6 of 6"), imported.out());
    assertEquals(csv.out(), run("standalone", "export", "--channels", "8", "--epochs", "2",
        "--store", fresh.toString()).out(), "export -> import -> export round-trips");
    assertTrue(run("standalone", "import", "--csv", table.toString(), "--channels", "8",
        "--epochs", "2", "--store", fresh.toString()).out().contains("imported 0 of 6"));
    Out wrongProtocol = run("standalone", "import", "--csv", table.toString(), "--epochs", "2",
        "--store", fresh.toString());
    assertEquals(2, wrongProtocol.code());
    assertTrue(wrongProtocol.err().contains("table.csv:2: protocol fmnist-c8n1-e2 is not"),
        wrongProtocol.err());

    Out missing = run("standalone", "export", "--format", "scores", "--archs", list.toString(),
        "--channels", "8", "--epochs", "2", "--seed", "5", "--store", store.toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("has no result for protocol fmnist-c8n1-e2, seed 5"),
        missing.err());

    // one of the two listed cells lacks seed 2: nothing is printed, not the first row
    try (ResultsStore<Nb201Arch> s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
      s.put(new StandaloneResult<>(archs.get(2), protocol, 2, 0.8, 0.5, 0.83, 0.5, 1234, 12.5));
    }
    Out partial = run("standalone", "export", "--format", "scores", "--archs", list.toString(),
        "--channels", "8", "--epochs", "2", "--seeds", "0,1,2", "--store", store.toString());
    assertEquals(2, partial.code());
    assertEquals("", partial.out(), "no half-written ground-truth file");
    assertTrue(partial.err().contains("1 of the 2 architectures of " + list
        + " lack a result for one or more of seeds [0, 1, 2]"), partial.err());
    assertTrue(partial.err().contains("the first: " + archs.get(0)
        + " has no result for protocol fmnist-c8n1-e2, seed 2"), partial.err());
  }

  @Test
  void protocolOptions_thatChangeNothing_leftOutOfTheNameOrRefused() {
    String store = dir.resolve("q.db").toString();
    ResultsStore.open(Path.of(store), Nb201Space.INSTANCE).close();
    Out defaults = run("standalone", "status", "--valid-images", "5000", "--store", store);
    assertEquals(0, defaults.code(), defaults.err());
    assertTrue(defaults.out().contains("protocol fmnist-c16n1-e4: "), defaults.out());
    for (String[] bad : new String[][] {{"--train-limit", "30000", "is not below the 30000"},
        {"--test-limit", "10000", "is not below the 10000"},
        {"--valid-images", "30001", "more than the 30000 images"}}) {
      Out o = run("standalone", "status", bad[0], bad[1], "--store", store);
      assertEquals(2, o.code(), o.err());
      assertTrue(o.err().contains(bad[0] + " " + bad[1]) && o.err().contains(bad[2]), o.err());
    }
  }

  @Test
  void enqueue_refusesConstantCellsAndTwoSources_beforeTouchingTheStore() throws Exception {
    Path store = dir.resolve("e.db");
    Path list = dir.resolve("list.txt");
    Nb201Arch constant = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|");
    Files.writeString(list, Nb201Space.INSTANCE.sampleDistinct(1, new SplittableRandom(2)).get(0)
        + "\n" + constant + "\n");
    Out r = run("standalone", "enqueue", "--archs", list.toString(), "--store",
        store.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(list + ": " + constant + " has no path from input to output"),
        r.err());
    Out two = run("standalone", "enqueue", "--archs", list.toString(), "--random", "3",
        "--store", store.toString());
    assertEquals(2, two.code(), two.err());
    assertTrue(two.err().contains("enqueue takes one of --archs, --landmarks and --random, got"
        + " --archs and --random"), two.err());
    assertFalse(Files.exists(store));
  }

  @Test
  void readCommands_onAMissingStore_orWithAnotherProtocol_sayWhatIsThere() {
    Path typo = dir.resolve("typo.db");
    for (String command : new String[] {"status", "stats", "export"}) {
      Out o = run("standalone", command, "--store", typo.toString());
      assertEquals(2, o.code(), command);
      assertTrue(o.err().contains("results store " + typo + " does not exist"), o.err());
    }
    assertFalse(Files.exists(typo), "reading does not create the store");

    Path store = dir.resolve("s.db");
    try (ResultsStore<Nb201Arch> s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
      s.put(new StandaloneResult<>(Nb201Space.INSTANCE.sampleDistinct(1, new SplittableRandom(3))
          .get(0), "fmnist-c8n1-e2", 0, 0.8, 0.5, 0.8, 0.5, 1234, 10));
    }
    Out other = run("standalone", "stats", "--channels", "8", "--epochs", "3", "--store",
        store.toString());
    assertEquals(2, other.code());
    assertTrue(other.err().contains("holds no result of protocol fmnist-c8n1-e3; it holds"
        + " fmnist-c8n1-e2 (1 results)"), other.err());
  }

  /**
   * Imported accuracies are the doubles training computes, so equal accuracies tie (the
   * conversion itself: {@code StandaloneResultTest}).
   */
  @Test
  void import_accuracyIsTheTrainedDouble() throws Exception {
    Path store = dir.resolve("a.db");
    String protocol = StandaloneProtocol.fashionMnist(8, 2).name();
    Nb201Arch arch = Nb201Space.INSTANCE.sampleDistinct(1, new SplittableRandom(9)).get(0);
    // 8,413 of 10,000 and 4,206 of 5,000: 84.13 / 100 and 84.12 / 100 are not the nearest doubles
    var trained = new StandaloneResult<>(arch, protocol, 0, 4206.0 / 5000, 0.5,
        8413.0 / 10_000, 0.5, 1234, 12.5);
    try (ResultsStore<Nb201Arch> s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
      s.put(trained);
    }
    Path table = dir.resolve("a.csv");
    Files.writeString(table, run("standalone", "export", "--channels", "8", "--epochs", "2",
        "--store", store.toString()).out());
    Path fresh = dir.resolve("b.db");
    assertEquals(0, run("standalone", "import", "--csv", table.toString(), "--channels", "8",
        "--epochs", "2", "--store", fresh.toString()).code());
    try (ResultsStore<Nb201Arch> s = ResultsStore.open(fresh, Nb201Space.INSTANCE)) {
      StandaloneResult<Nb201Arch> back = s.get(arch, protocol, 0).orElseThrow();
      assertEquals(trained.testAccuracy(), back.testAccuracy(), 0.0);
      assertEquals(trained.validAccuracy(), back.validAccuracy(), 0.0);
    }
  }

  @Test
  void import_badField_namesLineAndColumn_badHeader_namesWhatWasFound() throws Exception {
    Path table = dir.resolve("t.csv");
    String arch = Nb201Space.INSTANCE.sampleDistinct(1, new SplittableRandom(5)).get(0)
        .toString();
    Files.writeString(table, StandaloneTable.CSV_HEADER + "\n" + arch
        + ",fmnist-c16n1-e4,0,80.0,0.5,81.0,0.5,1234,99,12.0\n" + arch
        + ",fmnist-c16n1-e4,x,80.0,0.5,81.0,0.5,1234,99,12.0\n");
    String store = dir.resolve("i.db").toString();
    Out bad = run("standalone", "import", "--csv", table.toString(), "--store", store);
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("t.csv:3: seed \"x\" is not an integer"), bad.err());

    Files.writeString(table, "arch,score\n");
    Out header = run("standalone", "import", "--csv", table.toString(), "--store", store);
    assertTrue(header.err().contains("t.csv:1: expected the header arch,protocol,")
        && header.err().contains("found \"arch,score\""), header.err());
  }

  @Test
  void status_listsFailedJobsWithTheirErrors() {
    Path store = dir.resolve("f.db");
    List<Nb201Arch> archs = Nb201Space.INSTANCE.sampleDistinct(2, new SplittableRandom(6));
    String protocol = StandaloneProtocol.fashionMnist(8, 2).name();
    try (ResultsStore<Nb201Arch> s = ResultsStore.open(store, Nb201Space.INSTANCE)) {
      s.enqueue(archs, protocol, 0);
      var job = s.claim("w", protocol, java.time.Duration.ofMinutes(1)).orElseThrow();
      s.fail(job, "loss diverged");
    }
    Out status = run("standalone", "status", "--channels", "8", "--epochs", "2", "--store",
        store.toString());
    assertEquals(0, status.code(), status.err());
    assertTrue(status.out().contains("1 queued, 0 running, 0 done, 1 failed"), status.out());
    assertTrue(status.out().contains("failed: job 1, " + Nb201Space.INSTANCE.canonical(
        archs.get(0)) + " seed 0, after 1 claim(s): loss diverged"), status.out());
    assertTrue(status.out().contains("enqueue them again"), status.out());
  }

  @Test
  void badUsage_exitsTwoWithOneLine() {
    for (String[] args : new String[][] {
        {"standalone"}, {"standalone", "fly"}, {"standalone", "enqueue", "--store",
            dir.resolve("x.db").toString()}, {"standalone", "train"},
        {"standalone", "status", "--epochs", "0"}, {"standalone", "export", "--format", "xml"},
        {"standalone", "train", "--arch", CELL, "--device", "gpu"},
        {"standalone", "train", "--arch", CELL, "--memory-format", "nhwc"},
        {"standalone", "worker", "--store", dir.resolve("w.db").toString(), "--device",
            "cuda"}}) {
      Out r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("lmnas standalone: error: "), r.err());
    }
    String layout = run("standalone", "train", "--arch", CELL, "--memory-format", "nhwc").err();
    assertTrue(layout.contains("--memory-format") && layout.contains("\"nhwc\"")
        && layout.contains("channels-last"), layout);
  }
}
