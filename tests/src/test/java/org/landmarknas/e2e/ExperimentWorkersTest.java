package org.landmarknas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lmnas experiment FILE --workers 2}: two worker JVMs share the runs of a tiny
 * experiment through the run locks; every run is done exactly once and the parent reports all.
 * It starts on an empty JavaCPP cache, as the README's first command does on a fresh machine.
 */
@EnabledIf(value = "org.landmarknas.e2e.TinySearch#dataInstalled",
    disabledReason = TinySearch.NO_DATA)
final class ExperimentWorkersTest {

  @TempDir
  Path work;

  @Test
  void experiment_twoWorkers_eachRunOnceAndOneReport() throws IOException {
    Path config = TinySearch.writeConfig(work);
    String set = "[data.dir=" + TinySearch.dataDir() + ", train.epochs=2, evaluate.archs=2,"
        + " search.strategy=none]";
    Path experiment = Files.writeString(work.resolve("exp.yaml"), """
        name: tiny-workers
        runs-dir: %s
        seeds: [1, 2]
        arms:
          - name: base
            config: %s
            set: %s
          - name: fast
            config: %s
            set: %s
        """.formatted(work.resolve("runs"), config, set, config,
        set.replace("]", ", train.lr=0.05]")), StandardCharsets.UTF_8);

    // On an empty JavaCPP cache, as on a first start: the parent loads libtorch before its two
    // workers start, and they inherit the cache directory with the parent's -D options.
    CliProcess.Result r = CliProcess.run(work, CliProcess.DEFAULT_TIMEOUT,
        List.of("-Dorg.bytedeco.javacpp.cachedir=" + work.resolve("javacpp-cache")),
        List.of("experiment", experiment.toString(), "--workers", "2"));
    assertEquals(0, r.exitCode(), r.describe());

    for (String run : List.of("base-s1", "fast-s1", "base-s2", "fast-s2")) {
      Path dir = work.resolve("runs").resolve(run);
      assertTrue(Files.isRegularFile(dir.resolve("result.json")), run + "\n" + r.describe());
      assertEquals(2, Files.readAllLines(dir.resolve("metrics.jsonl")).size(),
          "one epoch line each, no run done twice: " + run);
      Matcher started = Pattern.compile(": starting [^\\n]*" + run).matcher(r.out());
      int times = 0;
      while (started.find()) {
        times++;
      }
      assertEquals(1, times, "started once: " + run + "\n" + r.describe());
    }
    assertTrue(r.out().contains("report of 4 of 4 runs"), r.describe());
    assertTrue(Files.isRegularFile(work.resolve("runs/report/table.md")));
  }
}
