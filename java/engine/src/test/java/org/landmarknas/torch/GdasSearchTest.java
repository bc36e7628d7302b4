package org.landmarknas.torch;


import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.run.RunDirectory;

/**
 * A tiny {@code search.policy: gdas} run with landmarks end to end, and its exact resume from a
 * checkpoint after a GDAS epoch and after the warm-up.
 */
final class GdasSearchTest {
  @TempDir Path tmp;

  @Test
  void gdasRun_reportsTauAndEntropyAndResumesExactly() throws Exception {
    TestData.fashionMnist();
    Path table = TestData.nb201Table();
    RunConfig config = RunConfigLoader.fromDefaults(List.of(
        "name=gdas", "seed=5", "data.train-limit=512", "data.test-limit=64",
        "supernet.channels=4", "train.epochs=3", "train.steps-per-epoch=3",
        "train.batch-size=16", "train.keep-checkpoints=3", "evaluate.archs=2",
        "evaluate.batch-size=64", "search.val-images=32", "search.top-k=5",
        "search.policy=gdas", "search.gdas-warmup=1", "evaluate.pool=" + table,
        "evaluate.pool-size=8", "evaluate.images=64", "landmarks.count=4",
        "landmarks.warmup=1"));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true,
        StandardCharsets.UTF_8);
    RunDirectory straight = RunDirectory.create(tmp.resolve("straight"));
    SupernetSearch.run(config, straight, quiet);

    GdasRunChecks.assertPolicyFigures(straight, 5);
    ExactResume.assertAfterEpochs2And1(config, straight, tmp, quiet);
  }
}
