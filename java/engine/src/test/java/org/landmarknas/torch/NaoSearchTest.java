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
import java.util.List;
import java.util.Map;
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

    // after epoch 2 (a renewed pool and a trained controller) and after epoch 1
    ExactResume.assertAfterEpochs2And1(config, straight, tmp,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
