package org.landmarknas.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.space.SearchSpaces;
import org.landmarknas.standalone.StandaloneProtocol;
import org.landmarknas.torch.StandaloneTrainer;
import org.landmarknas.torch.TensorLayout;
import org.landmarknas.torch.TorchDevice;

/**
 * The options of {@code lmnas standalone} and the values they name: the protocol (only an option
 * that changes training changes its name), the seeds of an export, the data directory.
 */
final class StandaloneOptions {
  private StandaloneOptions() {}

  static Options options() {
    return CommandOptions.of(
        CommandOptions.withArg("arch", "STR", "train: the architecture, in the space's notation"),
        CommandOptions.withArg("archs", "FILE", "enqueue: file with one architecture per line"),
        CommandOptions.withArg("random", "N", "enqueue: N random non-equivalent architectures"),
        CommandOptions.withArg("landmarks", "FILE", "enqueue: the architectures of an arch,score"
            + " CSV (e.g. a run's landmarks.csv)"),
        CommandOptions.withArg("space", "ID", "protocol: the search space of the cells (default "
            + StandaloneProtocol.DEFAULT_SPACE + "; known: " + String.join(", ",
            SearchSpaces.names()) + "; another space than " + StandaloneProtocol.DEFAULT_SPACE
            + " names the protocol ID-...)"),
        CommandOptions.withArg("channels", "C", "protocol: cell channels C (default 16)"),
        CommandOptions.withArg("epochs", "N", "protocol: training epochs (default 4)"),
        CommandOptions.withArg("threads", "T", "intra-op threads per trainer (default 2)"),
        CommandOptions.withArg("device", "D", "where a trainer computes: cpu (default), cuda or"
            + " cuda:N (a GPU needs the -Pgpu build)"),
        CommandOptions.withArg("memory-format", "F", "memory order of a trainer's tensors:"
            + " contiguous (NCHW, default) or channels-last (NHWC: 1.2-1.6x as fast on an AVX2"
            + " CPU, benchmarks/README.md; results agree to rounding, as with --threads)"),
        CommandOptions.withArg("train-limit", "N", "protocol: training images (default 0 = all"
            + " 30,000 of the super-net half)"),
        CommandOptions.withArg("test-limit", "N", "protocol: score only the first N test images"
            + " (default 0 = all 10,000; a quick protocol, named -tN)"),
        CommandOptions.withArg("valid-images", "N", "protocol: validation images of the rank half"
            + " (default 5,000; named -vN)"),
        CommandOptions.withArg("seed", "S", "training seed (default 0); with --random also the"
            + " sampling seed"),
        CommandOptions.withArg("store", "STORE", "results store, " + StoreOption.HELP
            + " (default runs/results.db; train stores its result only when --store is given)"),
        CommandOptions.withArg("workers", "K", "worker: processes to run (default 1)"),
        CommandOptions.withArg("lease-seconds", "L", "worker: job lease (default 600)"),
        CommandOptions.flag("drain", "worker: stay until every job of the protocol is done or"
            + " failed, taking over jobs whose lease runs out (default: end when none is left to"
            + " claim, while others may still train)"),
        CommandOptions.withArg("format", "csv|scores", "export: csv = every result with all"
            + " columns; scores = arch,score (test accuracy of --seed, percent) of the --archs"
            + " list in its order, the ground-truth format of evaluate.pool and landmarks files"),
        CommandOptions.withArg("seeds", "S,S,...", "export --format scores: score = the mean"
            + " test accuracy over these seeds (instead of --seed)"),
        CommandOptions.withArg("csv", "FILE", "import: a table written by export --format csv"),
        CommandOptions.withArg("reference", "FILE", "stats: scores to compare with (arch,score"
            + " CSV or the NB201 table)"),
        CommandOptions.withArg("plot", "DIR", "stats: also write PNG plots there (seed vs seed"
            + " of the noise-ceiling cells; against --reference)"),
        CommandOptions.withArg("data-dir", "DIR", "Fashion-MNIST directory"));
  }

  /** The device of {@code --device} (not part of the protocol: where, not how, it trains). */
  private static TorchDevice device(CommandLine cl) {
    return TorchDevice.of("--device", cl.getOptionValue("device", TrainConfig.DEVICE_CPU), 0);
  }

