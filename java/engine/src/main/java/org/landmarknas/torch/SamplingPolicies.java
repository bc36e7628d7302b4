package org.landmarknas.torch;

import java.io.PrintStream;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.SearchConfig;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.run.EpochStreams;

/** The {@link SamplingPolicy} a config's {@code search.policy} names, built for its session. */
final class SamplingPolicies {
  private SamplingPolicies() {}

  /**
   * SPOS's uniform paths (over op assignments or over classes), GDAS over a super-net that can
   * run it (NB201; DARTS shared per edge: the config checks the space, {@link
   * DartsSupernetSpace} picks the sharing), or NAO.
   *
   * @param streams the run's per-epoch streams (GDAS's architect and NAO's controller points
   *     draw from them)
   * @param progress where NAO reports its controller points
   */
  @SuppressWarnings("unchecked") // a GdasSupernet<?> of a SearchSession<A> is one of A
  static <A> SamplingPolicy<A> create(RunConfig config, SearchSession<A> session,
      EpochStreams streams, PrintStream progress) {
    SearchConfig search = config.search();
    if (search.nao()) {
      return new NaoPolicy<>(session.space(), session.valScorer(),
          Math.min(search.valImages(), config.evaluate().batchSize()),
          new NaoSchedule(search.naoWarmup(), search.naoEvery(), config.train().epochs()),
          search.naoPool(), search.naoEpochs(), search.naoSize(), streams, progress);
    }
    if (!search.gdas()) {
      return config.train().sampling().equals(TrainConfig.SAMPLING_CLASSES)
          ? new ClassUniformSampling<>(session.space())
          : new UniformSampling<>(session.space());
    }
    if (!(session.net() instanceof GdasSupernet<?> gdasNet)) {
      throw new IllegalArgumentException("search.policy gdas needs the nb201 or darts super-net");
    }
    GdasSupernet<A> net = (GdasSupernet<A>) gdasNet;
    GdasAlpha<A> alpha = new GdasAlpha<>(net.gdasCoding(), search.gdasAdam());
    GdasArchitect<A> architect = new GdasArchitect<>(net, alpha, session.trainBatches(),
        session.split().rank(), config.train().batchSize(), streams);
    return new GdasPolicy<>(net, session.space(), alpha, architect,
        new GdasTemperature(config.search().gdasWarmup(), config.train().epochs()));
  }
}
