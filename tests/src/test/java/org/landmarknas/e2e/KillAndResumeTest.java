package org.landmarknas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability contract of a search: a run killed with SIGKILL (or stopped with SIGTERM) in
 * the middle of an epoch and continued with {@code lmnas search --resume} ends with the same
 * metrics and results as a run that was never interrupted (libtorch on the CPU with a fixed
 * thread count is deterministic here, so the comparison is exact; only wall-clock fields differ).
 */
@EnabledIf(value = "org.landmarknas.e2e.TinySearch#dataInstalled",
    disabledReason = TinySearch.NO_DATA)
final class KillAndResumeTest {

  private static final int EPOCHS = 3;
  private static final int STEPS = 30;
  private static final List<String> TIMING = List.of("seconds", "steps_per_s", "step_ms_p50",
      "step_ms_p90", "step_ms_p99", "step_ms_max", "pool_seconds", "nao_seconds");

  @TempDir
  Path work;

  private List<String> args(Path config, Path runDir) {
    return args(config, runDir, List.of());
  }

  /** The run's arguments, with {@code sets} as more {@code --set} overrides. */
  private List<String> args(Path config, Path runDir, List<String> sets) {
    List<String> a = new ArrayList<>(List.of("search", "--config", config.toString(),
        "--set", "train.epochs=" + EPOCHS, "--set", "train.steps-per-epoch=" + STEPS,
        "--set", "evaluate.archs=2", "--set", "seed=3", "--run-dir", runDir.toString(),
        "--data-dir", TinySearch.dataDir().toString()));
    for (String s : sets) {
      a.addAll(List.of("--set", s));
    }
    return a;
  }

  /**
   * Plain SPOS, and GDAS and NAO each with landmarks (their configs' arms): the policies keep
   * state of their own in the checkpoint (α and its Adam; the controller, its Adam and the
   * pool), which a resume must restore exactly. {@code spos-sigterm}: SPOS stopped with SIGTERM,
   * which exits through the shutdown hooks (the JVM waits at {@code NativeExitGate} for the step
   * in progress) and must leave the run as resumable as a kill does, and no JVM crash report.
   */
  @ParameterizedTest
  @ValueSource(strings = {"spos", "gdas-landmarks", "nao-landmarks", "spos-sigterm"})
  void search_killedMidEpochAndResumed_endsAsTheUninterruptedRun(String test) throws Exception {
    boolean sigterm = test.endsWith("-sigterm");
    String arm = test.replace("-sigterm", "");
    Path config = TinySearch.writeConfig(work);
    List<String> extra = new ArrayList<>();
    if (!arm.equals("spos")) {
      Path landmarks = Files.writeString(work.resolve("landmarks.csv"), "arch,score\n"
          + "|nor_conv_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|skip_connect~0|nor_conv_3x3~1"
          + "|nor_conv_3x3~2|,88.0\n"
          + "|nor_conv_1x1~0|+|skip_connect~0|nor_conv_3x3~1|+|avg_pool_3x3~0|skip_connect~1"
          + "|nor_conv_1x1~2|,86.5\n"
          + "|avg_pool_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|avg_pool_3x3~0|skip_connect~1"
          + "|avg_pool_3x3~2|,82.0\n"
          + "|skip_connect~0|+|none~0|avg_pool_3x3~1|+|none~0|none~1|skip_connect~2|,80.5\n");
      extra.addAll(List.of("landmarks.file=" + landmarks, "landmarks.warmup=1"));
      extra.addAll(arm.startsWith("gdas") ? List.of("search.policy=gdas", "search.gdas-warmup=1")
          : List.of("search.policy=nao", "search.nao-warmup=1", "search.nao-every=1",
              "search.nao-pool=8", "search.nao-epochs=20"));
    }
    RunFiles straight = new RunFiles(work.resolve("straight"));
    CliProcess.Result r = CliProcess.run(work, args(config, straight.dir(), extra));
    assertEquals(0, r.exitCode(), r.describe());

    RunFiles killed = new RunFiles(work.resolve("killed"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.bytedeco.javacpp.nopointergc=true", "-cp", CliProcess.classPath(),
        CliProcess.MAIN_CLASS));
    command.addAll(args(config, killed.dir(), extra));
    Process p = new ProcessBuilder(command).directory(work.toFile())
        .redirectOutput(work.resolve("killed.out").toFile())
        .redirectErrorStream(true).start();
    // Wait for the first epoch's metrics line, then kill somewhere inside epoch 2.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (lines(killed.metricsFile()) < 1) {
      assertTrue(p.isAlive(), "the run ended before it could be killed: "
          + Files.readString(work.resolve("killed.out")));
      assertTrue(System.nanoTime() < deadline, "no epoch finished within 120 s");
      Thread.sleep(20);
    }
    Thread.sleep(400);
    if (sigterm) {
      p.destroy(); // SIGTERM: shutdown hooks run
    } else {
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
    }
    p.waitFor();
    String out = Files.readString(work.resolve("killed.out"));
    assertEquals(1, lines(killed.metricsFile()), "the kill should land in epoch 2; output: " + out);
    assertFalse(Files.exists(killed.resultFile()));
    if (sigterm) {
      assertEquals(143, p.exitValue(), "exit status of a JVM ended by SIGTERM: " + out);
      assertFalse(out.contains("A fatal error has been detected"), out);
    }

    CliProcess.Result resumed = CliProcess.run(work, "search", "--resume",
        killed.dir().toString());
    assertEquals(0, resumed.exitCode(), resumed.describe());
    assertTrue(resumed.out().contains("resuming after epoch 1 of 3"), resumed.describe());

    assertEquals(withoutTiming(straight.metrics()), withoutTiming(killed.metrics()));
    JsonNode a = straight.result();
    JsonNode b = killed.result();
    for (String key : List.of("steps", "final_train_loss", "scored_architectures", "search")) {
      assertEquals(a.get(key), b.get(key), key);
    }
    assertTrue(b.get("provenance").get("resumed").asBoolean());
  }

  @Test
  void resume_finishedRun_saysSoAndChangesNothing() throws Exception {
    Path config = TinySearch.writeConfig(work);
    Path dir = work.resolve("done");
    List<String> a = new ArrayList<>(args(config, dir));
    a.set(a.indexOf("train.epochs=" + EPOCHS), "train.epochs=1");
    a.set(a.indexOf("train.steps-per-epoch=" + STEPS), "train.steps-per-epoch=2");
    assertEquals(0, CliProcess.run(work, a).exitCode());
    String before = Files.readString(dir.resolve("result.json"));

    CliProcess.Result r = CliProcess.run(work, "search", "--resume", dir.toString());

    assertEquals(0, r.exitCode(), r.describe());
    assertTrue(r.out().contains("already complete"), r.describe());
    assertEquals(before, Files.readString(dir.resolve("result.json")));
  }

  @Test
  void resume_withOverrides_usageError() {
    CliProcess.Result r = CliProcess.run(work, "search", "--resume", work.toString(), "--set",
        "train.epochs=9");
    assertEquals(2, r.exitCode(), r.describe());
    assertEquals(1, r.errLines().size(), r.describe());
    assertTrue(r.err().contains("--resume cannot be combined with --set"), r.describe());
  }

  private static List<JsonNode> withoutTiming(List<JsonNode> metrics) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode m : metrics) {
      ObjectNode copy = m.deepCopy();
      copy.remove(TIMING);
      out.add(copy);
    }
    return out;
  }

  private static long lines(Path file) throws IOException {
    if (!Files.exists(file)) {
      return 0;
    }
    return Files.readString(file).chars().filter(c -> c == '\n').count();
  }
}
