package org.landmarknas.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One in-process {@code lmnas} invocation with captured streams. */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(CommandRegistry registry, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = Main.run(registry, args, o, e);
      return new CliRun(code, out.toString(StandardCharsets.UTF_8),
          err.toString(StandardCharsets.UTF_8));
    }
  }

  static CliRun standard(String... args) {
    return of(CommandRegistry.standard(), args);
  }

  /** The error output is exactly one line and carries no stack trace. */
  boolean oneLineError() {
    return err.endsWith("\n") && err.indexOf('\n') == err.length() - 1
        && !err.contains("Exception") && !err.contains("at org.");
  }
}
