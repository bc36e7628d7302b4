package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.DataSplit;
import org.landmarknas.data.ImageData;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.ProgressLine;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.schedule.CosineLr;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * A whole SPOS search run: load and split the data, build the super-net, train it with uniform
 * single-path sampling (one {@link PointerScope} per step), log one metrics line per epoch, then
 * score a handful of sampled architectures on the test split and write {@code result.json}.
 *
 * <p>Randomness: one root seed, split into independent streams for the data split, weight init,
 * architecture sampling, data order/augmentation and the evaluated sample, so changing one part
 * (e.g. the number of evaluated architectures) leaves the others unchanged.
 */
public final class SupernetSearch {
  /** The trained super-net's weights inside a run directory. */
  public static final String WEIGHTS_FILE = "supernet.pt";

  private SupernetSearch() {}

  public static SearchOutcome run(RunConfig config, RunDirectory dir, PrintStream progress) {
    Instant started = Instant.now();
    TrainConfig train = config.train();
    set_num_threads(train.threads());
    SplittableRandom root = new SplittableRandom(config.seed());
    long splitSeed = root.nextLong();
    long initSeed = root.nextLong();
    SplittableRandom archRng = root.split();
    SplittableRandom dataRng = root.split();
    SplittableRandom evalRng = root.split();

    ImageDataset dataset = DataLocation.system().load(config.data().dataset(),
        config.data().dirPath());
    ImageData trainData = limit(dataset.train(), config.data().trainLimit());
    ImageData testData = limit(dataset.test(), config.data().testLimit());
    DataSplit split = DataSplit.of(trainData.count(), config.data().splitFraction(), splitSeed);
    progress.printf(Locale.ROOT, "data: %s, %d training images (%d super-net / %d rank half),"
            + " %d test images%n", dataset.name(), trainData.count(), split.supernetSize(),
        split.rankSize(), testData.count());

    Augmentation augmentation = new Augmentation(config.data().cropPadding(),
        config.data().horizontalFlip());
    TensorBatcher trainBatches = new TensorBatcher(
        new BatchAssembler(trainData, dataset.normalization(), augmentation), train.batchSize());
    TensorBatcher testBatches = new TensorBatcher(
        new BatchAssembler(testData, dataset.normalization(), Augmentation.NONE),
        config.evaluate().batchSize());

    NetworkShape shape = new NetworkShape(dataset.channels(), dataset.classes(),
        config.supernet().channels(), config.supernet().cells(),
        BatchNormMode.ofId(config.supernet().batchnorm()));
    Nb201Network net = Nb201Network.supernet(shape, initSeed);
    net.train(true);
    progress.printf(Locale.ROOT, "super-net: NB201 C=%d N=%d, %,d parameters, %d threads%n",
        shape.channels(), shape.cells(), net.parameterCount(), train.threads());

    int[] supernetHalf = split.supernet();
    int stepsPerEpoch = train.stepsPerEpoch() > 0
        ? train.stepsPerEpoch()
        : Math.max(1, supernetHalf.length / train.batchSize());
    SposStep sposStep = new SposStep(net, train);
    CosineLr lr = new CosineLr(train.lr(), train.lrMin(), train.epochs());
    ProgressLine line = new ProgressLine(progress, (long) stepsPerEpoch * train.epochs(), "steps",
        5.0);

    long steps = 0;
    double lastLoss = Double.NaN;
    long trainStart = System.nanoTime();
    try (MetricsLog metrics = dir.openMetrics()) {
      for (int epoch = 0; epoch < train.epochs(); epoch++) {
        double rate = lr.at(epoch);
        sposStep.setLearningRate(rate);
        long epochStart = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        int[] order = BatchOrder.epochOrder(supernetHalf, dataRng);
        int cursor = 0;
        for (int s = 0; s < stepsPerEpoch; s++) {
          if (cursor + train.batchSize() > order.length) { // more steps than one pass: reshuffle
            order = BatchOrder.epochOrder(supernetHalf, dataRng);
            cursor = 0;
          }
          int count = Math.min(train.batchSize(), order.length);
          SposStep.StepResult r;
          try (PointerScope scope = new PointerScope()) {
            LabeledBatch batch = trainBatches.batch(order, cursor, count, true, dataRng);
            r = sposStep.step(batch, Nb201Space.INSTANCE.sample(archRng));
          }
          cursor += count;
          steps++;
          lossSum += r.loss() * r.size();
          correct += r.correct();
          seen += r.size();
          line.update(steps, String.format(Locale.ROOT, "epoch %d/%d step %d/%d",
                  epoch + 1, train.epochs(), s + 1, stepsPerEpoch),
              String.format(Locale.ROOT, "loss %.4f acc %.1f%% lr %.5f",
                  lossSum / seen, 100.0 * correct / seen, rate));
        }
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        lastLoss = lossSum / seen;
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("epoch", epoch + 1);
        record.put("steps", stepsPerEpoch);
        record.put("lr", rate);
        record.put("train_loss", lastLoss);
        record.put("train_acc", (double) correct / seen);
        record.put("seconds", seconds);
        record.put("steps_per_s", stepsPerEpoch / seconds);
        metrics.append(record);
      }
    }
    double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
    net.save(dir.path().resolve(WEIGHTS_FILE));

    List<ArchScore> scores = scoreSample(net, testBatches, config, evalRng, progress);
    SearchOutcome outcome = new SearchOutcome(dir.path(), train.epochs(), steps, trainSeconds,
        lastLoss, scores);
    dir.writeResult(result(config, dataset, split, outcome, started));
    return outcome;
  }

