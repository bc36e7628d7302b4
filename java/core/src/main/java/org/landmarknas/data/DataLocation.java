package org.landmarknas.data;

import java.nio.file.Files;
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
 * <p>A locator may install a missing data set whose default location is empty, from the
 * data set's {@link DebianDataPackage} (when this process runs as root). That is opt-in: the
 * {@code lmnas} CLI turns it on with the JVM property {@value #INSTALL_PROPERTY}{@code =debian},
 * so that every command that reads images makes sure they are there; a library that embeds the
 * engine gets a clear error instead of a changed machine unless it sets the property too.
 *
 * <p>The environment is injected as a function so tests need not touch the real one; {@link
 * #system()} reads {@link System#getenv(String)}.
 */
public final class DataLocation {
  /** Environment variable naming the data directory. */
  public static final String ENV_VAR = "LMNAS_DATA_DIR";
  /** JVM property: {@code debian} lets {@link #system()} install a missing default data set. */
  public static final String INSTALL_PROPERTY = "landmarknas.data.install";
  /** Where Debian's {@code dataset-fashion-mnist} package installs the IDX files. */
  public static final Path FASHION_MNIST_DEFAULT_DIR = Path.of("/usr/share/datasets/fashion-mnist");
  /** The data set names this package can read. */
  public static final List<String> DATASETS = List.of(FashionMnistReader.NAME,
      Cifar10BinaryReader.NAME);

  private final Function<String, String> env;
  private final boolean installPackages;

  /**
   * A locator reading environment variables through {@code env}, which returns {@code null} for
   * an unset variable (as {@link System#getenv(String)} does); it installs nothing.
   */
  public DataLocation(Function<String, String> env) {
    this(env, false);
  }

  /**
   * A locator reading environment variables through {@code env}; with {@code installPackages},
   * {@link #ensurePresent} installs a missing default data set from its Debian package.
   */
  public DataLocation(Function<String, String> env, boolean installPackages) {
    this.env = Objects.requireNonNull(env, "env");
    this.installPackages = installPackages;
  }

  /**
   * A locator over the process environment, installing missing data sets when the JVM property
   * {@value #INSTALL_PROPERTY} is {@code debian}.
   */
  public static DataLocation system() {
    return new DataLocation(System::getenv,
        "debian".equals(System.getProperty(INSTALL_PROPERTY)));
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
   * {@link #resolve Resolves} the directory of {@code dataset}; when it is the data set's default
   * location and does not exist, first installs the data set's Debian package if this locator
   * installs packages and the process may (see {@link DebianDataPackage}). Whatever is still
   * missing afterwards is left to the reader's error, which says what to install.
   *
   * @throws IllegalArgumentException as {@link #resolve} does
   * @throws IllegalStateException if an install was tried and failed
   */
  public Path ensurePresent(String dataset, Optional<Path> dataDir) {
    Path dir = resolve(dataset, dataDir);
    if (installPackages && dataset.equals(FashionMnistReader.NAME)
        && dir.equals(FASHION_MNIST_DEFAULT_DIR) && !Files.isDirectory(dir)) {
      DebianDataPackage.of(dataset).ifPresent(p -> p.install(System.err));
    }
    return dir;
  }

  /**
   * {@link #ensurePresent Makes sure} the data set is there, then reads it.
   *
   * @throws IllegalArgumentException as {@link #resolve} and {@link ImageDatasetReader#read} do
   */
  public ImageDataset load(String dataset, Optional<Path> dataDir) {
    return readerFor(dataset).read(ensurePresent(dataset, dataDir));
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
