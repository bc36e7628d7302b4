package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.TestData;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/** The trainer asks its {@link SamplingPolicy} for each step's path and tells it what is done. */
final class EpochTrainerTest {

  /** A uniform policy that writes down every call the trainer makes. */
  private static final class RecordingPolicy implements SamplingPolicy<Nb201Arch> {
    final List<String> calls = new ArrayList<>();
    private final UniformSampling<Nb201Arch> uniform = new UniformSampling<>(Nb201Space.INSTANCE);

    @Override
    public Nb201Arch path(int epoch, int step, SplittableRandom rng) {
      calls.add("path " + epoch + "/" + step);
      return uniform.path(epoch, step, rng);
    }

    @Override
    public String name() {
      return "recording";
    }

    @Override
    public void afterStep(int epoch, int step) {
      calls.add("afterStep " + epoch + "/" + step);
    }

    @Override
    public void afterEpoch(int epoch) {
      calls.add("afterEpoch " + epoch);
    }
  }

  @Test
  void policy_givesEachStepsPath_andHearsEachStepAndEpochEnd() {
    TestData.fashionMnist();
    RunConfig config = RunConfigLoader.fromDefaults(List.of("data.train-limit=256",
        "data.test-limit=64", "supernet.channels=4", "train.epochs=2",
        "train.steps-per-epoch=2", "train.batch-size=8", "train.threads=1"));
    Libtorch.load();
    RunSeeds seeds = RunSeeds.of(3);
    SearchSession<Nb201Arch> session = SearchSession.forTraining(SupernetSpace.NB201, config,
        seeds);
    RecordingPolicy policy = new RecordingPolicy();
    EpochTrainer<Nb201Arch> trainer = new EpochTrainer<>(session,
        new SposStep<>(session.net(), config.train()), config.train(), config.landmarks(),
        policy, seeds.epochs(), new PrintStream(OutputStream.nullOutputStream()), 0,
        SearchHooks.none());

    EpochStats first = trainer.train(0, Optional.empty(), "none");
    trainer.train(1, Optional.empty(), "none");

    assertEquals(List.of("path 0/0", "afterStep 0/0", "path 0/1", "afterStep 0/1",
        "afterEpoch 0", "path 1/0", "afterStep 1/0", "path 1/1", "afterStep 1/1",
        "afterEpoch 1"), policy.calls);
    assertEquals(1, first.epoch());
    assertEquals(2, first.steps());
    assertEquals(4, trainer.steps());
  }
}
