package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.run.RunDirectory;

/**
 * A small run recorded once and committed ({@code src/test/resources/.../recorded-run/}): a few
 * steps with landmarks over two rounds, a pool ranked every epoch against the Fashion-MNIST
 * mini-benchmark, running BatchNorm recalibrated before each scoring, a sampled-architecture scoring and an aging-evolution
 * search. The engine must reproduce every file of it, except wall-clock figures and the
 * versions of the machine: every decision exactly, every loss to the {@link RecordedJson}
 * tolerance that other CPU kernels need; a refactoring of the search run that changes a
 * stream or an order fails here.
 *
 * <p>One libtorch thread, so the sums do not depend on the machine's core count. After a change
 * that is meant to alter the numbers, record again with {@code -Dlandmarknas.record=true} and
 * say why in the commit.
 */
final class RecordedRunTest {
  /** The run's files, as they are compared: all but the weights and checkpoints. */
  private static final List<String> FILES = List.of("result.json", "metrics.jsonl", "pool.csv",
      "landmarks.csv", "pool-epoch-0001.json", "pool-epoch-0002.json", "pool-epoch-0003.json");
  /** Fields that measure time or name the machine, not what the run computed. */
  private static final Set<String> UNCOMPARED = Set.of("started_at", "finished_at", "java",
      "os", "libtorch", "seconds", "train_seconds", "cpu_seconds", "wall_seconds",
      "steps_per_s", "step_ms_p50", "step_ms_p90", "step_ms_p99", "step_ms_max",
      "pool_seconds");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  static List<String> overrides() {
    // Relative to the java/engine module, where its tests run: the recorded provenance names no
    // machine.
    String data = "../../benchmarks/data/nb201-fmnist-c8n1-e6-n15000-";
    return List.of("name=recorded", "seed=11", "data.train-limit=1024",
        "data.test-limit=256", "supernet.channels=4", "train.epochs=3",
        "train.steps-per-epoch=4", "train.batch-size=16", "train.threads=1",
        "evaluate.archs=3", "evaluate.batch-size=64", "evaluate.pool=" + data
            + "evaluation-mean3.csv", "evaluate.pool-size=12", "evaluate.images=64",
        "supernet.batchnorm=running", "evaluate.every=1", "evaluate.bn=recalibrate",
        "evaluate.recalibrate-batches=2",
        "landmarks.count=5", "landmarks.ground-truth=" + data
            + "landmark-candidates-mean2.csv", "landmarks.rounds=2", "landmarks.per-round=2",
        "landmarks.warmup=1", "search.strategy=aging", "search.budget=10",
        "search.population=4", "search.tournament=2", "search.val-images=64",
        "search.top-k=3");
  }

  @Test
  void run_reproducesTheRecordedRun() throws IOException {
    TestData.fashionMnist();
    RunConfig config = RunConfigLoader.fromDefaults(overrides());
    RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
    SupernetSearch.run(config, dir, new PrintStream(OutputStream.nullOutputStream()));

    Path recorded = TestData.repoRoot().resolve(
        "java/engine/src/test/resources/org/landmarknas/torch/recorded-run");
    if (Boolean.getBoolean("landmarknas.record")) {
      Files.createDirectories(recorded);
      for (String f : FILES) {
        Files.copy(dir.path().resolve(f), recorded.resolve(f),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (String f : FILES) {
      Path expected = recorded.resolve(f);
      assertTrue(Files.isRegularFile(expected), "recorded file missing: " + expected);
      Path actual = dir.path().resolve(f);
      if (f.endsWith(".json")) {
        RecordedJson.assertClose(comparable(JSON.readTree(expected.toFile())),
            comparable(JSON.readTree(actual.toFile())), f);
      } else if (f.endsWith(".jsonl")) {
        List<JsonNode> want = comparableLines(expected);
        List<JsonNode> got = comparableLines(actual);
        assertEquals(want.size(), got.size(), f + " lines");
        for (int i = 0; i < want.size(); i++) {
          RecordedJson.assertClose(want.get(i), got.get(i), f + ":" + (i + 1));
        }
      } else {
        assertEquals(Files.readString(expected), Files.readString(actual), f);
      }
    }
  }

  private static List<JsonNode> comparableLines(Path jsonl) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<String> lines = Files.lines(jsonl, StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) lines::iterator) {
        out.add(comparable(JSON.readTree(line)));
      }
    }
    return out;
  }

  /** The tree without the {@link #UNCOMPARED} fields, at any depth. */
  private static JsonNode comparable(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = ((ObjectNode) node).deepCopy();
      for (Iterator<String> names = copy.fieldNames(); names.hasNext(); ) {
        if (UNCOMPARED.contains(names.next())) {
          names.remove();
        }
      }
      copy.fields().forEachRemaining(e -> e.setValue(comparable(e.getValue())));
      return copy;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, comparable(node.get(i)));
      }
    }
    return node;
  }
}
