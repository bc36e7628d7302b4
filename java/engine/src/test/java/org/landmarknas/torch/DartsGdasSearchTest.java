package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.PointerScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.bench.NasLibSample;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsSpace;

/** GDAS trains the per-edge DARTS super-net on Fashion-MNIST, alone and through the run. */
final class DartsGdasSearchTest {
  private static final DartsSpace SPACE = DartsSpace.INSTANCE;
  @TempDir Path tmp;

  /**
   * GDAS steps as the run takes them (architect step, then a weight step through a Gumbel
   * sample) on real images: the training loss falls and α moves off uniform.
   */
  @Test
  void gdasSteps_onFashionMnist_reduceTheLoss() {
    set_num_threads(1);
    TestData.fashionMnist();
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    DartsNetwork net = DartsNetwork.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH), DartsSharing.EDGE, 11);
    SposStep<DartsGenotype> step = new SposStep<>(net,
        new TrainConfig(1, 32, 0, 0.05, 0.001, 0.9, 5e-4, 5.0, 1));
    int images = 2048;
    int batch = 32;
    TensorBatcher batcher = new TensorBatcher(new BatchAssembler(data.train().head(2 * images),
        data.normalization(), Augmentation.NONE), batch);
    GdasAlpha<DartsGenotype> alpha = new GdasAlpha<>(DartsGdasCoding.INSTANCE);
    int[] rankHalf = IntStream.range(images, 2 * images).toArray();
    GdasPolicy<DartsGenotype> policy = new GdasPolicy<>(net, SPACE, alpha,
        new GdasArchitect<>(net, alpha, batcher, rankHalf, batch, RunSeeds.of(2).epochs()),
        new GdasTemperature(0, 2));
    SplittableRandom rng = new SplittableRandom(5);
    int[] order = BatchOrder.epochOrder(IntStream.range(0, images).toArray(), rng);
    int steps = 120;
    int window = 20;
    double first = 0;
    double last = 0;
    long start = System.nanoTime();
    for (int s = 0; s < steps; s++) {
      int epoch = s < steps / 2 ? 0 : 1; // tau 10, then 0.1
      SposStep.StepResult r;
      try (PointerScope scope = new PointerScope()) {
        policy.beforeStep(epoch, s);
        step.begin();
        DartsGenotype path = policy.path(epoch, s, rng);
        r = step.accumulate(batcher.batch(order, s * batch % images, batch, false, rng), path,
            policy);
        step.finish();
      }
      assertTrue(Double.isFinite(r.loss()), "loss at step " + s);
      first += s < window ? r.loss() / window : 0;
      last += s >= steps - window ? r.loss() / window : 0;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String losses = String.format(Locale.ROOT, "%.2f steps/s; training loss: first %d steps"
        + " %.3f, last %d %.3f; alpha entropy %.6f (uniform %.6f), max |alpha| %.4f",
        steps / seconds, window, first, window, last, alpha.meanEntropy(), Math.log(8),
        alpha.alpha().abs().max().item_double());
    System.out.println("DARTS GDAS " + losses);
    assertTrue(first > 1.8, "an untrained 10-class net starts near ln 10: " + losses);
    assertTrue(last < first - 0.1, losses);
    // 120 Adam steps of 3e-4 move α by at most 0.036 an entry: entropy barely leaves log 8
    assertTrue(alpha.alpha().abs().max().item_double() > 1e-3, losses);
  }

  /**
   * A tiny {@code space: darts} GDAS run with landmarks (the NB301 sample's CIFAR-10 scores:
   * plumbing, not ranking): τ and α's entropy in the metrics, GDAS's final vote as the search,
   * and an exact resume after a GDAS epoch and after the warm-up.
   */
  @Test
  void gdasRun_onDarts_reportsTauAndEntropyAndResumesExactly() throws Exception {
    TestData.fashionMnist();
    SampleRunFiles files = SampleRunFiles.write(NasLibSample.nb301(TestData.nb301Table()),
        SPACE, tmp, "nb301-cifar10", 4);
    Path truth = files.pool();
    Path landmarkFile = files.landmarks();
    RunConfig config = RunConfigLoader.fromDefaults(List.of(
        "name=dartsgdas", "seed=3", "space=darts", "data.train-limit=256",
        "data.test-limit=64", "supernet.channels=4", "train.epochs=3",
        "train.steps-per-epoch=2", "train.batch-size=16", "train.keep-checkpoints=3",
        "evaluate.archs=2", "evaluate.batch-size=64", "evaluate.pool=" + truth,
        "evaluate.pool-size=4", "evaluate.images=32", "landmarks.file=" + landmarkFile,
        "landmarks.warmup=1", "search.val-images=32", "search.top-k=3", "search.policy=gdas",
        "search.gdas-warmup=1", "train.threads=1"));
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(progress, true, StandardCharsets.UTF_8);
    RunDirectory straight = RunDirectory.create(tmp.resolve("straight"));
    SearchOutcome<?> outcome = SupernetSearch.run(config, straight, out);
    String log = progress.toString(StandardCharsets.UTF_8);
    // the run's super-net is the per-edge one (GDAS's α has a row per edge)
    assertEquals(DartsGdasCoding.INSTANCE, ((DartsNetwork) DartsSupernetSpace.INSTANCE.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH), config, 0)).gdasCoding());
    assertEquals(3, outcome.found().size(), log);
    GdasRunChecks.assertPolicyFigures(straight, 8);
    ExactResume.assertAfterEpochs2And1(config, straight, tmp, out);
  }
}
