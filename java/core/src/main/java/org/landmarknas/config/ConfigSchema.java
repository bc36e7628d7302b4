package org.landmarknas.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The table of every config key: its dotted name, value type and where a {@link RunConfig} keeps
 * it. Loading, validation messages ("allowed keys") and {@link RunConfigLoader#toYaml} all read
 * this one table, so a key added here is known everywhere at once; {@link #build(Map)} is the
 * only other place to touch.
 */
final class ConfigSchema {

  /** The value types a key can have, with the phrase used in "expected ..." messages. */
  enum ValueType {
    STRING("a string"),
    OPTIONAL_STRING("a string or null"),
    INT("an integer"),
    LONG("an integer"),
    DOUBLE("a number"),
    BOOLEAN("true or false");

    private final String expected;

    ValueType(String expected) {
      this.expected = expected;
    }

    String expected() {
      return expected;
    }
  }

  /** One key; {@code section} is empty for top-level keys. */
  record Key(String section, String name, ValueType type, Function<RunConfig, Object> read) {
    String dotted() {
      return section.isEmpty() ? name : section + "." + name;
    }
  }

  /** Section names in file order. */
  static final List<String> SECTIONS = List.of("data", "supernet", "train", "landmarks",
      "evaluate", "search");

  /** Every key in file order: top-level scalars first, then the sections. */
  static final List<Key> KEYS = List.of(
      new Key("", "name", ValueType.STRING, RunConfig::name),
      new Key("", "seed", ValueType.LONG, RunConfig::seed),
      new Key("", "space", ValueType.STRING, RunConfig::space),
      new Key("data", "dataset", ValueType.STRING, c -> c.data().dataset()),
      new Key("data", "dir", ValueType.OPTIONAL_STRING, c -> c.data().dir()),
      new Key("data", "train-limit", ValueType.INT, c -> c.data().trainLimit()),
      new Key("data", "test-limit", ValueType.INT, c -> c.data().testLimit()),
      new Key("data", "split-fraction", ValueType.DOUBLE, c -> c.data().splitFraction()),
      new Key("data", "crop-padding", ValueType.INT, c -> c.data().cropPadding()),
      new Key("data", "horizontal-flip", ValueType.BOOLEAN, c -> c.data().horizontalFlip()),
      new Key("supernet", "channels", ValueType.INT, c -> c.supernet().channels()),
      new Key("supernet", "cells", ValueType.INT, c -> c.supernet().cells()),
      new Key("supernet", "batchnorm", ValueType.STRING, c -> c.supernet().batchnorm()),
      new Key("supernet", "precision", ValueType.STRING, c -> c.supernet().precision()),
      new Key("supernet", "memory-format", ValueType.STRING, c -> c.supernet().memoryFormat()),
      new Key("train", "epochs", ValueType.INT, c -> c.train().epochs()),
      new Key("train", "batch-size", ValueType.INT, c -> c.train().batchSize()),
      new Key("train", "steps-per-epoch", ValueType.INT, c -> c.train().stepsPerEpoch()),
      new Key("train", "lr", ValueType.DOUBLE, c -> c.train().lr()),
      new Key("train", "lr-min", ValueType.DOUBLE, c -> c.train().lrMin()),
      new Key("train", "momentum", ValueType.DOUBLE, c -> c.train().momentum()),
      new Key("train", "weight-decay", ValueType.DOUBLE, c -> c.train().weightDecay()),
      new Key("train", "grad-clip", ValueType.DOUBLE, c -> c.train().gradClip()),
      new Key("train", "threads", ValueType.INT, c -> c.train().threads()),
      new Key("train", "checkpoint-every", ValueType.INT, c -> c.train().checkpointEvery()),
      new Key("train", "keep-checkpoints", ValueType.INT, c -> c.train().keepCheckpoints()),
      new Key("train", "sampling", ValueType.STRING, c -> c.train().sampling()),
      new Key("train", "device", ValueType.STRING, c -> c.train().device()),
      new Key("landmarks", "count", ValueType.INT, c -> c.landmarks().count()),
      new Key("landmarks", "file", ValueType.OPTIONAL_STRING, c -> c.landmarks().file()),
      new Key("landmarks", "ground-truth", ValueType.OPTIONAL_STRING,
          c -> c.landmarks().groundTruth()),
      new Key("landmarks", "selector", ValueType.STRING, c -> c.landmarks().selector()),
      new Key("landmarks", "tau", ValueType.INT, c -> c.landmarks().tau()),
      new Key("landmarks", "pairs", ValueType.INT, c -> c.landmarks().pairs()),
      new Key("landmarks", "pair-sampler", ValueType.STRING, c -> c.landmarks().pairSampler()),
      new Key("landmarks", "loss", ValueType.STRING, c -> c.landmarks().loss()),
      new Key("landmarks", "weighting", ValueType.STRING, c -> c.landmarks().weighting()),
      new Key("landmarks", "lambda-max", ValueType.DOUBLE, c -> c.landmarks().lambdaMax()),
      new Key("landmarks", "schedule", ValueType.STRING, c -> c.landmarks().schedule()),
      new Key("landmarks", "warmup", ValueType.INT, c -> c.landmarks().warmup()),
      new Key("landmarks", "ramp", ValueType.INT, c -> c.landmarks().ramp()),
      new Key("landmarks", "per-step", ValueType.BOOLEAN, c -> c.landmarks().perStep()),
      new Key("landmarks", "lazy", ValueType.STRING, c -> c.landmarks().lazy()),
      new Key("landmarks", "rounds", ValueType.INT, c -> c.landmarks().rounds()),
      new Key("landmarks", "per-round", ValueType.INT, c -> c.landmarks().perRound()),
      new Key("landmarks", "queue", ValueType.STRING, c -> c.landmarks().queue()),
      new Key("landmarks", "queue-protocol", ValueType.OPTIONAL_STRING,
          c -> c.landmarks().queueProtocol()),
      new Key("landmarks", "queue-poll-seconds", ValueType.DOUBLE,
          c -> c.landmarks().queuePollSeconds()),
      new Key("evaluate", "archs", ValueType.INT, c -> c.evaluate().archs()),
      new Key("evaluate", "batch-size", ValueType.INT, c -> c.evaluate().batchSize()),
      new Key("evaluate", "pool", ValueType.OPTIONAL_STRING, c -> c.evaluate().pool()),
      new Key("evaluate", "pool-size", ValueType.INT, c -> c.evaluate().poolSize()),
      new Key("evaluate", "every", ValueType.INT, c -> c.evaluate().every()),
      new Key("evaluate", "images", ValueType.INT, c -> c.evaluate().images()),
      new Key("evaluate", "bn", ValueType.STRING, c -> c.evaluate().bn()),
      new Key("evaluate", "recalibrate-batches", ValueType.INT,
          c -> c.evaluate().recalibrateBatches()),
      new Key("evaluate", "top-k", ValueType.INT, c -> c.evaluate().topK()),
      new Key("evaluate", "final-images", ValueType.INT, c -> c.evaluate().finalImages()),
      new Key("evaluate", "score-by", ValueType.STRING, c -> c.evaluate().scoreBy()),
      new Key("evaluate", "precision", ValueType.STRING, c -> c.evaluate().precision()),
      new Key("search", "strategy", ValueType.STRING, c -> c.search().strategy()),
      new Key("search", "budget", ValueType.INT, c -> c.search().budget()),
      new Key("search", "population", ValueType.INT, c -> c.search().population()),
      new Key("search", "tournament", ValueType.INT, c -> c.search().tournament()),
      new Key("search", "val-images", ValueType.INT, c -> c.search().valImages()),
      new Key("search", "top-k", ValueType.INT, c -> c.search().topK()),
      new Key("search", "policy", ValueType.STRING, c -> c.search().policy()),
      new Key("search", "gdas-warmup", ValueType.INT, c -> c.search().gdasWarmup()),
      new Key("search", "gdas-lr", ValueType.DOUBLE, c -> c.search().gdasAdam().lr()),
      new Key("search", "gdas-weight-decay", ValueType.DOUBLE,
          c -> c.search().gdasAdam().weightDecay()),
      new Key("search", "nao-warmup", ValueType.INT, c -> c.search().naoWarmup()),
      new Key("search", "nao-every", ValueType.INT, c -> c.search().naoEvery()),
      new Key("search", "nao-pool", ValueType.INT, c -> c.search().naoPool()),
      new Key("search", "nao-epochs", ValueType.INT, c -> c.search().naoEpochs()),
      new Key("search", "nao-embedding", ValueType.INT, c -> c.search().naoSize().embedding()),
      new Key("search", "nao-hidden", ValueType.INT, c -> c.search().naoSize().hidden()),
      new Key("search", "nao-mlp-layers", ValueType.INT, c -> c.search().naoSize().mlpLayers()),
      new Key("search", "nao-mlp-hidden", ValueType.INT, c -> c.search().naoSize().mlpHidden()),
      new Key("search", "nao-dropout", ValueType.DOUBLE, c -> c.search().naoSize().dropout()));

  private ConfigSchema() {}

  static boolean isSection(String name) {
    return SECTIONS.contains(name);
  }

  static Optional<Key> find(String dotted) {
    for (Key k : KEYS) {
      if (k.dotted().equals(dotted)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  /** Keys of one section ({@code ""} = top level, where the section names count as keys). */
  static List<String> allowedIn(String section) {
    List<String> names = new ArrayList<>();
    for (Key k : KEYS) {
      if (k.section().equals(section)) {
        names.add(k.name());
      }
    }
    if (section.isEmpty()) {
      names.addAll(SECTIONS);
    }
    return names;
  }

  /** "allowed: a, b, c" or "allowed in train: ..." for messages. */
  static String allowedPhrase(String section) {
    return (section.isEmpty() ? "allowed: " : "allowed in " + section + ": ")
        + String.join(", ", allowedIn(section));
  }

  /**
   * Builds the record from one value per dotted key, typed as {@link ValueType} says (Integer,
   * Long, Double, Boolean, String or null). The section constructors validate.
   */
  static RunConfig build(Map<String, Object> v) {
    return new RunConfig((String) v.get("name"), (Long) v.get("seed"), (String) v.get("space"),
        data(v), supernet(v), train(v), landmarks(v), evaluate(v), search(v));
  }

  private static DataConfig data(Map<String, Object> v) {
    return new DataConfig(
        (String) v.get("data.dataset"),
        (String) v.get("data.dir"),
        (Integer) v.get("data.train-limit"),
        (Integer) v.get("data.test-limit"),
        (Double) v.get("data.split-fraction"),
        (Integer) v.get("data.crop-padding"),
        (Boolean) v.get("data.horizontal-flip"));
  }

  private static SupernetConfig supernet(Map<String, Object> v) {
    return new SupernetConfig(
        (Integer) v.get("supernet.channels"),
        (Integer) v.get("supernet.cells"),
        (String) v.get("supernet.batchnorm"),
        (String) v.get("supernet.precision"),
        (String) v.get("supernet.memory-format"));
  }

  private static TrainConfig train(Map<String, Object> v) {
    return new TrainConfig(
        (Integer) v.get("train.epochs"),
        (Integer) v.get("train.batch-size"),
        (Integer) v.get("train.steps-per-epoch"),
        (Double) v.get("train.lr"),
        (Double) v.get("train.lr-min"),
        (Double) v.get("train.momentum"),
        (Double) v.get("train.weight-decay"),
        (Double) v.get("train.grad-clip"),
        (Integer) v.get("train.threads"),
        (Integer) v.get("train.checkpoint-every"),
        (Integer) v.get("train.keep-checkpoints"),
        (String) v.get("train.sampling"),
        (String) v.get("train.device"));
  }

  private static LandmarksConfig landmarks(Map<String, Object> v) {
    return new LandmarksConfig(
        (Integer) v.get("landmarks.count"),
        (String) v.get("landmarks.file"),
        (String) v.get("landmarks.ground-truth"),
        (String) v.get("landmarks.selector"),
        (Integer) v.get("landmarks.tau"),
        (Integer) v.get("landmarks.pairs"),
        (String) v.get("landmarks.pair-sampler"),
        (String) v.get("landmarks.loss"),
        (String) v.get("landmarks.weighting"),
        (Double) v.get("landmarks.lambda-max"),
        (String) v.get("landmarks.schedule"),
        (Integer) v.get("landmarks.warmup"),
        (Integer) v.get("landmarks.ramp"),
        (Boolean) v.get("landmarks.per-step"),
        (String) v.get("landmarks.lazy"),
        (Integer) v.get("landmarks.rounds"),
        (Integer) v.get("landmarks.per-round"),
        (String) v.get("landmarks.queue"),
        (String) v.get("landmarks.queue-protocol"),
        (Double) v.get("landmarks.queue-poll-seconds"));
  }

  private static EvaluateConfig evaluate(Map<String, Object> v) {
    return new EvaluateConfig(
        (Integer) v.get("evaluate.archs"),
        (Integer) v.get("evaluate.batch-size"),
        (String) v.get("evaluate.pool"),
        (Integer) v.get("evaluate.pool-size"),
        (Integer) v.get("evaluate.every"),
        (Integer) v.get("evaluate.images"),
        (String) v.get("evaluate.bn"),
        (Integer) v.get("evaluate.recalibrate-batches"),
        (Integer) v.get("evaluate.top-k"),
        (Integer) v.get("evaluate.final-images"),
        (String) v.get("evaluate.score-by"),
        (String) v.get("evaluate.precision"));
  }

  private static SearchConfig search(Map<String, Object> v) {
    return new SearchConfig(
        (String) v.get("search.strategy"),
        (Integer) v.get("search.budget"),
        (Integer) v.get("search.population"),
        (Integer) v.get("search.tournament"),
        (Integer) v.get("search.val-images"),
        (Integer) v.get("search.top-k"),
        (String) v.get("search.policy"),
        (Integer) v.get("search.gdas-warmup"),
        (Integer) v.get("search.nao-warmup"),
        (Integer) v.get("search.nao-every"),
        (Integer) v.get("search.nao-pool"),
        (Integer) v.get("search.nao-epochs"),
        new NaoSize(
            (Integer) v.get("search.nao-embedding"),
            (Integer) v.get("search.nao-hidden"),
            (Integer) v.get("search.nao-mlp-layers"),
            (Integer) v.get("search.nao-mlp-hidden"),
            (Double) v.get("search.nao-dropout")),
        new ArchitectAdam(
            (Double) v.get("search.gdas-lr"),
            (Double) v.get("search.gdas-weight-decay")));
  }
}
