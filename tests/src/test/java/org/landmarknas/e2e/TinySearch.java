package org.landmarknas.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.FashionMnistReader;

/**
 * The smallest search that still exercises every stage: 512 training / 256 test images of
 * Fashion-MNIST, a C=8 super-net, 2 epochs of 4 steps of 32 images, 2 scored architectures.
 * About 4 s on 2 cores, most of it JVM and libtorch start-up.
 *
 * <p>Most keys come from a YAML file and two from {@code --set}, so one run checks that both
 * layers reach {@code config.yaml}.
 */
final class TinySearch {

  /** System property naming the Fashion-MNIST directory, for machines that keep it elsewhere. */
  static final String DATA_DIR_PROPERTY = "landmarknas.fashion-mnist.dir";

  /** Why data-bound tests are disabled. */
  static final String NO_DATA = "Fashion-MNIST not installed: run ./lmnas setup as root (it"
      + " installs the Debian package dataset-fashion-mnist), set LMNAS_DATA_DIR or pass -D"
      + DATA_DIR_PROPERTY + "=DIR";

  static final String NAME = "e2e-tiny";
  static final int TRAIN_LIMIT = 512;
  static final int TEST_LIMIT = 256;
  static final int CHANNELS = 8;
  static final int BATCH_SIZE = 32;
  static final int STEPS_PER_EPOCH = 4;
  static final double LR = 0.025;
  /** Set with {@code --set}. */
  static final int EPOCHS = 2;
  /** Set with {@code --set}. */
  static final int ARCHS = 2;
  static final int EVAL_BATCH_SIZE = 128;

  private static final String YAML = String.format(Locale.ROOT, """
      # Tiny end-to-end run; train.epochs and evaluate.archs come from --set.
      name: %s
      data:
        train-limit: %d
        test-limit: %d
      supernet:
        channels: %d
      train:
        batch-size: %d
        steps-per-epoch: %d
        lr: %s
      evaluate:
        batch-size: %d
      search:                  # a small aging evolution on 64 validation images
        budget: 12
        population: 6
        tournament: 3
        val-images: 64
        top-k: 3
      """, NAME, TRAIN_LIMIT, TEST_LIMIT, CHANNELS, BATCH_SIZE, STEPS_PER_EPOCH, LR,
      EVAL_BATCH_SIZE);

  private TinySearch() {}

  /**
   * The Fashion-MNIST directory: {@value #DATA_DIR_PROPERTY}, else where the engine looks
   * ({@code LMNAS_DATA_DIR}, else Debian's directory).
   */
  static Path dataDir() {
    String configured = System.getProperty(DATA_DIR_PROPERTY);
    return configured == null || configured.isBlank()
        ? DataLocation.system().resolve(FashionMnistReader.NAME, Optional.empty())
        : Path.of(configured.strip());
  }

  /**
   * Whether the test classes that need Fashion-MNIST run ({@code @EnabledIf}). On a developer's
   * machine without the data they are skipped; under CI ({@code CI=true}), which installs it,
   * they always run, so that missing data fails them instead of passing unnoticed.
   */
  static boolean dataInstalled() {
    return "true".equals(System.getenv("CI")) || Files.isDirectory(dataDir());
  }

  /** Writes the YAML part of the configuration to {@code dir/tiny.yaml}. */
  static Path writeConfig(Path dir) throws IOException {
    return Files.writeString(dir.resolve("tiny.yaml"), YAML, StandardCharsets.UTF_8);
  }

  /** {@code search} arguments for a tiny run with {@code seed} from {@link #dataDir()}. */
  static List<String> args(Path configFile, Path runDir, long seed) {
    return args(configFile, runDir, seed, dataDir());
  }

  /** {@code search} arguments for a tiny run with {@code seed} reading data from {@code data}. */
  static List<String> args(Path configFile, Path runDir, long seed, Path data) {
    List<String> args = new ArrayList<>();
    args.add("search");
    args.add("--config");
    args.add(configFile.toString());
    args.add("--set");
    args.add("train.epochs=" + EPOCHS);
    args.add("--set");
    args.add("evaluate.archs=" + ARCHS);
    args.add("--set");
    args.add("seed=" + seed);
    args.add("--run-dir");
    args.add(runDir.toString());
    args.add("--data-dir");
    args.add(data.toString());
    return args;
  }
}
