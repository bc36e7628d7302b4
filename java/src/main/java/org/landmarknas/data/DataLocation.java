package org.landmarknas.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds a data set's directory and its reader. The directory is, in order of precedence: the
 * explicit {@code --data-dir} value, the environment variable {@value #ENV_VAR} (ignored when
 * blank), and the data set's default location; only Fashion-MNIST has a default ({@link
 * #FASHION_MNIST_DEFAULT_DIR}, where Debian's {@code dataset-fashion-mnist} installs it).
 *
 * <p>The environment is injected as a function so tests need not touch the real one; {@link
 * #system()} reads {@link System#getenv(String)}.
 */
public final class DataLocation {
  /** Environment variable naming the data directory. */
  public static final String ENV_VAR = "LMNAS_DATA_DIR";
  /** Where Debian's {@code dataset-fashion-mnist} package installs the IDX files. */
  public static final Path FASHION_MNIST_DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
  /** The data set names this package can read. */
  public static final List<String> DATASETS = List.of(FashionMnistReader.NAME,
      Cifar10BinaryReader.NAME);

  private final Function<String, String> env;

  /**
   * A locator reading environment variables through {@code env}, which returns {@code null} for
   * an unset variable (as {@link System#getenv(String)} does).
   */
  public DataLocation(Function<String, String> env) {
    this.env = Objects.requireNonNull(env, "env");
  }

  /** A locator over the process environment. */
  public static DataLocation system() {
    return new DataLocation(System::getenv);
  }

  /**
   * The directory to read {@code dataset} from. The directory is not checked here: the reader
   * says what is missing and how to get it.
   *
   * @param dataset one of {@link #DATASETS}
   * @param dataDir the {@code --data-dir} value, if given
   * @throws IllegalArgumentException if {@code dataset} is unknown, or it has no default location
   *     and neither {@code dataDir} nor {@value #ENV_VAR} is given
   */
  public Path resolve(String dataset, Optional<Path> dataDir) {
    checkName(dataset);
    if (dataDir.isPresent()) {
      return dataDir.get();
    }
    String fromEnv = env.apply(ENV_VAR);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv.strip());
    }
    if (dataset.equals(FashionMnistReader.NAME)) {
      return FASHION_MNIST_DEFAULT_DIR;
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "data set %s has no default location; pass --data-dir DIR or set %s to the directory"
            + " holding data_batch_1.bin .. data_batch_5.bin and test_batch.bin (the CIFAR-10"
            + " binary version)", dataset, ENV_VAR));
  }

  /**
   * Resolves the directory of {@code dataset} and reads it.
   *
   * @throws IllegalArgumentException as {@link #resolve} and {@link ImageDatasetReader#read} do
   */
  public ImageDataset load(String dataset, Optional<Path> dataDir) {
    return readerFor(dataset).read(resolve(dataset, dataDir));
  }

  /**
   * The reader of {@code dataset}.
   *
   * @throws IllegalArgumentException if the name is not one of {@link #DATASETS}
   */
  public static ImageDatasetReader readerFor(String dataset) {
    checkName(dataset);
    return dataset.equals(FashionMnistReader.NAME)
        ? new FashionMnistReader() : new Cifar10BinaryReader();
  }

  private static void checkName(String dataset) {
    Objects.requireNonNull(dataset, "dataset");
    if (!DATASETS.contains(dataset)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "unknown data set \"%s\" (allowed: %s)", dataset, String.join(", ", DATASETS)));
    }
  }
}
