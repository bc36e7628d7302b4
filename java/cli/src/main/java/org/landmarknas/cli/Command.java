package org.landmarknas.cli;

import java.io.PrintStream;

/**
 * One {@code lmnas} command, e.g. {@code search}. {@link Main} finds it by {@link #name()} in the
 * {@link CommandRegistry} and hands it the arguments after the command name.
 *
 * <p>Contract: {@code -h}/{@code --help} prints usage to {@code out} and returns 0;
 * {@code --verbose} is accepted (Main uses it to decide on stack traces). Bad usage or input is
 * reported by throwing {@link org.apache.commons.cli.ParseException} or {@link
 * IllegalArgumentException} with a one-line message; Main prints it and exits with 2. Any other
 * exception exits with 1.
 */
public interface Command {

  /** The name typed after {@code lmnas}. */
  String name();

  /** One line for the command list of {@code lmnas --help}. */
  String summary();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command name
   * @param out results and progress
   * @param err diagnostics
   * @return the exit code (0 on success)
   * @throws Exception see the interface description for how Main maps exceptions to exit codes
   */
  int run(String[] args, PrintStream out, PrintStream err) throws Exception;
}
