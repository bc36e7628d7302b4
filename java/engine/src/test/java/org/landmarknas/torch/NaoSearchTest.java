package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.RunDirectory;

/**
 * A tiny {@code search.policy: nao} run with landmarks on Fashion-MNIST end to end (a controller
 * point after every epoch), its pool in the checkpoints, and its exact resume from a checkpoint
 * after a renewing point and after the warm-up.
 */
final class NaoSearchTest {
  private static final Set<String> TIMING_KEYS = Set.of("seconds", "steps_per_s",
      "step_ms_p50", "step_ms_p90", "step_ms_p99", "step_ms_max", "pool_seconds",
      "nao_seconds");
  @TempDir Path tmp;

  @Test
  void naoRun_renewsItsPoolAndResumesExactly() throws Exception {
    TestData.fashionMnist();
    Path table = TestData.nb201Table();
    RunConfig config = RunConfigLoader.fromDefaults(List.of(
        "name=nao", "seed=5", "data.train-limit=512", "data.test-limit=64",
        "supernet.channels=4", "train.epochs=3", "train.steps-per-epoch=3",
        "train.batch-size=16", "train.keep-checkpoints=3", "evaluate.archs=2",
        "evaluate.batch-size=64", "search.val-images=32", "search.top-k=5",
        "search.policy=nao", "search.nao-warmup=1", "search.nao-every=1", "search.nao-pool=8",
        "search.nao-epochs=20", "evaluate.pool=" + table, "evaluate.pool-size=8",
        "evaluate.images=64", "landmarks.count=4", "landmarks.warmup=1"));
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream progress = new PrintStream(log, true, StandardCharsets.UTF_8);
    RunDirectory straight = RunDirectory.create(tmp.resolve("straight"));
    SupernetSearch.run(config, straight, progress);
    String text = log.toString(StandardCharsets.UTF_8);
    text.lines().filter(l -> l.startsWith("NAO")).forEach(System.out::println);
    assertTrue(text.contains("NAO after epoch 1: 8 scored"), text);
    assertTrue(text.contains("NAO after epoch 3:"), text);

    ObjectMapper json = new ObjectMapper();
    Path checkpoints = straight.path().resolve("checkpoints");
    Map<?, ?> first = json.readValue(checkpoints.resolve("epoch-0001")
        .resolve(NaoState.FILE).toFile(), Map.class);
    Map<?, ?> second = json.readValue(checkpoints.resolve("epoch-0002")
        .resolve(NaoState.FILE).toFile(), Map.class);
    int renewed = ((List<?>) first.get("pool")).size();
    assertEquals(8, ((List<?>) first.get("scores")).size(), "the first pool is nao-pool cells");
    assertTrue(renewed > 8, "the controller added cells: pool " + renewed);
    assertEquals(renewed, ((List<?>) second.get("scores")).size(), "the renewed pool is scored");
    assertTrue(Files.isRegularFile(checkpoints.resolve("epoch-0002")
        .resolve(NaoController.FILE)));

    List<Map<String, Object>> metrics = MetricsLog.read(straight.metricsFile());
    assertEquals(renewed, ((Number) metrics.get(0).get("nao_pool")).intValue());
    assertTrue(((Number) metrics.get(0).get("controller_loss")).doubleValue() > 0);
    assertTrue(metrics.get(1).containsKey("controller_loss"), "a point after epoch 2 too");
    assertFalse(metrics.get(2).containsKey("controller_loss"), "the last point only scores");
    assertTrue(((Number) metrics.get(2).get("nao_seconds")).doubleValue() > 0);
    assertEquals(metrics.get(1).get("nao_pool"), metrics.get(2).get("nao_pool"),
        "the last point scores the pool renewed after epoch 2");
    assertTrue(((Number) metrics.get(2).get("lambda")).doubleValue() > 0,
        "the landmark term trains beside NAO");
    Map<?, ?> expected = json.readValue(straight.resultFile().toFile(), Map.class);
    Map<?, ?> search = (Map<?, ?>) expected.get("search");
    assertEquals("nao", search.get("strategy"), search.toString());

    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8);
    // Resume after epoch 2 (a renewed pool and a trained controller) and after epoch 1.
    for (String newest : List.of("epoch-0003", "epoch-0002")) {
      RunDirectory resumed = RunDirectory.create(tmp.resolve("resumed-" + newest));
      SupernetSearch.run(config, resumed, quiet);
      Path kept = resumed.path().resolve("checkpoints");
      for (String gone : newest.equals("epoch-0003") ? List.of("epoch-0003")
          : List.of("epoch-0003", "epoch-0002")) {
        try (var files = Files.list(kept.resolve(gone))) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(kept.resolve(gone));
      }
      Files.delete(resumed.resultFile());
      SupernetSearch.run(config, resumed, quiet, true);
      assertEquals(withoutTiming(metrics), withoutTiming(MetricsLog.read(resumed.metricsFile())));
      Map<?, ?> got = json.readValue(resumed.resultFile().toFile(), Map.class);
      for (String key : List.of("steps", "final_train_loss", "scored_architectures", "pool",
          "ranking", "search")) {
        assertEquals(expected.get(key), got.get(key), newest + ": " + key);
      }
    }
  }

  private static List<Map<String, Object>> withoutTiming(List<Map<String, Object>> metrics) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> m : metrics) {
      Map<String, Object> copy = new LinkedHashMap<>(m);
      copy.keySet().removeAll(TIMING_KEYS);
      out.add(copy);
    }
    return out;
  }
}
