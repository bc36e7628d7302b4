package org.landmarknas.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class RunFilesTest {
  private static final String ARCH =
      "|nor_conv_3x3~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|none~1|avg_pool_3x3~2|";

  @TempDir Path tmp;

  private static Map<String, Object> config() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("dir", null);
    data.put("split-fraction", 0.5);
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", "quick");
    c.put("seed", 3);
    c.put("data", data);
    return c;
  }

  private static Ranking ranking(double skdt) {
    return new Ranking(skdt, 0.4, 0.5, 0.6, 10, 12, 8.5, 40.0);
  }

  private static List<PoolScore> pool() {
    return List.of(new PoolScore(ARCH, 0.5, 2.25, 86.5), new PoolScore("#1", Double.NaN, 2.5,
        84.0));
  }

  private static RunResult result() {
    return new RunResult(1, new RunResult.Provenance("2026-01-01T00:00:00Z",
        "2026-01-01T01:00:00Z", 3L, false, "fashion-mnist", "e5ea", "17", "Linux amd64",
        "2.10", null, config()), 4, 400L, 40.5, Double.NaN,
        List.of(new RunResult.ScoredArchitecture(ARCH, 0.7, 1.5, 256)), pool(), ranking(Double.NaN),
        new RunResult.Search("aging-evolution", 10, List.of(
            new RunResult.Found(ARCH, 0.6, 93.0, 7, 200),
            new RunResult.Found(ARCH, 0.5, null, null, null))),
        new RunResult.Cost(40.5, Double.NaN, 60.0));
  }

  private static EpochRecord epoch(int n) {
    return EpochRecord.training(n, 4, 0.025, 2.4, 0.0625, 0.5, new double[] {1, 2, 3, 4})
        .withLandmarkTerm(-0.2, 0.0, Double.NaN, Double.NaN)
        .withPoolScoring(ranking(0.3), 0.25).withLandmarks(5);
  }

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(tmp.resolve(name), bytes);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  @Test
  void everyFile_roundTripsThroughItsRecord() throws IOException {
    RunResult result = result();
    assertEquals(result, RunFiles.readResult(write("result.json", RunFiles.encode(result))));
    PoolScoring scoring = new PoolScoring(2, pool());
    assertEquals(scoring, RunFiles.readPoolScoring(write("pool.json", RunFiles.encode(scoring))));
    PoolEvaluation eval = new PoolEvaluation(1, "2026-01-01T00:00:00Z", "gt.csv", config(),
        ranking(0.1), pool(), List.of(new NamedRanking("parameters", ranking(0.6))));
    assertEquals(eval, RunFiles.readEvaluation(write("eval.json", RunFiles.encode(eval))));
    // evaluation.json from before baselines were written: none, not null
    PoolEvaluation old = new PoolEvaluation(1, "2026-01-01T00:00:00Z", "gt.csv", config(),
        ranking(0.1), pool(), List.of());
    String withoutBaselines = new String(RunFiles.encode(old), StandardCharsets.UTF_8)
        .replaceAll(",\\s*\"baselines\"\\s*:\\s*\\[\\s*\\]", "");
    assertFalse(withoutBaselines.contains("baselines"), withoutBaselines);
    assertEquals(old, RunFiles.readEvaluation(write("old.json",
        withoutBaselines.getBytes(StandardCharsets.UTF_8))));
    List<EpochRecord> epochs = List.of(epoch(1), EpochRecord.training(2, 4, 0.02, 2.3, 0.1, 0.5,
        new double[] {1, 2, 3, 4}));
    RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
    dir.rewriteMetrics(epochs);
    assertEquals(epochs, RunFiles.readMetrics(dir.metricsFile()));
  }

  @Test
  void writing_keepsTheLayout_nanAsStringAbsentAsNoKeyUnknownGroundTruthAsNull() {
    String line = new String(RunFiles.encode(EpochRecord.training(1, 4, 0.025, 2.4, 0.0625, 0.5,
        new double[] {1, 2, 3, 4}).withLandmarkTerm(null, 0.0, Double.NaN, null)),
        StandardCharsets.UTF_8);
    assertEquals("{\"epoch\":1,\"steps\":4,\"lr\":0.025,\"train_loss\":2.4,\"train_acc\":0.0625,"
        + "\"seconds\":0.5,\"steps_per_s\":8.0,\"step_ms_p50\":1.0,\"step_ms_p90\":2.0,"
        + "\"step_ms_p99\":3.0,\"step_ms_max\":4.0,\"lambda\":0.0,\"landmark_loss\":\"NaN\"}",
        line);
    String json = new String(RunFiles.encode(result()), StandardCharsets.UTF_8);
    assertTrue(json.contains("\"ground_truth_rank\" : null"), json);
    assertTrue(json.contains("\"dir\" : null"), json);
    assertFalse(json.contains("\"ground_truth\" : null,\n    \"config\""), json);
  }

  @Test
  void numbers_giveEveryNumericValueByKey_nanIncluded() {
    Map<String, Double> n = RunFiles.numbers(epoch(3));
    assertEquals(3.0, n.get("epoch"));
    assertEquals(0.3, n.get("skdt"));
    assertEquals(5.0, n.get("landmarks"));
    assertTrue(n.get("landmark_loss").isNaN());
    assertFalse(RunFiles.numbers(EpochRecord.training(1, 4, 0.1, 2, 0.1, 1,
        new double[] {1, 2, 3, 4})).containsKey("skdt"));
  }

  @Test
  void reading_ignoresUnknownKeysAndToleratesMissingOnes() throws IOException {
    RunResult r = RunFiles.readResult(write("result.json",
        "{\"format_version\": 1, \"epochs\": 2, \"new_section\": {\"x\": [1]}}"));
    assertEquals(2, r.epochs());
    assertNull(r.pool());
    assertNull(r.provenance());
  }

  @Test
  void wrongValueType_namesFileAndKeyPath() throws IOException {
    Path file = write("result.json", "{\"format_version\": 1, \"pool\": [{}, {}, {}, "
        + "{\"arch\": \"a\", \"ground_truth\": \"abc\"}]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RunFiles.readResult(file));
    assertEquals(file + ": pool[3].ground_truth: expected a number, got \"abc\"",
        e.getMessage());
  }

  @Test
  void wrongContainer_andQuotedNumbers_andFractionalIntegers_areErrors() throws IOException {
    assertEquals(": provenance: expected an object, got a list", error(
        "{\"provenance\": [1]}"));
    assertEquals(": pool: expected a list, got an object", error("{\"pool\": {}}"));
    assertEquals(": epochs: expected an integer, got 2.5", error("{\"epochs\": 2.5}"));
    assertEquals(": train_seconds: expected a number, got \"12.5\"",
        error("{\"train_seconds\": \"12.5\"}"));
    assertEquals(": search.top[1].ground_truth_rank: expected an integer, got true",
        error("{\"search\": {\"top\": [{}, {\"ground_truth_rank\": true}]}}"));
  }

  private String error(String json) throws IOException {
    Path file = write("result.json", json);
    String m = assertThrows(IllegalArgumentException.class, () -> RunFiles.readResult(file))
        .getMessage();
    assertTrue(m.startsWith(file.toString()), m);
    return m.substring(file.toString().length());
  }

  @Test
  void unknownFormatVersion_isRefusedNamingTheVersion() throws IOException {
    String m = error("{\"format_version\": 2, \"pool\": \"a later layout\"}");
    assertTrue(m.contains("format_version 2 is not one this build reads (it reads 1"), m);
  }

  @Test
  void notJson_orNotAnObject_namesTheFile() throws IOException {
    assertTrue(error("{\"epochs\": 4, \"pool\": [").startsWith(": not valid JSON ("));
    assertEquals(": expected a JSON object at the top level, got a list", error("[1, 2]"));
  }

  @Test
  void metrics_errorsNameFileLineAndKey_tornLastLineSkipped() throws IOException {
    Path file = write("metrics.jsonl", "{\"epoch\": 1}\n\n{\"epoch\": 2, \"skdt\": []}\n");
    assertEquals(file + ":3: skdt: expected a number, got a list", assertThrows(
        IllegalArgumentException.class, () -> RunFiles.readMetrics(file)).getMessage());
    Path noEpoch = write("no-epoch.jsonl", "{\"epoch\": 1}\n{\"skdt\": 0.5}\n");
    assertEquals(noEpoch + ":2: epoch: expected an epoch number >= 0, got nothing",
        assertThrows(IllegalArgumentException.class, () -> RunFiles.readMetrics(noEpoch))
            .getMessage());
    Path torn = write("torn.jsonl", "{\"epoch\": 1, \"train_loss\": \"NaN\"}\n{\"epoch\": 2, \"sk");
    List<EpochRecord> read = RunFiles.readMetrics(torn);
    assertEquals(1, read.size());
    assertTrue(read.get(0).trainLoss().isNaN());
  }

  @Test
  void epochRecord_fromAParsedDocument_namesWhereOnError() {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("epoch", 1);
    line.put("landmark_loss", "NaN");
    assertTrue(RunFiles.epochRecord(line, "state.json: metrics[0]").landmarkLoss().isNaN());
    line.put("k", Arrays.asList(1, 2));
    assertEquals("state.json: metrics[0]: k: expected an integer, got a list",
        assertThrows(IllegalArgumentException.class,
            () -> RunFiles.epochRecord(line, "state.json: metrics[0]")).getMessage());
  }
}
