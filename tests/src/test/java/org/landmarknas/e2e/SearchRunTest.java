package org.landmarknas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.space.Nb201Arch;

/**
 * One tiny {@code lmnas search} on real Fashion-MNIST ({@link TinySearch}), run once for the
 * class; each test checks one part of what it left behind.
 */
@EnabledIf(value = "org.landmarknas.e2e.TinySearch#dataInstalled",
    disabledReason = TinySearch.NO_DATA)
final class SearchRunTest {

  private static final long SEED = 11;

  @TempDir
  static Path work;

  private static CliProcess.Result run;
  private static RunFiles files;

  @BeforeAll
  static void search() throws IOException {
    Path config = TinySearch.writeConfig(work);
    Path runDir = work.resolve("runs").resolve("tiny");
    run = CliProcess.run(work, TinySearch.args(config, runDir, SEED));
    files = new RunFiles(runDir);
    assertEquals(0, run.exitCode(), run.describe());
  }

  @Test
  void search_tiny_leavesExactlyTheRunFiles() throws IOException {
    try (Stream<Path> entries = Files.list(files.dir())) {
      // No temporary or probe files survive a finished run.
      assertEquals(List.of("checkpoints", "config.yaml", "metrics.jsonl", "result.json",
              "supernet.pt"), entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
    // The default keeps the newest 2 checkpoints, with no temporary directory left behind.
    try (Stream<Path> entries = Files.list(files.dir().resolve("checkpoints"))) {
      assertEquals(List.of("epoch-0001", "epoch-0002"),
          entries.map(p -> p.getFileName().toString()).sorted().toList());
    }
    assertEquals("", run.err(), run.describe());
  }

  @Test
  void configYaml_reloadsWithTheOverriddenKeys() throws IOException {
    String text = Files.readString(files.config(), StandardCharsets.UTF_8);
    for (String line : List.of("name: " + TinySearch.NAME, "seed: " + SEED,
        "train-limit: " + TinySearch.TRAIN_LIMIT, "channels: " + TinySearch.CHANNELS,
        "epochs: " + TinySearch.EPOCHS, "archs: " + TinySearch.ARCHS)) {
      assertTrue(text.contains(line), () -> "config.yaml lacks \"" + line + "\":\n" + text);
    }

    RunConfig c = RunConfigLoader.load(files.config(), List.of());

    assertEquals(TinySearch.NAME, c.name());
    assertEquals(SEED, c.seed());
    assertEquals(TinySearch.dataDir().toString(), c.data().dir());
    assertEquals(TinySearch.TRAIN_LIMIT, c.data().trainLimit());
    assertEquals(TinySearch.TEST_LIMIT, c.data().testLimit());
    assertEquals(TinySearch.CHANNELS, c.supernet().channels());
    assertEquals(TinySearch.EPOCHS, c.train().epochs());
    assertEquals(TinySearch.BATCH_SIZE, c.train().batchSize());
    assertEquals(TinySearch.STEPS_PER_EPOCH, c.train().stepsPerEpoch());
    assertEquals(TinySearch.ARCHS, c.evaluate().archs());
    assertEquals(TinySearch.EVAL_BATCH_SIZE, c.evaluate().batchSize());
    assertEquals(RunConfig.defaults().train().momentum(), c.train().momentum(),
        "keys nobody set keep their defaults");
  }

  @Test
  void metrics_oneFiniteLinePerEpochInOrder() throws IOException {
    List<JsonNode> metrics = files.metrics();

    assertEquals(TinySearch.EPOCHS, metrics.size(), metrics::toString);
    double previousLr = Double.POSITIVE_INFINITY;
    for (int i = 0; i < metrics.size(); i++) {
      JsonNode m = metrics.get(i);
      assertEquals(List.of("epoch", "steps", "lr", "train_loss", "train_acc", "seconds",
          "steps_per_s", "step_ms_p50", "step_ms_p90", "step_ms_p99", "step_ms_max"),
          fieldNames(m));
      assertTrue(m.get("step_ms_p50").doubleValue() > 0
          && m.get("step_ms_p50").doubleValue() <= m.get("step_ms_p99").doubleValue()
          && m.get("step_ms_p99").doubleValue() <= m.get("step_ms_max").doubleValue(),
          m::toString);
      assertEquals(i + 1, m.get("epoch").intValue(), m::toString);
      assertEquals(TinySearch.STEPS_PER_EPOCH, m.get("steps").intValue(), m::toString);
      double loss = RunFiles.number(m, "train_loss");
      assertTrue(Double.isFinite(loss) && loss > 0, m::toString);
      double acc = RunFiles.number(m, "train_acc");
      assertTrue(acc >= 0 && acc <= 1, m::toString);
      double lr = RunFiles.number(m, "lr");
      assertTrue(lr > 0 && lr < previousLr, () -> "cosine lr must fall per epoch: " + metrics);
      previousLr = lr;
      assertTrue(RunFiles.number(m, "seconds") > 0, m::toString);
      double rate = RunFiles.number(m, "steps_per_s");
      assertTrue(Double.isFinite(rate) && rate > 0, m::toString);
    }
    assertEquals(TinySearch.LR, RunFiles.number(metrics.get(0), "lr"), 0.0,
        "the first epoch runs at train.lr");
  }

  @Test
  void result_scoresTheRequestedArchitectures() throws IOException {
    JsonNode scored = files.result().get("scored_architectures");

    assertTrue(scored != null && scored.isArray(), () -> "no scored_architectures: " + scored);
    assertEquals(TinySearch.ARCHS, scored.size(), scored::toString);
    Set<Nb201Arch> archs = new HashSet<>();
    double previous = Double.POSITIVE_INFINITY;
    for (JsonNode s : scored) {
      Nb201Arch arch = Nb201Arch.parse(s.get("arch").textValue());
      assertEquals(s.get("arch").textValue(), arch.toString(), "the standard string form");
      assertTrue(arch.isConnected(), () -> "a disconnected cell was scored: " + arch);
      archs.add(arch);
      double acc = RunFiles.number(s, "supernet_test_accuracy");
      assertTrue(acc >= 0 && acc <= 1, s::toString);
      assertTrue(acc <= previous, () -> "not sorted best first: " + scored);
      previous = acc;
      assertTrue(Double.isFinite(RunFiles.number(s, "supernet_test_loss")), s::toString);
      assertEquals(TinySearch.TEST_LIMIT, s.get("images").intValue(), "every test image scored");
    }
    assertEquals(TinySearch.ARCHS, archs.size(), "scored architectures must be distinct");
  }

  @Test
  void result_provenanceAndTotalsMatchTheRun() throws IOException {
    JsonNode result = files.result();
    JsonNode provenance = result.get("provenance");

    assertEquals(SEED, provenance.get("seed").longValue());
    assertEquals("fashion-mnist", provenance.get("dataset").textValue());
    assertTrue(provenance.get("libtorch").textValue().startsWith("2.10.0"), provenance::toString);
    assertEquals(TinySearch.EPOCHS,
        provenance.get("config").get("train").get("epochs").intValue());
    assertEquals(TinySearch.EPOCHS, result.get("epochs").intValue());
    assertEquals((long) TinySearch.EPOCHS * TinySearch.STEPS_PER_EPOCH,
        result.get("steps").longValue());
    List<Double> losses = files.metricsColumn("train_loss");
    assertEquals(losses.get(losses.size() - 1), RunFiles.number(result, "final_train_loss"),
        0.0, "final_train_loss is the last epoch's loss");
  }

  @Test
  void stdout_showsProgressAndSummary() throws IOException {
    String out = run.out();
    assertTrue(out.contains("run directory: " + files.dir()), out);
    Pattern progress = Pattern.compile("(?m)^epoch " + TinySearch.EPOCHS + "/" + TinySearch.EPOCHS
        + " step " + TinySearch.STEPS_PER_EPOCH + "/" + TinySearch.STEPS_PER_EPOCH
        + " .*loss \\d+\\.\\d+.* \\d+\\.\\d+ steps/s .*ETA \\d+:\\d\\d:\\d\\d$");
    assertTrue(progress.matcher(out).find(), () -> "no final progress line:\n" + out);
    assertTrue(out.contains(String.format(Locale.ROOT, "trained %d epochs (%d steps)",
        TinySearch.EPOCHS, TinySearch.EPOCHS * TinySearch.STEPS_PER_EPOCH)), out);
    for (JsonNode s : files.result().get("scored_architectures")) {
      assertTrue(out.contains(s.get("arch").textValue()), () -> "summary lacks " + s + "\n" + out);
    }
    assertTrue(out.contains(files.resultFile().toString()), out);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
