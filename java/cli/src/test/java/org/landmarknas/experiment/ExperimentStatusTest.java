package org.landmarknas.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.landmarknas.config.ExperimentConfig;

/** The run-hours estimate of {@code --status}, by hand. */
final class ExperimentStatusTest {
  private static final ExperimentConfig.Arm A = arm("a");
  private static final ExperimentConfig.Arm B = arm("b");

  @Test
  void hoursLeft_eachArmAtItsFinishedMean_scaledByEpochsNotSaved() {
    List<ExperimentStatus.RunStatus> runs = List.of(
        finished(A, 2.0), finished(A, 4.0),
        open(A, ExperimentStatus.State.STARTED, 12),      // 3 h x 36/48
        open(B, ExperimentStatus.State.NOT_STARTED, 0));  // no b finished: all runs' 3 h
    assertEquals(3.0 * 0.75 + 3.0, ExperimentStatus.hoursLeft(runs).getAsDouble(), 1e-12);
  }

  @Test
  void hoursLeft_emptyWithoutAFinishedRun_orWithNothingLeft() {
    assertTrue(ExperimentStatus.hoursLeft(List.of(open(A, ExperimentStatus.State.STARTED, 5)))
        .isEmpty());
    assertTrue(ExperimentStatus.hoursLeft(List.of(finished(A, 1.0))).isEmpty());
  }

  private static ExperimentConfig.Arm arm(String name) {
    return new ExperimentConfig.Arm(name, Path.of(name + ".yaml"), List.of(), List.of(1L));
  }

  private static ExperimentStatus.RunStatus finished(ExperimentConfig.Arm arm, double wall) {
    return new ExperimentStatus.RunStatus(new ExperimentConfig.Run(arm, 1), Path.of("r"),
        ExperimentStatus.State.FINISHED, 48, 48, Optional.empty(), OptionalDouble.of(wall),
        OptionalDouble.of(wall / 2));
  }

  private static ExperimentStatus.RunStatus open(ExperimentConfig.Arm arm,
      ExperimentStatus.State state, int saved) {
    return new ExperimentStatus.RunStatus(new ExperimentConfig.Run(arm, 1), Path.of("r"),
        state, saved, 48, Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty());
  }
}
