package org.landmarknas.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.torch.SupernetEvaluation;

/** {@code lmnas evaluate}: ranking quality of a saved super-net, without training. */
final class EvaluateCommand implements Command {
  private static final String SYNTAX =
      "lmnas evaluate --run RUN_DIR [--pool FILE] [--set evaluate.key=value]... [--verbose]";

  @Override
  public String name() {
    return "evaluate";
  }

  @Override
  public String summary() {
    return "score the evaluation pool on a trained super-net (S-KdT, KdT, Spearman, top-k)";
  }

  private static Options options() {
    return CommandOptions.of(
        CommandOptions.withArg("run", "DIR", "run directory of a finished search"),
        CommandOptions.withArg("pool", "FILE",
            "ground-truth file (arch,score CSV or NB201 table); default: the run's pool.csv"),
        Option.builder().longOpt("set").hasArg().argName("key=value")
            .desc("override a key of the run's config (e.g. evaluate.bn, evaluate.images)")
            .build(),
        CommandOptions.withArg("data-dir", "DIR", "data set directory"));
  }

  @Override
  public int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    Options options = options();
    CommandLine cl = CommandOptions.parse(options, args);
    if (cl.hasOption(CommandOptions.HELP)) {
      CommandOptions.printHelp(out, SYNTAX,
          "Load <run>/supernet.pt and the run's config, score every pool architecture on the"
              + " test split, and compare with the ground truth.", options,
          "Writes <run>/evaluation.json.");
      return Main.EXIT_OK;
    }
    if (!cl.hasOption("run")) {
      throw new IllegalArgumentException("--run RUN_DIR is required");
    }
    RunDirectory dir = RunDirectory.open(Path.of(cl.getOptionValue("run")));
    List<String> overrides = CommandOptions.configOverrides(cl);
    RunConfig config = RunConfigLoader.load(dir.configFile(), overrides);
    Optional<Path> pool = Optional.ofNullable(cl.getOptionValue("pool")).map(Path::of);
    RankingReport r = SupernetEvaluation.run(dir, config, pool, out);
    out.printf(Locale.ROOT, "S-KdT %.4f  KdT %.4f  Spearman %.4f  precision@%d %.2f  (n=%d)%n",
        r.sparseKendallTau(), r.kendallTau(), r.spearmanRho(), r.topK(), r.precisionAtK(), r.n());
    out.println("written: " + dir.path().resolve(SupernetEvaluation.OUTPUT_FILE));
    return Main.EXIT_OK;
  }
}
