package org.landmarknas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * A first start on an empty JavaCPP cache: several {@code lmnas} processes started at the same
 * moment all load libtorch. Without the engine's load lock this crashed (SIGBUS in the dynamic
 * loader) one to three of four JVMs in each try, as one mapped a library another was still
 * extracting.
 */
@EnabledIf(value = "org.landmarknas.e2e.TinySearch#dataInstalled",
    disabledReason = TinySearch.NO_DATA)
final class FirstStartTest {
  private static final int PROCESSES = 4;

  @TempDir
  Path work;

  @Test
  void setup_fourProcessesAtOnceOnAnEmptyCache_allLoadLibtorch() throws Exception {
    Path cache = work.resolve("javacpp-cache"); // absent: JavaCPP creates it
    List<String> jvm = List.of("-Dorg.bytedeco.javacpp.cachedir=" + cache);
    List<String> args = List.of("setup", "--data-dir", TinySearch.dataDir().toString());
    ExecutorService pool = Executors.newFixedThreadPool(PROCESSES);
    try {
      List<Future<CliProcess.Result>> runs = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        runs.add(pool.submit(() -> CliProcess.run(work, CliProcess.DEFAULT_TIMEOUT, jvm, args)));
      }
      for (Future<CliProcess.Result> run : runs) {
        CliProcess.Result r = run.get();
        assertEquals(0, r.exitCode(), r.describe());
        assertTrue(r.out().contains("libtorch") && r.out().contains(cache.toString()),
            "loaded from the fresh cache: " + r.describe());
        assertTrue(r.out().contains("fashion-mnist: 60000 training and 10000 test images"),
            r.describe());
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
