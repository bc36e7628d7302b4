package org.landmarknas.report;

import java.util.OptionalDouble;

/**
 * What a run cost, in seconds, as its {@code result.json} reports it: training time, CPU time of
 * the process (all threads) and wall-clock time from start to finish. Each is empty when the run
 * did not record it.
 */
public record RunCost(OptionalDouble trainSeconds, OptionalDouble cpuSeconds,
    OptionalDouble wallSeconds) {

  private static final double SECONDS_PER_HOUR = 3600;

  /** Rejects null parts (use empty optionals). */
  public RunCost {
    if (trainSeconds == null || cpuSeconds == null || wallSeconds == null) {
      throw new IllegalArgumentException("RunCost parts must not be null (use empty)");
    }
  }

  /** CPU time in hours, {@code cpu_seconds / 3600}. */
  public OptionalDouble cpuHours() {
    return cpuSeconds.isPresent()
        ? OptionalDouble.of(cpuSeconds.getAsDouble() / SECONDS_PER_HOUR) : OptionalDouble.empty();
  }
}
