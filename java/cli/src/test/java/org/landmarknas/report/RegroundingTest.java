package org.landmarknas.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.space.Nb201Arch;

final class RegroundingTest {

  @TempDir
  Path dir;

  private static Nb201Arch arch(int i) {
    return Nb201Arch.ofCode(1000 + 37 * i);
  }

  /** Six pool architectures; the super-net and the run's ground truth agree exactly. */
  private Path run() throws IOException {
    return run("r", 0, false);
  }

  /**
   * Run {@code name} of {@code seed} over six pool architectures whose super-net order agrees
   * with the run's ground truth (S-KdT 1), or is its reverse (−1) when {@code reversed}.
   */
  private Path run(String name, int seed, boolean reversed) throws IOException {
    List<Map<String, Object>> pool = RunDirFixture.pool(6, 0.0);
    for (int i = 0; i < 6; i++) {
      pool.get(i).put("supernet_accuracy", 0.40 + 0.05 * (reversed ? 5 - i : i));
    }
    double skdt = reversed ? -1.0 : 1.0;
    Map<String, Object> result = RunDirFixture.result(name, seed, skdt, pool,
        RunDirFixture.search(found(arch(5)), found(Nb201Arch.ofCode(77))), 60);
    Path run = RunDirFixture.run(dir.resolve(name + "-" + seed), name, seed,
        RunDirFixture.metrics(2, new double[] {Double.NaN, skdt}, false), result);
    new ObjectMapper().writeValue(run.resolve("pool-epoch-0002.json").toFile(),
        Map.of("epoch", 2, "pool", pool));
    return run;
  }

