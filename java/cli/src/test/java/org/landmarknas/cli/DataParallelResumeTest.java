package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.WallClockFields;

/**
 * A two-rank run (two Gloo processes on loopback) with landmarks, a second landmark round and a
 * pool, resumed with the same W from the checkpoint before its last epoch, ends as the
 * uninterrupted two-rank run did: the same metrics but for wall-clock fields, and the same
 * result (steps, loss, pool scores, ranking, search).
 */
final class DataParallelResumeTest {
  @TempDir Path tmp;

  private String[] search(String... first) {
    Path table = TestData.nb201Table();
    List<String> args = new ArrayList<>(List.of(first));
    for (String s : List.of("name=ranks-resume", "seed=13", "data.train-limit=1024",
        "data.test-limit=128", "supernet.channels=4", "train.epochs=3",
        "train.steps-per-epoch=3", "train.batch-size=16", "train.threads=1",
        "train.keep-checkpoints=3", "evaluate.archs=0", "evaluate.batch-size=64",
        "evaluate.pool=" + table, "evaluate.pool-size=8", "evaluate.images=64",
        "landmarks.count=4", "landmarks.rounds=2", "landmarks.per-round=2",
        "landmarks.warmup=1", "search.budget=8", "search.population=4",
        "search.tournament=2", "search.val-images=64", "search.top-k=3")) {
      args.addAll(List.of("--set", s));
    }
    return args.toArray(String[]::new);
  }

  @Test
  void twoRanks_resumedBeforeTheLastEpoch_endAsTheUninterruptedRun() throws Exception {
    TestData.fashionMnist();
    Path straight = tmp.resolve("straight");
    CliRun first = CliRun.standard(search("search", "--ranks", "2", "--run-dir",
        straight.toString()));
    assertEquals(Main.EXIT_OK, first.exitCode(), first.out() + first.err());

    // what a kill during epoch 3 leaves: the checkpoints up to epoch 2, no result
    Path resumed = tmp.resolve("resumed");
    copy(straight, resumed);
    delete(resumed.resolve("checkpoints/epoch-0003"));
    Files.delete(resumed.resolve("result.json"));
    CliRun again = CliRun.standard("search", "--resume", resumed.toString(), "--ranks", "2");
    assertEquals(Main.EXIT_OK, again.exitCode(), again.out() + again.err());

    assertEquals(WallClockFields.removedFrom(MetricsLog.read(straight.resolve("metrics.jsonl"))),
        WallClockFields.removedFrom(MetricsLog.read(resumed.resolve("metrics.jsonl"))));
    ObjectMapper json = new ObjectMapper();
    Map<?, ?> expected = json.readValue(straight.resolve("result.json").toFile(), Map.class);
    Map<?, ?> got = json.readValue(resumed.resolve("result.json").toFile(), Map.class);
    for (String key : List.of("steps", "final_train_loss", "pool", "ranking", "search")) {
      assertEquals(expected.get(key), got.get(key), key);
    }
    assertEquals(Files.readString(straight.resolve("landmarks.csv")),
        Files.readString(resumed.resolve("landmarks.csv")), "the round grew the same set");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
