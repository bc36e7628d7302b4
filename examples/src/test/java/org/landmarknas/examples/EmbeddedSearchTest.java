package org.landmarknas.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.landmarknas.torch.SearchOutcome;

/** The example runs against the engine and gives a ranking of the pool. */
final class EmbeddedSearchTest {

  @Test
  void search_miniLandmarksConfig_ranksThePoolAndFindsArchitectures() {
    boolean data = Files.isDirectory(Path.of(System.getenv().getOrDefault("LMNAS_DATA_DIR",
        "/usr/share/datasets/fashion-mnist")));
    // Under CI the data is installed: missing data fails there instead of passing unnoticed.
    assumeTrue(data || "true".equals(System.getenv("CI")), "Fashion-MNIST not installed");
    SearchOutcome<?> outcome = EmbeddedSearch.search(Path.of("configs/fmnist-mini-landmarks.yaml"),
        "train.epochs=2", "train.steps-per-epoch=3", "data.test-limit=256",
        "evaluate.images=32", "evaluate.pool-size=12", "evaluate.every=1",
        "landmarks.warmup=1", "search.strategy=random", "search.budget=6",
        "search.val-images=32", "search.top-k=2");
    assertEquals(2, outcome.epochs());
    assertEquals(12, outcome.ranking().orElseThrow().n());
    assertTrue(Double.isFinite(outcome.ranking().get().kendallTau()));
    assertEquals(2, outcome.found().size());
    assertTrue(outcome.runDirectory().isEmpty(), "no run directory asked for, none kept");
  }
}
