package org.landmarknas.torch;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.config.RunConfig;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.DataSplit;
import org.landmarknas.data.ImageData;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.space.SearchSpace;

/**
 * What a search run and {@code evaluate} share: the images and their split, the super-net, its
 * training batches, and the scorers on the test split (pool, sampled architectures) and on
 * validation images of the rank half (search fitness, landmark rounds), with BatchNorm
 * recalibration on the super-net half when {@code evaluate.bn: recalibrate}. Built once per run,
 * the same way for both, so {@code evaluate} scores exactly as the run did.
 *
 * @param <A> the architecture type of the run's space
 */
final class SearchSession<A> {
  private final RunConfig config;
  private final ImageDataset dataset;
  private final DataSplit split;
  private final NetworkShape shape;
  private final SupernetSpace<A> supernetSpace;
  private final Supernet<A> net;
  private final Optional<BatchNormRecalibration> recalibration;
  private final PoolScorer<A> testScorer;
  // built on first use: a run without search or landmarks has none
  private PoolScorer<A> valScorer;

  private SearchSession(RunConfig config, ImageDataset dataset, long splitSeed,
      SupernetSpace<A> supernetSpace, Supernet<A> net) {
    this.supernetSpace = supernetSpace;
    this.config = config;
    this.dataset = dataset;
    this.split = DataSplit.of(dataset.train().count(), config.data().splitFraction(), splitSeed);
    this.shape = shape(config, dataset);
    this.net = net;
    EvaluateConfig eval = config.evaluate();
    this.recalibration = EvaluateConfig.BN_RECALIBRATE.equals(eval.bn())
        ? Optional.of(new BatchNormRecalibration(batches(dataset.train(), Augmentation.NONE,
            config.train().batchSize()), split.supernet(), eval.recalibrateBatches()))
        : Optional.empty();
    this.testScorer = scorer(dataset.test());
  }

  /**
   * {@link #forTraining(SupernetSpace, RunConfig, RunSeeds, TorchDevice)} on the config's device.
   */
  static <A> SearchSession<A> forTraining(SupernetSpace<A> space, RunConfig config,
      RunSeeds seeds) {
    return forTraining(space, config, seeds, TorchDevice.of(config.train().device(), 0));
  }

  /**
   * A session for training: the configured images (the run's last input that can be wrong),
   * split by {@code seeds}, and a super-net with fresh weights from them on {@code device}, in
   * training mode.
   */
  static <A> SearchSession<A> forTraining(SupernetSpace<A> space, RunConfig config,
      RunSeeds seeds, TorchDevice device) {
    ImageDataset dataset = loadData(config);
    Supernet<A> net = space.supernet(shape(config, dataset), config, seeds.initSeed());
    net.setPrecision(Precision.ofId(config.supernet().precision()));
    net.to(device);
    net.setLayout(layout(config));
    net.train(true);
    return new SearchSession<>(config, dataset, seeds.splitSeed(), space, net);
  }

  /** A session for scoring the trained super-net in {@code weights}, on the run's own split. */
  static <A> SearchSession<A> forEvaluation(SupernetSpace<A> space, RunConfig config,
      Path weights) {
    ImageDataset dataset = loadData(config);
    Supernet<A> net = space.supernet(shape(config, dataset), config, 0);
    net.setPrecision(Precision.ofId(config.supernet().precision()));
    net.to(TorchDevice.of(config.train().device(), 0));
    net.setLayout(layout(config));
    net.load(weights);
    return new SearchSession<>(config, dataset, RunSeeds.of(config.seed()).splitSeed(), space,
        net);
  }

  ImageDataset dataset() {
    return dataset;
  }

  DataSplit split() {
    return split;
  }

  NetworkShape shape() {
    return shape;
  }

  /** The space searched. */
  SearchSpace<A> space() {
    return supernetSpace.space();
  }

  Supernet<A> net() {
    return net;
  }

  /** Batches of the training images, augmented as configured, for the super-net steps. */
  TensorBatcher trainBatches() {
    return batches(dataset.train(), new Augmentation(config.data().cropPadding(),
        config.data().horizontalFlip()), config.train().batchSize());
  }

  /** Scores on the test split: the pool and the sampled architectures. */
  PoolScorer<A> testScorer() {
    return testScorer;
  }

  /**
   * Scores on the first {@code search.val-images} images of the rank half: the fitness of the
   * search and of landmark rounds, and the landmarks' own tau.
   */
  PoolScorer<A> valScorer() {
    if (valScorer == null) {
      int[] rank = split.rank();
      int n = Math.min(config.search().valImages(), rank.length);
      valScorer = scorer(dataset.train().subset(Arrays.copyOf(rank, n)));
    }
    return valScorer;
  }

  /**
   * A scorer of {@code images}; on the CPU with {@code train.threads} >= 2 it scores lists with
   * as many one-thread workers (measured faster than one scorer on all threads: {@link
   * ParallelScoring}), except where BatchNorm is recalibrated per architecture ({@link
   * PoolScorer} then scores one at a time).
   */
  private PoolScorer<A> scorer(ImageData images) {
    int batch = config.evaluate().batchSize();
    int threads = config.train().threads();
    Optional<ParallelScoring<A>> parallel = threads >= 2 && !net.device().cuda()
        ? Optional.of(new ParallelScoring<>(net,
            () -> batches(images, Augmentation.NONE, batch), threads))
        : Optional.empty();
    return new PoolScorer<>(net, new SupernetEvaluator<>(net, batches(images, Augmentation.NONE,
        batch)), recalibration, parallel).scoringIn(Precision.ofId(config.evaluate()
        .scoringPrecision(config.supernet().precision())));
  }

  /** The memory order {@code supernet.memory-format} gives the weights and the batches. */
  private static TensorLayout layout(RunConfig config) {
    return TensorLayout.ofId(config.supernet().memoryFormat());
  }

  private TensorBatcher batches(ImageData images, Augmentation augmentation, int batchSize) {
    return new TensorBatcher(new BatchAssembler(images, dataset.normalization(), augmentation),
        batchSize, net.device(), layout(config));
  }

  /** The configured data set with its train/test limits applied. */
  static ImageDataset loadData(RunConfig config) {
    ImageDataset d = DataLocation.system().load(config.data().dataset(),
        config.data().dirPath());
    return new ImageDataset(d.name(), limit(d.train(), config.data().trainLimit()),
        limit(d.test(), config.data().testLimit()), d.normalization());
  }

  /** The super-net's shape for this config and data set. */
  static NetworkShape shape(RunConfig config, ImageDataset data) {
    return new NetworkShape(data.channels(), data.classes(), config.supernet().channels(),
        config.supernet().cells(), BatchNormMode.ofId(config.supernet().batchnorm()));
  }

  /** The first {@code limit} images, or all of them when limit is 0 (config convention). */
  private static ImageData limit(ImageData data, int limit) {
    return limit > 0 && limit < data.count() ? data.head(limit) : data;
  }
}
