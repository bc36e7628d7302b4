package org.landmarknas.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Landmark regularization (Yu, Ranftl, Salzmann, CVPR 2021). With {@code count: 0} and no file
 * the run is plain SPOS.
 *
 * <ul>
 *   <li>{@code count}: M landmarks selected from {@code ground-truth} (>= 0; 1 is rejected, a
 *       ranking needs two);
 *   <li>{@code file}: CSV {@code arch,score} of landmarks to use as given (overrides count);
 *   <li>{@code ground-truth}: stand-alone scores to select landmarks from (CSV or NB201 table);
 *       null = {@code evaluate.pool};
 *   <li>{@code selector}: random | diverse | diverse-strict; {@code tau}: Hamming threshold of
 *       the diverse selectors (0..5);
 *   <li>{@code pairs}: m pairs per step; {@code pair-sampler}: uniform | all | adjacent |
 *       reference;
 *   <li>{@code loss}: hinge | margin-hinge:MARGIN | softplus[:BETA]; {@code weighting}: none |
 *       score-gap;
 *   <li>{@code lambda-max}, {@code schedule} (constant, linear-increase, linear-decrease,
 *       cosine-increase, cosine-decrease, step-increase, step-decrease, reference-cosine),
 *       {@code warmup} W epochs, {@code ramp} epochs, {@code per-step} (λ at fractional epochs);
 *   <li>{@code lazy}: graph (forward with graph, skip backward when no pair is active) | nograd
 *       (probe without graph first) | off (always backward);
 *   <li>{@code rounds}: T rounds of the multi-round pipeline (1 = landmarks fixed for the run);
 *       after each round but the last, the super-net's top architectures that are not landmarks
 *       yet and whose stand-alone score is known join the landmarks ({@code per-round} of them);
 *   <li>{@code queue}: none (new landmarks only from {@code ground-truth}) | wait | continue: the
 *       top {@code per-round} architectures of a round whose score is not known are enqueued for
 *       stand-alone training under {@code queue-protocol} (seed 0) in the results store that
 *       {@code lmnas search --store} names; the run waits for their scores (wait) or trains on
 *       and adds each landmark when its score arrives (continue). {@code lmnas standalone
 *       worker} processes with that protocol's options train them;
 *   <li>{@code queue-protocol}: the stand-alone protocol's name (as {@code lmnas standalone
 *       status} prints it for the workers' options); {@code queue-poll-seconds}: how often the
 *       store is asked for new scores (> 0).
 * </ul>
 */
