package org.landmarknas.torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Resident-memory check of SPOS training: runs 2000 {@link SposWorkload} steps (batch assembly
 * included, each step in its own scope) and prints the process's resident set size ({@code VmRSS}
 * of {@code /proc/self/status}) and the step rate every 200 steps. A tensor that escapes its
 * step's scope costs at least a batch of activations per step, so it shows as steady RSS growth.
 * The allocator and the JIT settle during the first few hundred steps; the check therefore
 * compares step 400 with the last step and fails (exit status 1) when RSS grew by more than 15%.
 *
 * <p>Run with the garbage collector kept out of native memory, so only scopes free tensors:
 *
 * <pre>
 * java -Dorg.bytedeco.javacpp.nopointergc=true -Xmx4g \
 *     -cp benchmarks/target/benchmarks.jar org.landmarknas.torch.SposMemoryCheck [steps]
 * </pre>
 *
 * <p>{@code steps} (default 2000) must be a multiple of 200 and at least 600. Linux only.
 */
public final class SposMemoryCheck {
  /** Steps between two reports. */
  static final int REPORT_EVERY = 200;
  /** The step whose RSS is the baseline, after allocator and JIT warm-up. */
  static final int BASELINE_STEP = 400;
  /** Largest tolerated RSS growth from {@link #BASELINE_STEP} to the last step. */
  static final double MAX_GROWTH = 0.15;
  private static final int DEFAULT_STEPS = 2000;
  private static final Path STATUS = Path.of("/proc/self/status");

  private SposMemoryCheck() {}

  /** Runs the check; exit status 0 = passed, 1 = RSS grew too much, 2 = bad arguments. */
  public static void main(String[] args) {
    int steps = DEFAULT_STEPS;
    if (args.length > 1 || (args.length == 1 && !args[0].matches("\\d{1,7}"))) {
      usage("expected at most one argument, the number of steps, got " + String.join(" ", args));
    }
    if (args.length == 1) {
      steps = Integer.parseInt(args[0]);
    }
    if (steps < BASELINE_STEP + REPORT_EVERY || steps % REPORT_EVERY != 0) {
      usage(String.format(Locale.ROOT, "steps must be a multiple of %d and at least %d, got %d",
          REPORT_EVERY, BASELINE_STEP + REPORT_EVERY, steps));
    }
    System.exit(run(steps) ? 0 : 1);
  }

  private static void usage(String problem) {
    System.err.println("SposMemoryCheck: " + problem);
    System.err.println("usage: java -Dorg.bytedeco.javacpp.nopointergc=true -cp benchmarks.jar"
        + " org.landmarknas.torch.SposMemoryCheck [steps]");
    System.exit(2);
  }

  private static boolean run(int steps) {
    if (!Boolean.getBoolean("org.bytedeco.javacpp.nopointergc")) {
      System.out.println("warning: -Dorg.bytedeco.javacpp.nopointergc=true is not set; the"
          + " garbage collector may hide tensors that escape their scope");
    }
    SposWorkload workload = SposWorkload.create(BatchNormMode.BATCH, 0);
    System.out.printf(Locale.ROOT, "SPOS memory check: %d steps, batch %d, C=%d, N=%d, %d threads,"
            + " libtorch %s%n", steps, SposWorkload.BATCH, SposWorkload.CHANNELS,
        SposWorkload.CELLS, SposWorkload.THREADS, TorchInfo.libtorchVersion());
    long startRss = residentKiB();
    System.out.printf(Locale.ROOT, "step %5d  rss %8.1f MiB%n", 0, startRss / 1024.0);
    long baselineRss = 0;
    long lastRss = 0;
    long windowStart = System.nanoTime();
    long afterBaseline = 0;
    double lossSum = 0;
    for (int s = 1; s <= steps; s++) {
      lossSum += workload.trainStep().loss();
      if (s % REPORT_EVERY == 0) {
        long now = System.nanoTime();
        lastRss = residentKiB();
        System.out.printf(Locale.ROOT, "step %5d  rss %8.1f MiB  %6.2f steps/s  mean loss %.4f%n",
            s, lastRss / 1024.0, REPORT_EVERY / ((now - windowStart) / 1e9),
            lossSum / REPORT_EVERY);
        lossSum = 0;
        windowStart = now;
        if (s == BASELINE_STEP) {
          baselineRss = lastRss;
          afterBaseline = now;
        }
      }
    }
    double rate = (steps - BASELINE_STEP) / ((System.nanoTime() - afterBaseline) / 1e9);
    double growth = growth(baselineRss, lastRss);
    boolean passed = growth <= MAX_GROWTH;
    System.out.printf(Locale.ROOT, "steps %d..%d: %.2f steps/s%n", BASELINE_STEP, steps, rate);
    System.out.printf(Locale.ROOT, "rss step %d -> %d: %.1f -> %.1f MiB (%+.1f%%, limit +%.0f%%):"
            + " %s%n", BASELINE_STEP, steps, baselineRss / 1024.0, lastRss / 1024.0,
        100 * growth, 100 * MAX_GROWTH, passed ? "PASS" : "FAIL");
    return passed;
  }

  /** Relative growth from {@code before} to {@code after}, e.g. 0.1 for 10% more. */
  static double growth(long before, long after) {
    if (before <= 0) {
      throw new IllegalArgumentException("baseline RSS must be positive, got " + before);
    }
    return (double) (after - before) / before;
  }

  /** This process's resident set size in KiB. */
  static long residentKiB() {
    try {
      return vmRssKiB(Files.readAllLines(STATUS));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + STATUS + " (the check needs Linux)", e);
    }
  }

  /**
   * The {@code VmRSS} value of {@code /proc/<pid>/status} lines, e.g. {@code "VmRSS:  1234 kB"}.
   *
   * @throws IllegalArgumentException if no line is a {@code VmRSS} line in kB
   */
  static long vmRssKiB(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmRSS:")) {
        String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB") && parts[0].matches("\\d{1,18}")) {
          return Long.parseLong(parts[0]);
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: expected \"VmRSS: <n> kB\", got \"%s\"", STATUS, line));
      }
    }
    throw new IllegalArgumentException(STATUS + ": no VmRSS line");
  }
}
