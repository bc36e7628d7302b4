package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;

/**
 * The embedding API ({@link SearchRun}): listeners hear every epoch with the figures the files
 * hold, a run without a directory leaves nothing behind, and a cancelled run resumes bit for bit
 * to the run never cancelled, which is the committed {@code recorded-run} (to {@link
 * RecordedJson}'s tolerance across machines).
 */
final class EmbeddedSearchTest {
  @TempDir Path tmp;

  @Test
  void run_withoutDirectory_listenerHearsEveryEpochAndNothingIsLeft() throws IOException {
    TestData.fashionMnist();
    RunConfig config = RunConfigLoader.fromDefaults(RecordedRunTest.overrides());
    Set<Path> before = runTemporaries();
    List<EpochEvent> events = new ArrayList<>();
    SearchOutcome<?> outcome = SearchRun.builder(config).listener(events::add).build().run();

    assertEquals(3, events.size());
    for (int i = 0; i < 3; i++) {
      EpochEvent e = events.get(i);
      assertEquals(i + 1, e.stats().epoch());
      assertEquals(3, e.epochs());
      assertTrue(e.poolRanking().isPresent(), "evaluate.every=1: every epoch ranks the pool");
      assertTrue(e.landmarkKdt().isPresent());
    }
    // The round after epoch 2 adds none: aging evolution samples the whole space, and none of
    // its best cells is among the 50 candidates with a stand-alone score (as recorded).
    events.forEach(e -> assertEquals(5, e.landmarks()));
    assertEquals(events.get(2).poolRanking(), outcome.ranking(), "the last scoring");
    assertEquals(3, outcome.found().size());
    assertTrue(outcome.runDirectory().isEmpty());
    assertEquals(before, runTemporaries(), "the temporary run directory is deleted");
  }

  @Test
  void cancel_afterTheFirstEpoch_thenResume_endsAsTheRunNeverCancelled() throws IOException {
    TestData.fashionMnist();
    RunConfig config = RunConfigLoader.fromDefaults(RecordedRunTest.overrides());
    Path dir = tmp.resolve("run");
    SearchRun[] run = new SearchRun[1];
    run[0] = SearchRun.builder(config).runDirectory(dir)
        .listener(e -> run[0].cancel()).build();
    SearchCancelledException e = assertThrows(SearchCancelledException.class, run[0]::run);
    assertEquals(1, e.epochsDone());
    assertTrue(Files.notExists(dir.resolve("result.json")));

    SearchOutcome<?> resumed = SearchRun.builder(config).runDirectory(dir).resume(true).build()
        .run();
    assertEquals(dir, resumed.runDirectory().orElseThrow());
    Path straight = tmp.resolve("straight");
    SearchRun.builder(config).runDirectory(straight).build().run();
    ObjectMapper json = new ObjectMapper();
    JsonNode recorded = json.readTree(TestData.repoRoot().resolve(
        "java/engine/src/test/resources/org/landmarknas/torch/recorded-run/result.json").toFile());
    JsonNode result = json.readTree(dir.resolve("result.json").toFile());
    JsonNode uncancelled = json.readTree(straight.resolve("result.json").toFile());
    for (String field : List.of("pool", "ranking", "search", "final_train_loss")) {
      assertEquals(uncancelled.get(field), result.get(field), field + ", bit for bit");
      RecordedJson.assertClose(recorded.get(field), result.get(field), field);
    }
  }

  @Test
  void build_resumeWithoutDirectory_refused() {
    RunConfig config = RunConfigLoader.fromDefaults(List.of());
    assertThrows(IllegalStateException.class,
        () -> SearchRun.builder(config).resume(true).build());
  }

  private static Set<Path> runTemporaries() throws IOException {
    try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return s.filter(p -> p.getFileName().toString().startsWith("lmnas-run-"))
          .collect(Collectors.toSet());
    }
  }
}
