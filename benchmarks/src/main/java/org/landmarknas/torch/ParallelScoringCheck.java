package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.get_num_threads;
import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.Nb201Arch;

/**
 * Pool scoring with one scorer on two intra-op threads against two one-thread scorers sharing
 * the weights ({@link ParallelScoring}), in fp32 and in bf16, alternating rounds in one process
 * on the same trained super-net: images per second of each, and how far the scores differ from
 * the first's (tau-b between the score lists, largest absolute difference).
 *
 * <pre>
 * java -Dorg.bytedeco.javacpp.nopointergc=true -Xmx4g \
 *     -cp benchmarks/target/benchmarks.jar org.landmarknas.torch.ParallelScoringCheck \
 *     RUN/supernet.pt [channels 8] [pool 200] [images 2000] [rounds 3] [one|two|bf16]
 * </pre>
 * The weights are a batch-statistics NB201 super-net of N = 1 (e.g. a run of
 * {@code configs/fmnist-preregistered.yaml}); the pool is the NB201 Fashion-MNIST evaluation
 * pool; the chunk is 256 images, {@code evaluate.batch-size}'s default.
 */
public final class ParallelScoringCheck {
  private static final int CHUNK = 256;
  private static final int THREADS = 2;

  private ParallelScoringCheck() {}

  public static void main(String[] args) {
    Path weights = Path.of(args[0]);
    int channels = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int poolSize = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int images = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    // one of the three alone (e.g. to watch its resident memory over many rounds)
    String only = args.length > 5 ? args[5] : "all";
    Libtorch.load();
    set_num_threads(THREADS);
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    Nb201Network net = Nb201Network.supernet(new NetworkShape(data.channels(), data.classes(),
        channels, 1, BatchNormMode.BATCH), 0);
    net.load(weights);
    List<Nb201Arch> pool = GroundTruth.load(Path.of("benchmarks/data/"
        + "nb201-fmnist-c8n1-e6-n15000-evaluation-mean3.csv")).archs();
    pool = pool.subList(0, Math.min(poolSize, pool.size()));
    BatchAssembler assembler = new BatchAssembler(data.test(), data.normalization(),
        Augmentation.NONE);
    SupernetEvaluator<Nb201Arch> serial = new SupernetEvaluator<>(net,
        new TensorBatcher(assembler, CHUNK));
    System.out.printf(Locale.ROOT, "pool %d, %d images, chunk %d, C=%d; serial %d threads,"
        + " parallel %d x 1%n", pool.size(), images, CHUNK, channels, THREADS, THREADS);
    try (ParallelScoring<Nb201Arch> workers = new ParallelScoring<>(net,
        () -> new TensorBatcher(assembler, CHUNK), THREADS)) {
      PoolScorer<Nb201Arch> one = new PoolScorer<>(net, serial, Optional.empty());
      PoolScorer<Nb201Arch> two = new PoolScorer<>(net, serial, Optional.empty(),
          Optional.of(workers));
      PoolScorer<Nb201Arch> twoBf16 = new PoolScorer<>(net, serial, Optional.empty(),
          Optional.of(workers)).scoringIn(Precision.BF16);
      List<List<ArchScore<Nb201Arch>>> last = List.of();
      for (int r = 1; r <= rounds; r++) {
        List<List<ArchScore<Nb201Arch>>> scores = new ArrayList<>();
        StringBuilder line = new StringBuilder("round " + r + ":");
        double base = 0;
        List<PoolScorer<Nb201Arch>> chosen = switch (only) {
          case "one" -> List.of(one);
          case "two" -> List.of(two);
          case "bf16" -> List.of(twoBf16);
          default -> List.of(one, two, twoBf16);
        };
        for (PoolScorer<Nb201Arch> scorer : chosen) {
          long t0 = System.nanoTime();
          scores.add(scorer.score(pool, images, new SplittableRandom(1)));
          double rate = (double) pool.size() * images / ((System.nanoTime() - t0) / 1e9);
          base = base == 0 ? rate : base;
          line.append(String.format(Locale.ROOT, " %s %.0f images/s (%.2fx);",
              scorer == one ? "1 x 2 threads fp32" : scorer == two ? "2 x 1 fp32"
                  : "2 x 1 bf16", rate, rate / base));
          set_num_threads(THREADS);
        }
        System.out.println(line + " main thread intra-op threads " + get_num_threads()
            + ", resident " + residentMegabytes() + " MB");
        last = scores;
      }
      if (last.size() == 3) {
        compare("2 x 1 fp32", last.get(0), last.get(1));
        compare("2 x 1 bf16", last.get(0), last.get(2));
      }
    }
  }

  /** This process's resident set (VmRSS), from /proc; -1 where there is none. */
  private static long residentMegabytes() {
    try {
      for (String l : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (java.io.IOException | NumberFormatException e) {
      // not Linux: no figure
    }
    return -1;
  }

  private static void compare(String what, List<ArchScore<Nb201Arch>> a,
      List<ArchScore<Nb201Arch>> b) {
    double[] accA = new double[a.size()];
    double[] accB = new double[a.size()];
    double[] lossA = new double[a.size()];
    double[] lossB = new double[a.size()];
    double maxAcc = 0;
    double maxLoss = 0;
    for (int i = 0; i < a.size(); i++) {
      accA[i] = a.get(i).accuracy();
      accB[i] = b.get(i).accuracy();
      lossA[i] = a.get(i).loss();
      lossB[i] = b.get(i).loss();
      maxAcc = Math.max(maxAcc, Math.abs(accA[i] - accB[i]));
      maxLoss = Math.max(maxLoss, Math.abs(lossA[i] - lossB[i]));
    }
    System.out.printf(Locale.ROOT, "%s vs 1 x 2 threads fp32: tau-b %.4f by accuracy, %.4f by"
        + " loss; largest difference %.2e accuracy, %.2e loss%n", what, KendallTau.tauB(accA, accB),
        KendallTau.tauB(lossA, lossB), maxAcc, maxLoss);
  }
}