public record LandmarksConfig(int count, String file, String groundTruth, String selector,
    int tau, int pairs, String pairSampler, String loss, String weighting, double lambdaMax,
    String schedule, int warmup, int ramp, boolean perStep, String lazy, int rounds,
    int perRound, String queue, String queueProtocol, double queuePollSeconds) {

  public static final List<String> SELECTORS = List.of("random", "diverse", "diverse-strict");
  public static final List<String> PAIR_SAMPLERS = List.of("uniform", "all", "adjacent",
      "reference");
  public static final List<String> WEIGHTINGS = List.of("none", "score-gap");
  public static final List<String> SCHEDULES = List.of("constant", "linear-increase",
      "linear-decrease", "cosine-increase", "cosine-decrease", "step-increase", "step-decrease",
      "reference-cosine");
  public static final List<String> LAZY_MODES = List.of("graph", "nograd", "off");
  /** {@code queue}: no training of new landmarks, or wait for it, or train on meanwhile. */
  public static final List<String> QUEUE_MODES = List.of("none", "wait", "continue");
  /** The grammar of a stand-alone protocol name (as {@code StandaloneProtocol} checks it). */
  private static final Pattern PROTOCOL_NAME =
      Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public LandmarksConfig {
    KeyCheck.atLeast("landmarks.count", count, 0);
    if (count == 1) {
      throw KeyCheck.outOfRange("landmarks.count", count, "0 (off) or >= 2");
    }
    // The space's own bounds on count and tau are checked by RunConfig, which knows the space.
    if (file != null && file.isBlank()) {
      throw new ConfigException("landmarks.file", "is blank (allowed: a file path, or null)");
    }
    if (groundTruth != null && groundTruth.isBlank()) {
      throw new ConfigException("landmarks.ground-truth",
          "is blank (allowed: a file path, or null)");
    }
    KeyCheck.oneOf("landmarks.selector", selector, SELECTORS);
    KeyCheck.atLeast("landmarks.tau", tau, 0);
    KeyCheck.atLeast("landmarks.pairs", pairs, 1);
    KeyCheck.oneOf("landmarks.pair-sampler", pairSampler, PAIR_SAMPLERS);
    checkLoss(loss);
    KeyCheck.oneOf("landmarks.weighting", weighting, WEIGHTINGS);
    KeyCheck.nonNegative("landmarks.lambda-max", lambdaMax);
    KeyCheck.oneOf("landmarks.schedule", schedule, SCHEDULES);
    KeyCheck.atLeast("landmarks.warmup", warmup, 0);
    KeyCheck.atLeast("landmarks.ramp", ramp, 0);
    KeyCheck.oneOf("landmarks.lazy", lazy, LAZY_MODES);
    KeyCheck.atLeast("landmarks.rounds", rounds, 1);
    KeyCheck.atLeast("landmarks.per-round", perRound, 1);
    KeyCheck.oneOf("landmarks.queue", queue, QUEUE_MODES);
    checkQueue(queue, queueProtocol);
    KeyCheck.positive("landmarks.queue-poll-seconds", queuePollSeconds);
  }

  private static void checkQueue(String queue, String protocol) {
    if (protocol != null) {
      KeyCheck.matches("landmarks.queue-protocol", protocol, PROTOCOL_NAME,
          "a stand-alone protocol name: 1-64 letters, digits, '.', '_' or '-', or null");
    }
    if (!queue.equals("none") && protocol == null) {
      throw new ConfigException("landmarks.queue-protocol", "is null, but landmarks.queue is "
          + queue + " (allowed: the name of the stand-alone protocol the workers train, e.g."
          + " fmnist-c16n1-e4)");
    }
  }

  /** True when a round enqueues the stand-alone training of new landmarks. */
  public boolean queued() {
    return !queue.equals("none");
  }

  // The grammar and ranges of RankingLosses.parse, checked here so that a bad parameter fails
  // when the config is read, not when training reaches the loss (LandmarksConfigTest checks
  // that both accept the same ids).
  private static final Pattern LOSS = Pattern.compile(
      "(hinge|softplus)|(margin-hinge|softplus):(-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?)");

  private static void checkLoss(String loss) {
    Matcher m = loss == null ? null : LOSS.matcher(loss.strip());
    boolean ok = m != null && m.matches();
    if (ok && m.group(3) != null) {
      double p = Double.parseDouble(m.group(3));
      ok = Double.isFinite(p) && (m.group(2).equals("margin-hinge") ? p >= 0 : p > 0);
    }
    if (!ok) {
      throw new ConfigException("landmarks.loss", KeyCheck.quote(loss) + " is not allowed"
          + " (allowed: hinge, margin-hinge:MARGIN with MARGIN >= 0, softplus, softplus:BETA"
          + " with BETA > 0)");
    }
  }

  public static LandmarksConfig defaults() {
    return new LandmarksConfig(0, null, null, "random", 3, 1, "uniform", "hinge", "none", 10.0,
        "cosine-increase", 0, 0, false, "graph", 1, 10, "none", null, 10.0);
  }

  /** True when the run uses landmarks at all. */
  public boolean enabled() {
    return count > 0 || file != null;
  }

  public Optional<Path> filePath() {
    return file == null ? Optional.empty() : Optional.of(Path.of(file));
  }

  public Optional<Path> groundTruthPath() {
    return groundTruth == null ? Optional.empty() : Optional.of(Path.of(groundTruth));
  }
}
