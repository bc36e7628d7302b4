package org.landmarknas.torch;

import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * A run's cost in time: wall-clock and CPU seconds since it started in this process, plus what
 * the earlier processes of a resumed run spent. CPU time is the process's (an experiment runs
 * several searches in one JVM), so a run's share is the difference from its own start.
 */
final class RunClock {
  private final Instant started = Instant.now();
  private final long wallStart = System.nanoTime();
  private final double cpuStart = processCpuSeconds();
  private double priorWallSeconds;
  private double priorCpuSeconds;

  /** When this process started the run. */
  Instant started() {
    return started;
  }

  /** Adds the cost of the earlier processes of a resumed run. */
  void addPrior(double wallSeconds, double cpuSeconds) {
    priorWallSeconds += wallSeconds;
    priorCpuSeconds += cpuSeconds;
  }

  double wallSeconds() {
    return priorWallSeconds + (System.nanoTime() - wallStart) / 1e9;
  }

  /** NaN where the JVM cannot measure process CPU time. */
  double cpuSeconds() {
    return priorCpuSeconds + processCpuSeconds() - cpuStart;
  }

  private static double processCpuSeconds() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }
}