  private static Map<String, Object> found(Nb201Arch a) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("arch", a.toString());
    f.put("supernet_val_accuracy", 0.6);
    f.put("ground_truth", 90.0);
    f.put("ground_truth_rank", 1);
    f.put("ground_truth_total", 6);
    return f;
  }

  /** The reversed order: architecture i scores 90 - 1.1 i. */
  private static GroundTruth<Nb201Arch> reversed() {
    Map<Nb201Arch, Double> m = new HashMap<>();
    for (int i = 0; i < 6; i++) {
      m.put(arch(i), 90.0 - 1.1 * i);
    }
    return GroundTruth.of("rev.csv", m);
  }

  @Test
  void of_reversedTruth_flipsFinalAndEpochRankingsAndRescoresFoundArchitectures()
      throws IOException {
    RunRecord before = RunRecord.load(run());
    assertEquals(1.0, before.finalSkdt().getAsDouble(), 1e-12);

    RunRecord after = Regrounding.of(before, reversed());

    assertEquals(-1.0, after.finalSkdt().getAsDouble(), 1e-12);
    assertEquals(-1.0, after.ranking().get().kdt().getAsDouble(), 1e-12);
    // predicted top 5: archs 1-5; true top 5: archs 0-4; 4 shared
    assertEquals(0.8, after.ranking().get().precisionAtK().getAsDouble(), 1e-12);
    assertEquals(90.0 - 1.1 * 5, after.pool().get(5).groundTruth(), 1e-12);
    assertEquals(0.65, after.pool().get(5).supernetAccuracy(), 1e-12, "super-net scores kept");
    EpochMetrics e2 = after.epochs().get(1);
    assertEquals(-1.0, e2.skdt().getAsDouble(), 1e-12);
    assertEquals(before.epochs().get(1).trainLoss(), e2.trainLoss());
    assertFalse(after.epochs().get(0).skdt().isPresent());

    SearchSummary.Found best = after.search().get().top().get(0);
    assertEquals(84.5, best.groundTruth().getAsDouble(), 1e-12);
    assertEquals(6, best.groundTruthRank().getAsInt(), "the worst of the 6 under the new truth");
    assertEquals(6, best.groundTruthTotal().getAsInt());
    SearchSummary.Found unknown = after.search().get().top().get(1);
    assertFalse(unknown.groundTruth().isPresent());
    assertFalse(unknown.groundTruthRank().isPresent());
  }

  @Test
  void of_runScoredByLoss_ranksByTheLossNotTheAccuracy() throws IOException {
    // accuracies agree with the run's truth, losses are the reverse order (lower = better):
    // under score-by loss the pool ranks archs 5..0 best first, so against the reversed truth
    // the loss ranking agrees exactly while the accuracy ranking would read -1
    List<Map<String, Object>> pool = RunDirFixture.pool(6, 0.0);
    for (int i = 0; i < 6; i++) {
      pool.get(i).put("supernet_accuracy", 0.40 + 0.05 * i);
      pool.get(i).put("supernet_loss", 1.0 + 0.1 * i);
    }
    Map<String, Object> result = RunDirFixture.result("l", 0, -1.0, pool,
        RunDirFixture.search(found(arch(5))), 60);
    Path run = RunDirFixture.run(dir.resolve("l-0"), "l", 0,
        RunDirFixture.metrics(2, new double[] {Double.NaN, -1.0}, false), result);
    Files.writeString(run.resolve("config.yaml"), "name: l\nseed: 0\nevaluate:\n"
        + "  score-by: loss\n");
    new ObjectMapper().writeValue(run.resolve("pool-epoch-0002.json").toFile(),
        Map.of("epoch", 2, "pool", pool));

    RunRecord after = Regrounding.of(RunRecord.load(run), reversed());

    assertEquals(1.0, after.finalSkdt().getAsDouble(), 1e-12);
    assertEquals(1.0, after.epochs().get(1).skdt().getAsDouble(), 1e-12);
    assertEquals(0.65, after.pool().get(5).supernetAccuracy(), 1e-12, "accuracy kept for plots");
    assertEquals(-1.5, after.pool().get(5).supernetScore(), 1e-12);
  }

  @Test
  void load_scoreByOverride_ranksALossRunByAccuracyAgainstItsOwnTruth() throws IOException {
    // accuracy and loss both rise with the run's truth: ranked by accuracy (higher first) the
    // pool agrees with it (+1), ranked by loss (lower first) it is reversed (-1)
    List<Map<String, Object>> pool = RunDirFixture.pool(6, 0.0);
    for (int i = 0; i < 6; i++) {
      pool.get(i).put("supernet_accuracy", 0.40 + 0.05 * i);
      pool.get(i).put("supernet_loss", 1.0 + 0.1 * i);
    }
    Map<String, Object> result = RunDirFixture.result("l", 0, -1.0, pool,
        RunDirFixture.search(found(arch(5))), 60);
    Path run = RunDirFixture.run(dir.resolve("l-0"), "l", 0,
        RunDirFixture.metrics(2, new double[] {Double.NaN, -1.0}, false), result);
    Files.writeString(run.resolve("config.yaml"), "name: l\nseed: 0\nevaluate:\n"
        + "  score-by: loss\n");
    new ObjectMapper().writeValue(run.resolve("pool-epoch-0002.json").toFile(),
        Map.of("epoch", 2, "pool", pool));

    assertEquals(-1.0, Regrounding.load(run, Optional.empty()).finalSkdt().getAsDouble(), 1e-12,
        "as recorded: by loss");
    RunRecord byAccuracy = Regrounding.load(run, Optional.empty(),
        Optional.of(org.landmarknas.search.ScoreMeasure.ACCURACY));
    assertEquals(1.0, byAccuracy.finalSkdt().getAsDouble(), 1e-12);
    assertEquals(1.0, byAccuracy.epochs().get(1).skdt().getAsDouble(), 1e-12);
    assertEquals(85.0 + 1.1 * 5, byAccuracy.pool().get(5).groundTruth(), 1e-12,
        "the run's own ground truth kept");
  }

  @Test
  void report_reGrounded_pairsTheReGroundedFinalSkdt() throws IOException {
    // arm "a" agrees with the runs' own truth (+1), "b" is reversed (−1): a − b = +2 per seed;
    // against the reversed truth a reads −1 and b +1, so the paired difference must be −2
    List<RunRecord> runs = new java.util.ArrayList<>();
    for (int seed = 0; seed < 2; seed++) {
      runs.add(Regrounding.of(RunRecord.load(run("b", seed, true)), reversed()));
      runs.add(Regrounding.of(RunRecord.load(run("a", seed, false)), reversed()));
    }
    Path out = dir.resolve("report");
    ReportWriter.write(runs, Grouping.NAME, out, java.time.Instant.EPOCH,
        java.util.Optional.of("rev.csv"), java.util.Optional.of("b"));
    com.fasterxml.jackson.databind.JsonNode c = new ObjectMapper()
        .readTree(out.resolve(ReportWriter.REPORT_JSON).toFile()).get("paired")
        .get("comparisons").get(0);
    assertEquals("a", c.get("arm").asText());
    assertEquals(-1.0, c.get("arm_values").get(0).asDouble(), 1e-12);
    assertEquals(-2.0, c.get("statistics").get("mean_difference").asDouble(), 1e-12);
    assertTrue(Files.readString(out.resolve(ReportWriter.TABLE_MD))
        .contains("| a vs b | 2 | -2.000 ± 0.000 |"));
  }

  @Test
  void of_epochScoringFileMissing_namesTheFile() throws IOException {
    Path run = run();
    Files.delete(run.resolve("pool-epoch-0002.json"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Regrounding.of(RunRecord.load(run), reversed()));
    assertTrue(e.getMessage().contains("epoch 2 logged an S-KdT but "
        + run.resolve("pool-epoch-0002.json") + " is missing"), e.getMessage());
  }

  @Test
  void of_poolArchitectureWithoutScore_namesArchitectureAndSource() throws IOException {
    Map<Nb201Arch, Double> partial = new HashMap<>();
    partial.put(arch(0), 80.0);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Regrounding.of(RunRecord.load(run()), GroundTruth.of("part.csv", partial)));
    assertTrue(e.getMessage().contains("pool architecture " + arch(1) + " has no score in"
        + " part.csv"), e.getMessage());
  }

  /**
   * {@code load} reads the ground truth in the space the run searched: a run naming {@code
   * nb201} is re-grounded as one naming none, and a run naming an unknown space fails naming it
   * instead of having its pool parsed as NB201.
   */
  @Test
  void load_readsTheGroundTruthInTheRunsSpace() throws IOException {
    Path truth = dir.resolve("rev.csv");
    StringBuilder csv = new StringBuilder(GroundTruth.CSV_HEADER + "\n");
    for (int i = 0; i < 6; i++) {
      csv.append(arch(i)).append(',').append(90.0 - 1.1 * i).append('\n');
    }
    Files.writeString(truth, csv);
    Path plain = run("plain", 0, false);
    Path named = run("named", 0, false);
    Path config = named.resolve("config.yaml");
    Files.writeString(config, Files.readString(config) + "space: nb201\n");
    assertEquals("nb201", RunFileParser.space(plain), "runs that name no space searched NB201");
    assertEquals("nb201", RunFileParser.space(named));
    RunRecord a = Regrounding.load(plain, Optional.of(truth));
    RunRecord b = Regrounding.load(named, Optional.of(truth));
    assertEquals(a.ranking(), b.ranking());
    assertEquals(-1.0, a.ranking().orElseThrow().skdt().getAsDouble(), 1e-12);

    Files.writeString(config, Files.readString(config).replace("space: nb201",
        "space: nb2O1"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Regrounding.load(named, Optional.of(truth)));
    assertTrue(e.getMessage().contains("unknown search space \"nb2O1\""), e.getMessage());
    assertEquals(RunRecord.load(named).pool(), Regrounding.load(named, Optional.empty()).pool(),
        "without a ground truth the space is not needed");
  }
}
