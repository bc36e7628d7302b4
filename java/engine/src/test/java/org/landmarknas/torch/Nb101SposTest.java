package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Space;

/** The NB101 super-net trains with SPOS steps and through the generic search run. */
final class Nb101SposTest {
  private static final Nb101Space SPACE = Nb101Space.INSTANCE;
  private static ImageDataset data;
  @TempDir Path tmp;

  /**
   * One thread: on a shared 2-core machine, two OpenMP threads made the training test twenty
   * times slower (274 s instead of about 15 s) while another process held a core.
   */
  @BeforeAll
  static void load() {
    set_num_threads(1);
    TestData.fashionMnist();
    data = DataLocation.system().load("fashion-mnist", Optional.empty());
  }

  private static TrainConfig train() {
    return new TrainConfig(1, 64, 0, 0.05, 0.001, 0.9, 5e-4, 5.0, 2);
  }

  /**
   * A few hundred uniform single-path steps on real images reduce the loss, on the training
   * batches and on a fixed panel of architectures scored on held-out images.
   */
  @Test
  void sposTraining_onFashionMnist_reducesLoss() {
    Nb101Network net = Nb101Network.supernet(
        new NetworkShape(1, 10, 8, 1, BatchNormMode.BATCH), 11);
    SposLossProbe.Drop drop = new SposLossProbe(4096, 64, true, 8, 256, 300, 30)
        .run(data, new SposStep<>(net, train()), SPACE::sample);
    System.out.println("NB101 SPOS " + drop);
    // measured: 2.668 -> 2.050 and 2.391 -> 2.106; a path without gradients stays put
    drop.assertFell(0.3, 0.15);
  }

  /** Layers off the path keep their exact weights: no gradient, no weight decay, no momentum. */
  @Test
  void step_leavesWeightsOffThePathUntouched() {
    Nb101Network net = Nb101Network.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH), 3);
    SposStep<Nb101Arch> step = new SposStep<>(net, train());
    Map<String, Tensor> before = new HashMap<>();
    net.namedParameters().forEach((k, v) -> before.put(k, v.detach().clone()));
    // 0 -> 2 (conv1x1) -> 6 and 0 -> 6: the other vertices are pruned
    Nb101Arch arch = SPACE.parse("0010001/0000000/0000001/0000000/0000000/0000000/0000000:"
        + "conv3x3-bn-relu/conv1x1-bn-relu/conv3x3-bn-relu/conv3x3-bn-relu/maxpool3x3");
    TensorBatcher batcher = new TensorBatcher(new BatchAssembler(data.train().head(96),
        data.normalization(), Augmentation.NONE), 32);
    SplittableRandom rng = new SplittableRandom(1);
    int[] order = new int[96];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int s = 0; s < 3; s++) {
      try (PointerScope scope = new PointerScope()) {
        step.step(batcher.batch(order, s * 32, 32, false, rng), arch);
      }
    }
    int changed = 0;
    for (Map.Entry<String, Tensor> p : net.namedParameters().entrySet()) {
      String n = p.getKey();
      boolean same = p.getValue().equal(before.get(n));
      boolean onPath = !n.startsWith("stack") || n.contains(".vertex2.projection.")
          || n.contains(".vertex2.conv1x1.") || n.contains(".output.projection.");
      assertEquals(onPath, !same, n);
      changed += onPath ? 1 : 0;
    }
    assertTrue(changed > 10, "changed: " + changed);
  }

  /**
   * A tiny {@code space: nb101} run through the generic search, with an evaluation pool and
   * four landmarks from the published NB101 sample's CIFAR-10 accuracies (ground truth of another
   * data set: this checks the plumbing, not the ranking).
   */
  @Test
  void search_nb101_runsThroughTheGenericRun() throws Exception {
    SampleRunFiles files = SampleRunFiles.write(NasLibSample.nb101(TestData.nb101Table()),
        SPACE, tmp, "nb101-cifar10", 4);
    Path truth = files.pool();
    Path landmarkFile = files.landmarks();
    RunConfig config = RunConfigLoader.fromDefaults(List.of(
        "name=tiny101", "seed=3", "space=nb101", "data.train-limit=512",
        "data.test-limit=128", "supernet.channels=4", "train.epochs=2",
        "train.steps-per-epoch=3", "train.batch-size=16", "evaluate.archs=2",
        "evaluate.batch-size=64", "evaluate.pool=" + truth, "evaluate.pool-size=6",
        "evaluate.images=64", "landmarks.file=" + landmarkFile, "search.budget=6",
        "search.population=3", "search.tournament=2", "search.val-images=64",
        "search.top-k=2", "train.threads=1"));
    RunDirectory dir = RunDirectory.create(tmp.resolve("run"));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    SearchOutcome<?> outcome = SupernetSearch.run(config, dir,
        new PrintStream(progress, true, StandardCharsets.UTF_8));
    String log = progress.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("super-net: nas-bench-101"), log);
    List<Map<String, Object>> metrics = MetricsLog.read(dir.metricsFile());
    assertEquals(2, metrics.size());
    assertTrue(metrics.get(1).containsKey("skdt") && metrics.get(1).containsKey("lambda"),
        metrics.get(1).toString());
    assertEquals(2, outcome.found().size(), log);
    outcome.found().forEach(a -> assertTrue(SPACE.isValid((Nb101Arch) a.arch()), a.toString()));
    assertFalse(GroundTruth.load(SPACE, dir.poolFile()).archs().isEmpty());
  }
}
