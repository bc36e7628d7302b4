/**
 * End-to-end tests of the {@code lmnas} command line on real Fashion-MNIST.
 *
 * <p>Every test starts the CLI as a child JVM through {@link org.landmarknas.e2e.CliProcess}, on
 * the test class path, with a timeout, and checks its exit code, its output and the files it
 * wrote. Searches use {@link org.landmarknas.e2e.TinySearch} (a few seconds each) and read the
 * run directory with {@link org.landmarknas.e2e.RunFiles}.
 *
 * <ul>
 *   <li>{@link org.landmarknas.e2e.HelpTest}: {@code --help} at each level;
 *   <li>{@link org.landmarknas.e2e.UsageErrorTest}: bad config keys, options, architecture
 *       strings and data directories give exit code 2 and one line naming the problem;
 *   <li>{@link org.landmarknas.e2e.SpaceCliTest}: {@code lmnas space} against the library;
 *   <li>{@link org.landmarknas.e2e.SearchRunTest}: a whole search and its run directory;
 *   <li>{@link org.landmarknas.e2e.DeterminismTest}: same seed, same numbers.
 * </ul>
 */
package org.landmarknas.e2e;
