package org.landmarknas.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Runs {@code lmnas} ({@code org.landmarknas.cli.Main}) in a child JVM on this test's class path.
 *
 * <p>A child process, not an in-process call, because {@code Main.main} ends with {@code
 * System.exit} and because a crash inside libtorch (a SIGSEGV or abort) must fail one test with
 * its exit code and output, not take the whole test JVM down with it.
 */
final class CliProcess {

  private static final Pattern JVM_NOTICE = Pattern.compile(
      "(?m)^(NOTE: )?Picked up (JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS): .*\\R");

  /** Main class of the CLI. */
  static final String MAIN_CLASS = "org.landmarknas.cli.Main";
  /** Long enough for a cold JavaCPP cache (≈5 s to unpack libtorch) plus a tiny search. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);

  /**
   * What one CLI run left behind.
   *
   * @param exitCode the process exit code
   * @param out everything written to standard output
   * @param err everything written to standard error
   * @param elapsed wall-clock time of the child process
   */
  record Result(int exitCode, String out, String err, Duration elapsed) {

    /** The lines of standard error, without empty trailing ones. */
    List<String> errLines() {
      return err.isEmpty() ? List.of() : Arrays.asList(err.split("\\R"));
    }

    /** Exit code and both streams, for assertion messages. */
    String describe() {
      return String.format(Locale.ROOT, "exit code %d after %.1f s%n--- stdout ---%n%s"
          + "--- stderr ---%n%s", exitCode, elapsed.toMillis() / 1000.0, out, err);
    }
  }

  private CliProcess() {}

  /** {@link #run(Path, Duration, List)} with {@link #DEFAULT_TIMEOUT}. */
  static Result run(Path workDir, String... args) {
    return run(workDir, DEFAULT_TIMEOUT, List.of(args));
  }

  /** {@link #run(Path, Duration, List)} with {@link #DEFAULT_TIMEOUT}. */
  static Result run(Path workDir, List<String> args) {
    return run(workDir, DEFAULT_TIMEOUT, args);
  }

  /**
   * Runs {@code lmnas args...} in {@code workDir} (where a search without {@code --run-dir} puts
   * its {@code runs/} folder) and waits for it.
   *
   * @throws AssertionError when the process outlives {@code timeout}; it is killed first and the
   *     message carries what it printed so far
   */
  static Result run(Path workDir, Duration timeout, List<String> args) {
    return run(workDir, timeout, List.of(), args);
  }

  /**
   * {@link #run(Path, Duration, List)} with extra JVM options before the main class, e.g. {@code
   * -Dorg.bytedeco.javacpp.cachedir=DIR} for a first start on an empty cache.
   */
  static Result run(Path workDir, Duration timeout, List<String> jvmOptions, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dorg.bytedeco.javacpp.nopointergc=true");
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath());
    command.add(MAIN_CLASS);
    command.addAll(args);
    Path outFile = null;
    Path errFile = null;
    try {
      // Files, not pipes: a child that fills a pipe nobody drains would block forever.
      outFile = Files.createTempFile("lmnas-e2e-", ".out");
      errFile = Files.createTempFile("lmnas-e2e-", ".err");
      ProcessBuilder pb = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectOutput(outFile.toFile())
          .redirectError(errFile.toFile());
      Map<String, String> env = pb.environment();
      env.remove("LMNAS_DATA_DIR"); // every test names its data directory itself
      env.putIfAbsent("OMP_NUM_THREADS", "2");
      long start = System.nanoTime();
      Process process = pb.start();
      boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
      }
      Result result = new Result(process.exitValue(), read(outFile),
          withoutJvmNotices(read(errFile)),
          Duration.ofNanos(System.nanoTime() - start));
      if (!finished) {
        throw new AssertionError(String.format(Locale.ROOT, "lmnas %s: killed after %d s%n%s",
            String.join(" ", args), timeout.toSeconds(), result.describe()));
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for lmnas", e);
    } finally {
      deleteQuietly(outFile);
      deleteQuietly(errFile);
    }
  }

  /**
   * The class path to hand to the child. Surefire runs tests from a manifest-only booter jar, so
   * {@code java.class.path} may be just that jar; {@code surefire.test.class.path} is the real
   * list. Outside surefire (an IDE) {@code java.class.path} is already the real list.
   */
  static String classPath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    if (cp == null || cp.isBlank()) {
      throw new IllegalStateException("no class path to start the CLI with");
    }
    return cp;
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  /**
   * Standard error without the notice the JVM itself prints when it picks up an options variable
   * ({@code JAVA_TOOL_OPTIONS=-Dorg.bytedeco.javacpp.cachedir=DIR} points every JVM at one cache,
   * the way a first start is checked): it is not lmnas's output, and the tests count lmnas's
   * error lines.
   */
  static String withoutJvmNotices(String err) {
    return JVM_NOTICE.matcher(err).replaceAll("");
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a leftover temp file is harmless; the test result matters more
    }
  }
}
