package org.landmarknas.torch;

import org.landmarknas.config.RunConfig;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.run.EpochStreams;

/** The {@link SamplingPolicy} a config's {@code search.policy} names, built for its session. */
final class SamplingPolicies {
  private SamplingPolicies() {}

  /**
   * SPOS's uniform paths (over op assignments or over classes), or GDAS over an NB201 super-net (the config checks the space).
   *
   * @param streams the run's per-epoch streams (GDAS's architect draws from them)
   */
  @SuppressWarnings("unchecked") // gdas is checked to run on the NB201 super-net
  static <A> SamplingPolicy<A> create(RunConfig config, SearchSession<A> session,
      EpochStreams streams) {
    if (!config.search().gdas()) {
      return config.train().sampling().equals(TrainConfig.SAMPLING_CLASSES)
          ? new ClassUniformSampling<>(session.space())
          : new UniformSampling<>(session.space());
    }
    if (!(session.net() instanceof Nb201Network net)) {
      throw new IllegalArgumentException("search.policy gdas needs the nb201 super-net");
    }
    GdasAlpha alpha = new GdasAlpha();
    GdasArchitect architect = new GdasArchitect(net, alpha, session.trainBatches(),
        session.split().rank(), config.train().batchSize(), streams);
    return (SamplingPolicy<A>) new GdasPolicy(net, alpha, architect,
        new GdasTemperature(config.search().gdasWarmup(), config.train().epochs()));
  }
}
