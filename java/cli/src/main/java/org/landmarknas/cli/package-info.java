/**
 * The {@code lmnas} command line: argument parsing, messages and exit codes, no search logic.
 *
 * <p>{@link org.landmarknas.cli.Main} looks the command up in a {@link
 * org.landmarknas.cli.CommandRegistry} (explicit, by name) and runs it. A command implements
 * {@link org.landmarknas.cli.Command}; to add one, write the class and register it in {@link
 * org.landmarknas.cli.CommandRegistry#standard()}. Commands report bad input by throwing
 * {@code IllegalArgumentException} (or commons-cli's {@code ParseException}); Main turns that into
 * one line {@code lmnas <command>: error: <message>} and exit code 2, other failures into exit
 * code 1, and prints stack traces only with {@code --verbose}.
 *
 * <p>Commands: {@code search} (train a super-net as a config file says, with or without
 * landmarks, then search on it), {@code evaluate} (rank a saved super-net's pool), {@code report}
 * (plots and tables from run directories), {@code standalone} (train architectures from
 * scratch, directly or through the results store's queue), {@code groundtruth} (import a
 * published table) and {@code space} (inspect NAS-Bench-201: info,
 * sample, mutate, distance, canonical).
 */
package org.landmarknas.cli;
