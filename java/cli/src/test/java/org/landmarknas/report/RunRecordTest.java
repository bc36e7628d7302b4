package org.landmarknas.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunRecordTest {

  @TempDir
  Path tmp;

  @Test
  void load_completeRun_readsEverySection() throws IOException {
    Path dir = RunDirFixture.standardRuns(tmp).get(0);
    RunRecord r = RunRecord.load(dir);
    assertEquals("baseline", r.name());
    assertEquals(0, r.seed().getAsLong());
    assertEquals("fashion-mnist", r.dataset().orElseThrow());
    assertEquals(4, r.epochs().size());
    assertEquals(List.of(1, 2, 3, 4), r.epochs().stream().map(EpochMetrics::epoch).toList());
    assertTrue(r.epochs().get(0).skdt().isEmpty());
    assertEquals(0.30, r.epochs().get(1).skdt().getAsDouble(), 1e-12);
    assertEquals(6, r.pool().size());
    assertEquals(0.40, r.ranking().orElseThrow().skdt().getAsDouble(), 1e-12);
    assertEquals(6, r.ranking().orElseThrow().n().getAsInt());
    SearchSummary s = r.search().orElseThrow();
    assertEquals("evolution", s.strategy().orElseThrow());
    assertEquals(3, s.top().size());
    assertEquals(93.0, s.top().get(0).groundTruth().getAsDouble(), 1e-12);
    assertTrue(s.top().get(2).groundTruth().isEmpty());
    assertTrue(s.top().get(2).groundTruthRank().isEmpty());
    assertEquals(1.0, r.cost().orElseThrow().cpuHours().getAsDouble(), 1e-12);
    assertEquals(0.40, r.finalSkdt().getAsDouble(), 1e-12);
    assertFalse(r.hasLambda());
  }

  @Test
  void load_runWithoutPoolOrSearch_givesEmptyParts() throws IOException {
    RunRecord r = RunRecord.load(RunDirFixture.plainRun(tmp.resolve("plain-2")));
    assertEquals("plain", r.name());
    assertEquals(2, r.seed().getAsLong());
    assertTrue(r.pool().isEmpty());
    assertTrue(r.ranking().isEmpty());
    assertTrue(r.search().isEmpty());
    assertTrue(r.finalSkdt().isEmpty());
    assertFalse(r.hasSkdtCurve());
    // no cost section: train_seconds falls back to the top-level key, CPU time stays unknown
    assertEquals(12.5, r.cost().orElseThrow().trainSeconds().getAsDouble(), 1e-12);
    assertTrue(r.cost().orElseThrow().cpuHours().isEmpty());
  }

  @Test
  void load_interruptedRunWithoutResult_usesConfigYamlAndMetrics() throws IOException {
    Path dir = RunDirFixture.run(tmp.resolve("cut-short"), "cut", 7,
        RunDirFixture.metrics(2, new double[] {0.2, 0.25}, false), null);
    RunRecord r = RunRecord.load(dir);
    assertEquals("cut", r.name());
    assertEquals(7, r.seed().getAsLong());
    assertEquals(2, r.epochs().size());
    assertEquals(0.25, r.finalSkdt().getAsDouble(), 1e-12); // last logged, no ranking
  }

  @Test
  void load_onlyMetrics_namesRunAfterDirectory() throws IOException {
    Path dir = tmp.resolve("bare-run");
    RunDirFixture.run(dir, "x", 0, RunDirFixture.metrics(1, new double[] {Double.NaN}, false),
        null);
    Files.delete(dir.resolve("config.yaml"));
    RunRecord r = RunRecord.load(dir);
    assertEquals("bare-run", r.name());
    assertTrue(r.seed().isEmpty());
  }

  @Test
  void load_epochLoggedTwice_keepsLaterLineInEpochOrder() throws IOException {
    List<Map<String, Object>> m = RunDirFixture.metrics(3, new double[] {0.1, 0.2, 0.3}, false);
    List<Map<String, Object>> resumed = List.of(m.get(0), m.get(1), m.get(2),
        Map.of("epoch", 2, "train_loss", 9.0, "skdt", 0.9));
    RunRecord r = RunRecord.load(RunDirFixture.run(tmp.resolve("resumed"), "r", 0, resumed,
        null));
    assertEquals(List.of(1, 2, 3), r.epochs().stream().map(EpochMetrics::epoch).toList());
    assertEquals(9.0, r.epochs().get(1).trainLoss().getAsDouble(), 1e-12);
  }

  @Test
  void load_missingDirectory_namesIt() {
    Path missing = tmp.resolve("no-such-run");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunRecord.load(missing));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void load_directoryWithoutRunFiles_saysWhatIsMissing() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunRecord.load(empty));
    assertTrue(e.getMessage().contains(empty.toString()) && e.getMessage().contains("result.json"),
        e.getMessage());
  }

  @Test
  void load_malformedResultJson_namesFile() throws IOException {
    Path dir = RunDirFixture.standardRuns(tmp).get(0);
    Files.writeString(dir.resolve("result.json"), "{\"epochs\": 4, \"pool\": [");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunRecord.load(dir));
    assertTrue(e.getMessage().contains(dir.resolve("result.json").toString())
        && e.getMessage().contains("not valid JSON"), e.getMessage());
  }

  @Test
  void load_wrongValueType_namesFileAndKeyPath() throws IOException {
    Path dir = RunDirFixture.standardRuns(tmp).get(0);
    String text = Files.readString(dir.resolve("result.json"))
        .replaceFirst("\"ground_truth\" : [0-9.]+", "\"ground_truth\" : \"high\"");
    Files.writeString(dir.resolve("result.json"), text);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunRecord.load(dir));
    assertTrue(e.getMessage().contains("result.json: pool[0].ground_truth: expected a number,"
        + " got \"high\""), e.getMessage());
  }

  @Test
  void load_malformedMetricsLine_namesFileAndLine() throws IOException {
    Path dir = RunDirFixture.standardRuns(tmp).get(0);
    Files.writeString(dir.resolve("metrics.jsonl"), "{\"epoch\": 1}\n{oops\n{\"epoch\": 3}\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunRecord.load(dir));
    assertTrue(e.getMessage().contains("metrics.jsonl:2"), e.getMessage());
  }

  @Test
  void load_nonFiniteStrings_areReadAsNumbersButNotAsValues() throws IOException {
    Path dir = RunDirFixture.run(tmp.resolve("nan"), "n", 0,
        List.of(Map.of("epoch", 1, "train_loss", "NaN", "skdt", 0.5)), null);
    RunRecord r = RunRecord.load(dir);
    assertTrue(r.epochs().get(0).trainLoss().isEmpty());
    assertTrue(r.epochs().get(0).values().get("train_loss").isNaN());
    assertEquals(0.5, r.epochs().get(0).skdt().getAsDouble());
  }

  @Test
  void discover_parentOfRuns_listsRunSubdirectoriesSorted() throws IOException {
    List<Path> dirs = RunDirFixture.standardRuns(tmp.resolve("runs"));
    Files.createDirectories(tmp.resolve("runs").resolve("not-a-run"));
    assertEquals(dirs, RunRecord.discover(tmp.resolve("runs")));
    assertEquals(List.of(dirs.get(2)), RunRecord.discover(dirs.get(2)));
    assertThrows(IllegalArgumentException.class,
        () -> RunRecord.discover(tmp.resolve("runs").resolve("not-a-run")));
  }
}
