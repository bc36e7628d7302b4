package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.javacpp.PointerScope;
import org.landmarknas.config.DataConfig;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.DataSplit;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * The SPOS training step of the default search run, set up once for measuring: real
 * Fashion-MNIST (its super-net half), batch 64, the default augmentation (crop padding 2,
 * horizontal flips), a C=16, N=1 super-net trained with the default SGD settings on 2 libtorch
 * threads, and a uniformly random architecture per step. {@link SposStepBenchmark} and {@link
 * SposMemoryCheck} both drive it, so they measure the same thing.
 *
 * <p>The network, optimizer state and any batch made by {@link #prepareBatch()} live as long as
 * this object; every step's temporaries die with the step's own {@link PointerScope}. Not
 * thread-safe: libtorch scopes are per thread.
 */
public final class SposWorkload {
  /** Images per step, as {@code train.batch-size} defaults. */
  public static final int BATCH = 64;
  /** First-stage width C of the super-net, as {@code supernet.channels} defaults. */
  public static final int CHANNELS = 16;
  /** Cells per stage N, as {@code supernet.cells} defaults. */
  public static final int CELLS = 1;
  /** libtorch intra-op threads, as {@code train.threads} defaults (and the machine's cores). */
  public static final int THREADS = 2;

  private final TensorBatcher batcher;
  private final int[] supernetHalf;
  private final Nb201Network net;
  private final SposStep<Nb201Arch> step;
  private final SplittableRandom archRng;
  private final SplittableRandom dataRng;
  private int[] order;
  private int cursor;

  private SposWorkload(TensorBatcher batcher, int[] supernetHalf, Nb201Network net, long seed) {
    this.batcher = batcher;
    this.net = net;
    this.step = new SposStep<>(net, TrainConfig.defaults());
    this.supernetHalf = supernetHalf;
    SplittableRandom root = new SplittableRandom(seed);
    this.archRng = root.split();
    this.dataRng = root.split();
    this.order = BatchOrder.epochOrder(supernetHalf, dataRng);
  }

  /**
   * Loads Fashion-MNIST from its usual place ({@code $LMNAS_DATA_DIR} or Debian's
   * {@code /usr/share/datasets/fashion-mnist}), sets libtorch to {@value #THREADS} threads and
   * builds the super-net and its optimizer.
   *
   * @throws IllegalArgumentException if the data set cannot be found or read
   */
  public static SposWorkload create(BatchNormMode batchNorm, long seed) {
    return create(batchNorm, seed, TensorLayout.CONTIGUOUS);
  }

  /** As {@link #create(BatchNormMode, long)}, with the super-net's weights in {@code layout}. */
  public static SposWorkload create(BatchNormMode batchNorm, long seed, TensorLayout layout) {
    set_num_threads(THREADS);
    DataConfig dataDefaults = DataConfig.defaults();
    ImageDataset dataset = DataLocation.system().load(dataDefaults.dataset(), Optional.empty());
    Augmentation augmentation = new Augmentation(dataDefaults.cropPadding(),
        dataDefaults.horizontalFlip());
    TensorBatcher batcher = new TensorBatcher(
        new BatchAssembler(dataset.train(), dataset.normalization(), augmentation), BATCH);
    int[] half = DataSplit.of(dataset.train().count(), dataDefaults.splitFraction(), seed)
        .supernet();
    NetworkShape shape = new NetworkShape(dataset.channels(), dataset.classes(), CHANNELS, CELLS,
        batchNorm);
    Nb201Network net = Nb201Network.supernet(shape, seed);
    net.setLayout(layout);
    net.train(true);
    return new SposWorkload(batcher, half, net, seed);
  }

  /** The super-net being trained. */
  public Nb201Network network() {
    return net;
  }

  /**
   * One training step as the search loop runs it: assemble the next augmented batch of the epoch
   * order (reshuffled when used up), draw an architecture, train its path; all inside one scope.
   */
  public SposStep.StepResult trainStep() {
    try (PointerScope scope = new PointerScope()) {
      return step.step(nextBatch(), Nb201Space.INSTANCE.sample(archRng));
    }
  }

  /**
   * One training step on a batch made earlier by {@link #prepareBatch()}: the same step without
   * the batch assembly and the copy into tensors.
   */
  public SposStep.StepResult trainStep(LabeledBatch prepared) {
    try (PointerScope scope = new PointerScope()) {
      return step.step(prepared, Nb201Space.INSTANCE.sample(archRng));
    }
  }

  /** One training step of {@code arch}'s path on a batch made earlier (for the op profile). */
  public SposStep.StepResult trainStep(LabeledBatch prepared, Nb201Arch arch) {
    try (PointerScope scope = new PointerScope()) {
      return step.step(prepared, arch);
    }
  }

  /**
   * The forward of {@code arch}'s path alone, without autograd, in training mode (batch
   * statistics, as the pool is scored): what scoring one batch costs.
   */
  public void scoreForward(LabeledBatch prepared, Nb201Arch arch) {
    try (PointerScope scope = new PointerScope();
        org.bytedeco.pytorch.NoGradGuard noGrad = new org.bytedeco.pytorch.NoGradGuard()) {
      net.forward(prepared.images(), arch).sum().item_double();
    }
  }

  /**
   * The next augmented batch of the epoch order, made to outlive any step. Call it with no
   * {@link PointerScope} open, or the batch dies with that scope.
   */
  public LabeledBatch prepareBatch() {
    return nextBatch();
  }

  private LabeledBatch nextBatch() {
    if (cursor + BATCH > order.length) {
      order = BatchOrder.epochOrder(supernetHalf, dataRng);
      cursor = 0;
    }
    LabeledBatch batch = batcher.batch(order, cursor, BATCH, true, dataRng);
    cursor += BATCH;
    return batch;
  }
}