  /**
   * Where and in which memory order a trainer computes: neither is part of the protocol (both
   * change only how float sums round).
   */
  record Execution(TorchDevice device, TensorLayout layout) {}

  /** {@code --device} and {@code --memory-format}, checked. */
  static Execution execution(CommandLine cl) {
    return new Execution(device(cl), layout(cl));
  }

  /** The memory order of {@code --memory-format}, the trainer's default when absent. */
  private static TensorLayout layout(CommandLine cl) {
    String id = cl.getOptionValue("memory-format", StandaloneTrainer.DEFAULT_LAYOUT.id());
    try {
      return TensorLayout.ofId(id);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--memory-format: " + e.getMessage(), e);
    }
  }

  static StandaloneProtocol protocol(CommandLine cl) {
    StandaloneProtocol base = StandaloneProtocol.fashionMnist(space(cl),
        CommandOptions.intOption(cl, "channels", 16, 1),
        CommandOptions.intOption(cl, "epochs", 4, 1))
        .withThreads(CommandOptions.intOption(cl, "threads", 2, 1));
    // Only a value that changes training changes the name: one protocol, one name, one queue.
    int trainLimit = limit(cl, "train-limit", StandaloneProtocol.FASHION_MNIST_HALF_IMAGES,
        "training images of the super-net half");
    StandaloneProtocol p = trainLimit == 0 ? base : base.withTrainLimit(trainLimit);
    int testLimit = limit(cl, "test-limit", StandaloneProtocol.FASHION_MNIST_TEST_IMAGES,
        "test images");
    p = testLimit == 0 ? p : p.withTestLimit(testLimit);
    int valid = CommandOptions.intOption(cl, "valid-images", base.validImages(), 1);
    if (valid > StandaloneProtocol.FASHION_MNIST_HALF_IMAGES) {
      throw new IllegalArgumentException("--valid-images " + valid + " is more than the "
          + StandaloneProtocol.FASHION_MNIST_HALF_IMAGES + " images of the rank half");
    }
    return valid == base.validImages() ? p : p.withValidImages(valid);
  }

  /**
   * {@code --space}, {@value StandaloneProtocol#DEFAULT_SPACE} when absent.
   *
   * @throws IllegalArgumentException naming the value and the known spaces when no space has it
   */
  private static String space(CommandLine cl) {
    String space = cl.getOptionValue("space", StandaloneProtocol.DEFAULT_SPACE);
    try {
      SearchSpaces.byName(space);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--space: " + e.getMessage(), e);
    }
    return space;
  }

  /**
   * A {@code --train-limit}/{@code --test-limit}: 0 (all) or fewer than {@code all} images; a
   * limit at or past them changes nothing but the protocol's name, so it is refused.
   */
  private static int limit(CommandLine cl, String option, int all, String what) {
    int limit = CommandOptions.intOption(cl, option, 0, 0);
    if (limit >= all) {
      throw new IllegalArgumentException("--" + option + " " + limit + " is not below the " + all
          + " " + what + ": give 0 for all of them (a limit that cuts nothing would only"
          + " rename the protocol)");
    }
    return limit;
  }

  /** {@code --seed}, 0 when absent. */
  static long seed(CommandLine cl) {
    return cl.hasOption("seed") ? CommandOptions.longValue("seed", cl.getOptionValue("seed")) : 0;
  }

  /** The seeds whose mean is the exported score: {@code --seeds}, else {@code --seed}. */
  static List<Long> exportSeeds(CommandLine cl) {
    if (!cl.hasOption("seeds")) {
      return List.of(seed(cl));
    }
    if (cl.hasOption("seed")) {
      throw new IllegalArgumentException("give --seed or --seeds, not both");
    }
    List<Long> seeds = new ArrayList<>();
    for (String part : cl.getOptionValue("seeds").split(",", -1)) {
      long sd = CommandOptions.longValue("seeds", part.strip());
      if (seeds.contains(sd)) {
        throw new IllegalArgumentException("--seeds " + cl.getOptionValue("seeds")
            + ": seed " + sd + " is given twice");
      }
      seeds.add(sd);
    }
    return seeds;
  }

  static Optional<Path> dataDir(CommandLine cl) {
    return Optional.ofNullable(cl.getOptionValue("data-dir")).map(Path::of);
  }
}
