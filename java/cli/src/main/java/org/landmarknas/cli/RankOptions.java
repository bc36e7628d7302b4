package org.landmarknas.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.landmarknas.torch.Rendezvous;

/**
 * The data-parallel options of {@code lmnas search}, checked together: {@code --ranks N} (N
 * processes on this machine) or {@code --rank r --world W --rendezvous HOST:PORT} (one process
 * of W, possibly on other machines), or neither (one process).
 *
 * @param ranks the processes to start here, 0 when none are started
 * @param rendezvous this process's place in a group, when it is one rank of several
 */
record RankOptions(int ranks, Optional<Rendezvous> rendezvous) {
  static final String RANKS = "ranks";
  static final String RANK = "rank";
  static final String WORLD = "world";
  static final String RENDEZVOUS = "rendezvous";

  static List<Option> options() {
    return List.of(
        CommandOptions.withArg(RANKS, "N", "train with N processes on this machine (N >= 2),"
            + " gradients averaged over Gloo; train.batch-size is the global batch"),
        CommandOptions.withArg(RANK, "R", "this process's rank 0..W-1 (with --world and"
            + " --rendezvous); rank 0 writes the run directory"),
        CommandOptions.withArg(WORLD, "W", "number of ranks of a multi-machine run"),
        CommandOptions.withArg(RENDEZVOUS, "HOST:PORT", "where rank 0 serves the TCPStore"
            + " that all ranks meet at"));
  }

  /**
   * The options of {@code cl}.
   *
   * @throws IllegalArgumentException naming the option that is missing, malformed or combined
   *     with one it excludes
   */
  static RankOptions of(CommandLine cl) {
    boolean any = cl.hasOption(RANK) || cl.hasOption(WORLD) || cl.hasOption(RENDEZVOUS);
    if (cl.hasOption(RANKS)) {
      if (any) {
        throw new IllegalArgumentException("--ranks starts the ranks itself and cannot be"
            + " combined with --rank, --world or --rendezvous");
      }
      return new RankOptions(CommandOptions.intValue(RANKS, cl.getOptionValue(RANKS), 2),
          Optional.empty());
    }
    if (!any) {
      return new RankOptions(0, Optional.empty());
    }
    for (String o : List.of(RANK, WORLD, RENDEZVOUS)) {
      if (!cl.hasOption(o)) {
        throw new IllegalArgumentException("--rank, --world and --rendezvous go together;"
            + " --" + o + " is missing");
      }
    }
    return new RankOptions(0, Optional.of(Rendezvous.parse(cl.getOptionValue(RENDEZVOUS),
        CommandOptions.intValue(RANK, cl.getOptionValue(RANK), 0),
        CommandOptions.intValue(WORLD, cl.getOptionValue(WORLD), 2))));
  }

  /** The number of processes that train: 1 for a plain run. */
  int world() {
    return ranks > 0 ? ranks : rendezvous.map(Rendezvous::world).orElse(1);
  }

  /**
   * Fails unless every rank gets the same number of images per step.
   *
   * @throws IllegalArgumentException naming the key and the values
   */
  void requireDivisible(int batchSize) {
    int w = world();
    if (batchSize % w != 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "train.batch-size %d is"
          + " the global batch and must be a multiple of the %d ranks (each trains an equal"
          + " shard); e.g. --set train.batch-size=%d", batchSize, w, (batchSize / w + 1) * w));
    }
  }

  /** {@code args} without {@code --ranks N} (or {@code --ranks=N}). */
  static List<String> withoutRanks(String[] args) {
    List<String> out = new ArrayList<>();
    for (int a = 0; a < args.length; a++) {
      if (args[a].equals("--" + RANKS)) {
        a++;
      } else if (!args[a].startsWith("--" + RANKS + "=")) {
        out.add(args[a]);
      }
    }
    return out;
  }
}
