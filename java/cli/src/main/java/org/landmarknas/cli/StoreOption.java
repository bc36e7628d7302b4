package org.landmarknas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.landmarknas.space.SearchSpace;
import org.landmarknas.store.ResultsStore;
import org.landmarknas.store.StoreLocation;
import org.landmarknas.store.StoreUnreachableException;

/**
 * The {@code --store} option of the commands that use the results store: a SQLite file path or
 * a PostgreSQL JDBC URL, and opening the store it names. A value that is neither, and a store
 * that cannot be opened (a missing file, a server that refuses the connection), are bad input:
 * they fail before any work with a message naming the value and what was expected.
 */
final class StoreOption {
  /** The store when {@code --store} is not given. */
  static final Path DEFAULT = Path.of("runs", "results.db");

  /** The option's help text, after what the command says the store is for. */
  static final String HELP = "a SQLite file or jdbc:postgresql://host:port/db?user=NAME";

  private StoreOption() {}

  /** {@code --store}, else {@link #DEFAULT}. */
  static StoreLocation location(CommandLine cl) {
    String value = cl.getOptionValue("store");
    return value == null ? StoreLocation.file(DEFAULT) : parse(value);
  }

  private static StoreLocation parse(String value) {
    try {
      return StoreLocation.parse(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--store: " + e.getMessage(), e);
    }
  }

  /** Opens the store for {@code space}, creating it (and a file's directory) when absent. */
  static <A> ResultsStore<A> open(StoreLocation store, SearchSpace<A> space) {
    try {
      return ResultsStore.open(store, space);
    } catch (StoreUnreachableException e) {
      throw new IllegalArgumentException("--store: " + e.getMessage() + " (expected "
          + StoreLocation.EXPECTED + " of a reachable server, database and user)", e);
    }
  }

  /**
   * Opens a store that must exist: reading a mistyped file path would create an empty one. (A
   * mistyped database name fails to connect, so a server's store needs no such check.)
   */
  static <A> ResultsStore<A> openExisting(StoreLocation store, SearchSpace<A> space) {
    store.sqliteFile().filter(f -> !Files.isRegularFile(f)).ifPresent(f -> {
      throw new IllegalArgumentException("results store " + f + " does not exist (--store"
          + " names the store that enqueue, worker and train --store write)");
    });
    return open(store, space);
  }
}
