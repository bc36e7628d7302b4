package org.landmarknas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.FashionMnistReader;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.data.ImageDatasetReader;
import org.landmarknas.torch.Libtorch;

/**
 * {@code lmnas setup}: makes this machine ready to run and says what it found. It loads libtorch
 * once (which fills JavaCPP's cache, safely when several processes start together) and computes
 * one sum with it, then makes sure the data set is there (installing Debian's package where it
 * may, as every command that reads images does) and reads it. {@code ./lmnas test} runs it before
 * the tests, so they find what they need.
 */
final class SetupCommand implements Command {
  private static final String SYNTAX = "lmnas setup [--dataset NAME] [--data-dir DIR]";

  @Override
  public String name() {
    return "setup";
  }

  @Override
  public String summary() {
    return "load libtorch and make sure the data set is installed (what a first run needs)";
  }

  private static Options options() {
    return CommandOptions.of(
        CommandOptions.withArg("dataset", "NAME", "data set to check: "
            + String.join(", ", DataLocation.DATASETS) + " (default " + FashionMnistReader.NAME
            + ")"),
        CommandOptions.withArg("data-dir", "DIR", "data set directory (default: $"
            + DataLocation.ENV_VAR + ", else the data set's default location)"));
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX, "Load libtorch (extracting it into JavaCPP's cache"
          + " on a first start) and check it computes; make sure the data set is there"
          + " (installing Debian's dataset-fashion-mnist when run as root) and read it.",
          options, "Exit code 0 when both work; 2 with what to install when the data is"
          + " missing.");
      return Main.EXIT_OK;
    }
    if (cl.getArgs().length != 0) {
      throw new IllegalArgumentException("unexpected argument \"" + cl.getArgs()[0] + "\"");
    }
    String dataset = cl.getOptionValue("dataset", FashionMnistReader.NAME);
    // An unknown name fails here, before any work, with the list of known ones.
    ImageDatasetReader reader = DataLocation.readerFor(dataset);
    Optional<Path> dataDir = Optional.ofNullable(cl.getOptionValue("data-dir")).map(Path::of);

    Libtorch.Check torch = Libtorch.check();
    out.printf(Locale.ROOT, "libtorch %s: loaded and checked in %.1f s (JavaCPP cache %s)%n",
        torch.version(), torch.seconds(), torch.cacheDir());
    Path dir = DataLocation.system().ensurePresent(dataset, dataDir);
    ImageDataset data = reader.read(dir);
    out.printf(Locale.ROOT, "%s: %d training and %d test images of %dx%dx%d in %s%n",
        dataset, data.train().count(), data.test().count(), data.channels(),
        data.train().height(), data.train().width(), dir);
    return Main.EXIT_OK;
  }
}
