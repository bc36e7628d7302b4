package org.landmarknas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.standalone.StandaloneProtocol;
import org.landmarknas.standalone.StandaloneResult;
import org.landmarknas.torch.StandaloneTrainer;

/**
 * {@code lmnas standalone train}: trains one architecture from scratch under the CPU-sized
 * Fashion-MNIST protocol and prints its stand-alone accuracy. (The results store, work queue and
 * the other subcommands come with the ground-truth issue.)
 */
final class StandaloneCommand implements Command {
  private static final String SYNTAX = "lmnas standalone train --arch STR [--epochs N]"
      + " [--seed S] [--train-limit N] [--data-dir DIR] [--verbose]";

  @Override
  public String name() {
    return "standalone";
  }

  @Override
  public String summary() {
    return "train one architecture from scratch and report its stand-alone accuracy";
  }

  private static Options options() {
    return CommandOptions.of(
        CommandOptions.withArg("arch", "STR", "NB201 architecture string"),
        CommandOptions.withArg("epochs", "N", "training epochs (default 4)"),
        CommandOptions.withArg("seed", "S", "weight and data-order seed (default 0)"),
        CommandOptions.withArg("train-limit", "N",
            "training images of the super-net half (default 0 = all 30,000)"),
        CommandOptions.withArg("data-dir", "DIR", "Fashion-MNIST directory"));
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX, "Train one NB201 cell from scratch (C=16, N=1, SGD"
          + " lr 0.1 cosine, batch 128) on the super-net half of Fashion-MNIST; report validation"
          + " (5,000 rank-half images) and test accuracy.", options, "");
      return Main.EXIT_OK;
    }
    if (cl.getArgs().length != 1 || !cl.getArgs()[0].equals("train")) {
      throw new IllegalArgumentException("expected the subcommand \"train\" (usage: " + SYNTAX
          + ")");
    }
    if (!cl.hasOption("arch")) {
      throw new IllegalArgumentException("--arch STR is required");
    }
    Nb201Arch arch = Nb201Arch.parse(cl.getOptionValue("arch"));
    int epochs = positiveInt(cl, "epochs", 4);
    long seed = Long.parseLong(cl.getOptionValue("seed", "0"));
    StandaloneProtocol base = StandaloneProtocol.fashionMnist(epochs);
    int trainLimit = cl.hasOption("train-limit") ? positiveInt(cl, "train-limit", 0) : 0;
    StandaloneProtocol protocol = new StandaloneProtocol(
        trainLimit > 0 ? base.name() + "-n" + trainLimit : base.name(), base.dataset(),
        base.channels(), base.cells(), base.epochs(), base.batchSize(), base.lr(), base.lrMin(),
        base.momentum(), base.weightDecay(), base.gradClip(), base.cropPadding(),
        base.horizontalFlip(), base.splitSeed(), trainLimit, base.validImages(),
        base.testLimit(), base.threads());
    ImageDataset data = DataLocation.system().load(protocol.dataset(),
        Optional.ofNullable(cl.getOptionValue("data-dir")).map(Path::of));
    StandaloneResult r = new StandaloneTrainer(data).train(arch, protocol, seed, out);
    out.println(r);
    out.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(r.toMap()));
    return Main.EXIT_OK;
  }

  private static int positiveInt(CommandLine cl, String opt, int fallback) {
    String v = cl.getOptionValue(opt);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException("--" + opt + " \"" + v + "\" is not an integer >= 1");
  }
}
