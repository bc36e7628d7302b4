package org.landmarknas.schedule;

/**
 * The landmark regulariser's weight λ as a function of the training epoch. Create one with
 * {@link LambdaSchedules#create}.
 */
@FunctionalInterface
public interface LambdaSchedule {

  /**
   * λ at {@code epoch}, a 0-based epoch index that may be fractional ({@code e + step/steps})
   * when λ is updated per step.
   */
  double at(double epoch);
}