  /**
   * Scores {@code evaluate.archs} sampled architectures, distinct up to equivalence and with a
   * path from input to output (a zero cell tells nothing about ranking).
   */
  private static List<ArchScore> scoreSample(Nb201Network net, TensorBatcher testBatches,
      RunConfig config, SplittableRandom rng, PrintStream progress) {
    int wanted = config.evaluate().archs();
    List<Nb201Arch> archs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (archs.size() < wanted) {
      Nb201Arch a = Nb201Space.INSTANCE.sample(rng);
      if (a.isConnected() && seen.add(Nb201Space.INSTANCE.canonicalKey(a))) {
        archs.add(a);
      }
    }
    SupernetEvaluator evaluator = new SupernetEvaluator(net, testBatches);
    List<ArchScore> scores = new ArrayList<>();
    ProgressLine line = new ProgressLine(progress, archs.size(), "archs", 5.0);
    for (Nb201Arch a : archs) {
      scores.add(evaluator.score(a, 0));
      line.update(scores.size(), "scoring", scores.size() + "/" + archs.size());
    }
    scores.sort(Comparator.comparingDouble(ArchScore::accuracy).reversed());
    return scores;
  }

  private static ImageData limit(ImageData data, int limit) {
    return limit > 0 && limit < data.count() ? data.head(limit) : data;
  }

  private static Map<String, Object> result(RunConfig config, ImageDataset dataset,
      DataSplit split, SearchOutcome outcome, Instant started) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("format_version", 1);
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("started_at", started.toString());
    provenance.put("finished_at", Instant.now().toString());
    provenance.put("seed", config.seed());
    provenance.put("dataset", dataset.name());
    provenance.put("split_fingerprint", Long.toHexString(split.fingerprint()));
    provenance.put("java", System.getProperty("java.version"));
    provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    provenance.put("libtorch", TorchInfo.libtorchVersion());
    provenance.put("config", RunConfigLoader.toMap(config));
    r.put("provenance", provenance);
    r.put("epochs", outcome.epochs());
    r.put("steps", outcome.steps());
    r.put("train_seconds", outcome.trainSeconds());
    r.put("final_train_loss", outcome.finalTrainLoss());
    List<Map<String, Object>> archs = new ArrayList<>();
    for (ArchScore s : outcome.scores()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("arch", s.arch().toString());
      a.put("supernet_test_accuracy", s.accuracy());
      a.put("supernet_test_loss", s.loss());
      a.put("images", s.samples());
      archs.add(a);
    }
    r.put("scored_architectures", archs);
    return r;
  }
}
