package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.HdrHistogram.Histogram;
import org.bytedeco.javacpp.PointerScope;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.bench.GroundTruth;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.config.LandmarksConfig;
import org.landmarknas.landmark.LandmarkSelection;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.landmark.PairSampler;
import org.landmarknas.landmark.PairSamplers;
import org.landmarknas.landmark.PairWeights;
import org.landmarknas.landmark.RankingLosses;
import org.landmarknas.schedule.LambdaSchedule;
import org.landmarknas.schedule.LambdaSchedules;
import org.landmarknas.config.RunConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.config.SearchConfig;
import org.landmarknas.config.TrainConfig;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.BatchOrder;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.DataSplit;
import org.landmarknas.data.ImageData;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.metric.KendallTau;
import org.landmarknas.metric.RankingReport;
import org.landmarknas.run.AtomicFile;
import org.landmarknas.run.Checkpoints;
import org.landmarknas.run.EpochStreams;
import org.landmarknas.run.MetricsLog;
import org.landmarknas.run.ProgressLine;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.schedule.CosineLr;
import org.landmarknas.search.AgingEvolution;
import org.landmarknas.search.ArchFitness;
import org.landmarknas.search.ArchScore;
import org.landmarknas.search.Evaluated;
import org.landmarknas.search.RandomSearch;
import org.landmarknas.search.SearchResult;
import org.landmarknas.search.SearchStrategy;
import org.landmarknas.search.SposEvolution;
import org.landmarknas.search.TableSearch;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * A whole SPOS search run: load and split the data, build the super-net, train it with uniform
 * single-path sampling (one {@link PointerScope} per step), log one metrics line per epoch (with
 * the ranking of the evaluation pool against its ground truth when one is configured), save the
 * weights, score a handful of sampled architectures on the test split, run the configured search
 * strategy on validation images of the rank half, and write {@code result.json}.
 *
 * <p>Randomness: one root seed, split into independent streams for the data split, weight init,
 * architecture sampling, data order/augmentation, the evaluated sample, the pool and the search,
 * so changing one part (e.g. the number of evaluated architectures) leaves the others unchanged.
 */
public final class SupernetSearch {
  /** The trained super-net's weights inside a run directory. */
  public static final String WEIGHTS_FILE = "supernet.pt";
  /** The evaluation pool of a run with its ground truth ({@code arch,score}). */
  public static final String POOL_FILE = "pool.csv";

  /** The landmarks of a run with their stand-alone scores ({@code arch,score}). */
  public static final String LANDMARKS_FILE = "landmarks.csv";

  private SupernetSearch() {}

  /** A new run in {@code dir} (which holds only its config). */
  public static SearchOutcome run(RunConfig config, RunDirectory dir, PrintStream progress) {
    return run(config, dir, progress, false);
  }

  /**
   * A run in {@code dir}; with {@code resume}, continues from the newest intact checkpoint there
   * (or starts over when there is none), and ends exactly as the uninterrupted run would.
   */
  public static SearchOutcome run(RunConfig config, RunDirectory dir, PrintStream progress,
      boolean resume) {
    Instant started = Instant.now();
    long wallStart = System.nanoTime();
    // Process CPU time counts every run of this JVM (an experiment runs several in one), so a
    // run's cost is the difference from its own start.
    double cpuStart = cpuSeconds();
    TrainConfig train = config.train();
    EvaluateConfig eval = config.evaluate();
    Libtorch.load();
    set_num_threads(train.threads());
    SplittableRandom root = new SplittableRandom(config.seed());
    long splitSeed = root.nextLong(); // == splitSeed(config.seed()), which evaluate relies on
    long initSeed = root.nextLong();
    SplittableRandom poolRng = root.split();
    SplittableRandom landmarkRng = root.split();
    EpochStreams streams = new EpochStreams(root.nextLong());

    // Inputs that can be wrong are read before any training.
    Optional<GroundTruth> truth = eval.poolPath().map(GroundTruth::load);
    LandmarksConfig lc = config.landmarks();
    Optional<GroundTruth> landmarkTruth = lc.groundTruthPath().isPresent()
        ? lc.groundTruthPath().map(GroundTruth::load) : truth;
    LandmarkSet initialLandmarks = LandmarkSelection.initial(lc, landmarkTruth, landmarkRng);
    Optional<EvaluationPool> pool = truth.map(t -> EvaluationPool.draw(t, eval.poolSize(),
        poolRng, initialLandmarks.excluded()));
    // The data is the last input that can be wrong (a missing directory): read before anything
    // is written, so a run that fails on its input leaves its directory empty.
    ImageDataset dataset = loadData(config);
    pool.ifPresent(p -> writePool(dir, p));
    ImageData trainData = dataset.train();
    ImageData testData = dataset.test();
    DataSplit split = DataSplit.of(trainData.count(), config.data().splitFraction(), splitSeed);
    progress.printf(Locale.ROOT, "data: %s, %d training images (%d super-net / %d rank half),"
            + " %d test images%n", dataset.name(), trainData.count(), split.supernetSize(),
        split.rankSize(), testData.count());
    pool.ifPresent(p -> progress.printf(Locale.ROOT,
        "evaluation pool: %d architectures with ground truth from %s%n", p.size(),
        truth.get().source()));

    Augmentation augmentation = new Augmentation(config.data().cropPadding(),
        config.data().horizontalFlip());
    TensorBatcher trainBatches = new TensorBatcher(
        new BatchAssembler(trainData, dataset.normalization(), augmentation), train.batchSize());
    TensorBatcher testBatches = new TensorBatcher(
        new BatchAssembler(testData, dataset.normalization(), Augmentation.NONE),
        eval.batchSize());

    NetworkShape shape = shape(config, dataset);
    Nb201Network net = Nb201Network.supernet(shape, initSeed);
    net.setPrecision(Precision.ofId(config.supernet().precision()));
    net.train(true);
    progress.printf(Locale.ROOT, "super-net: NB201 C=%d N=%d, %,d parameters, %d threads, %s%n",
        shape.channels(), shape.cells(), net.parameterCount(), train.threads(),
        net.precision().id());
    // Each checkpoint holds the weights and the momentum buffers; supernet.pt is one more copy.
    long weightBytes = 4L * net.parameterCount();
    dir.requireFreeSpace((2L * train.keepCheckpoints() + 1) * 2 * weightBytes + (16L << 20),
        train.keepCheckpoints() + " checkpoints and the weights");
    Optional<LandmarkTerm> landmarkTerm = landmarkTerm(net, initialLandmarks, lc);
    PairSampler pairSampler = PairSamplers.create(lc.pairSampler(), lc.pairs());
    LambdaSchedule lambda = LambdaSchedules.create(lc.schedule(), lc.lambdaMax(), lc.warmup(),
        train.epochs(), lc.ramp());
    landmarkTerm.ifPresent(t -> progress.printf(Locale.ROOT,
        "landmarks: %d (scores %.2f..%.2f), %d pair(s)/step by %s, %s loss, lambda %s to %.2f"
            + " after %d warm-up epochs, lazy backward: %s, %d round(s)%n", t.landmarks().size(),
        t.landmarks().get(0).score(), t.landmarks().get(t.landmarks().size() - 1).score(),
        lc.pairs(), lc.pairSampler(), lc.loss(), lc.schedule(), lc.lambdaMax(), lc.warmup(),
        lc.lazy(), lc.rounds()));
    // New landmarks must stay out of the (fixed) evaluation pool, equivalents included, as the
    // first ones are.
    Predicate<Nb201Arch> poolMembers = pool.map(EvaluationPool::members).orElse(a -> false);
    Set<Integer> roundEnds = new HashSet<>();
    for (int r = 1; r < lc.rounds(); r++) {
      roundEnds.add((int) Math.round((double) train.epochs() * r / lc.rounds()));
    }
    int[] rankHalf = split.rank();

    int[] supernetHalf = split.supernet();
    Optional<BatchNormRecalibration> recalibration =
        EvaluateConfig.BN_RECALIBRATE.equals(eval.bn())
            ? Optional.of(new BatchNormRecalibration(new TensorBatcher(new BatchAssembler(
                trainData, dataset.normalization(), Augmentation.NONE), train.batchSize()),
                supernetHalf, eval.recalibrateBatches()))
            : Optional.empty();
    PoolScorer testScorer = new PoolScorer(net, new SupernetEvaluator(net, testBatches),
        recalibration);
    Optional<PoolScorer> valScorer = config.search().strategy().equals("none")
        && !lc.enabled() ? Optional.empty()
        : Optional.of(valScorer(net, trainData, split, dataset, eval, recalibration,
            config.search()));

    int stepsPerEpoch = train.stepsPerEpoch() > 0
        ? train.stepsPerEpoch()
        : Math.max(1, supernetHalf.length / train.batchSize());
    SposStep sposStep = new SposStep(net, train);
    CosineLr lr = new CosineLr(train.lr(), train.lrMin(), train.epochs());
    long steps = 0;
    double lastLoss = Double.NaN;
    Optional<PoolResult> lastPool = Optional.empty();
    double trainSeconds = 0; // training steps only: pool, landmark and round evaluations excluded
    double priorWallSeconds = 0; // cost of the earlier processes of a resumed run
    double priorCpuSeconds = 0;
    int startEpoch = 0;
    List<Map<String, Object>> records = new ArrayList<>();
    Checkpoints checkpoints = new Checkpoints(dir.path(), train.keepCheckpoints());
    OptionalInt lastCheckpoint = OptionalInt.empty();
    boolean landmarksWritten = false;
    if (resume) {
      Optional<Checkpoints.Checkpoint> found = checkpoints.latestValid(
          w -> progress.println("warning: " + w));
      if (found.isPresent()) {
        SearchCheckpoint.Restored restored = SearchCheckpoint.restore(found.get(), net,
            sposStep.optimizer());
        SearchCheckpoint.State st = restored.state();
        startEpoch = st.epochsDone();
        steps = st.steps();
        trainSeconds = st.trainSeconds();
        lastLoss = st.lastLoss();
        priorWallSeconds = st.wallSeconds();
        priorCpuSeconds = st.cpuSeconds();
        records.addAll(st.metrics());
        if (restored.landmarks().isPresent()) {
          landmarkTerm = landmarkTerm(net, restored.landmarks().get(), lc);
          restored.landmarks().get().writeCsv(dir.path().resolve(LANDMARKS_FILE));
          landmarksWritten = true;
        }
        if (st.lastPoolScores().isPresent() && pool.isPresent()) {
          lastPool = Optional.of(poolResult(st.lastPoolScores().get(), pool.get(), eval,
              st.lastPoolSeconds()));
        }
        lastCheckpoint = OptionalInt.of(startEpoch);
        progress.printf(Locale.ROOT, "resuming after epoch %d of %d from %s%n", startEpoch,
            train.epochs(), found.get().dir());
      } else {
        progress.printf(Locale.ROOT, "no intact checkpoint in %s: starting at epoch 1%n",
            checkpoints.root());
      }
      dir.rewriteMetrics(records);
    }
    // Written after the resume decision: a resumed run's file holds the set of its checkpoint
    // (grown by rounds), which the initial set must not overwrite, even for a moment.
    if (!landmarksWritten && initialLandmarks.size() > 0) {
      initialLandmarks.writeCsv(dir.path().resolve(LANDMARKS_FILE));
    }
    ProgressLine line = new ProgressLine(progress, steps, (long) stepsPerEpoch * train.epochs(),
        "steps", 5.0);
    try (MetricsLog metrics = dir.openMetrics()) {
      for (int epoch = startEpoch; epoch < train.epochs(); epoch++) {
        SplittableRandom archRng = streams.stream(EpochStreams.Purpose.ARCHITECTURES, epoch);
        SplittableRandom dataRng = streams.stream(EpochStreams.Purpose.DATA, epoch);
        SplittableRandom rankRng = streams.stream(EpochStreams.Purpose.RANK_DATA, epoch);
        SplittableRandom pairRng = streams.stream(EpochStreams.Purpose.PAIRS, epoch);
        SplittableRandom evalRng = streams.stream(EpochStreams.Purpose.EVALUATION, epoch);
        SplittableRandom searchRng = streams.stream(EpochStreams.Purpose.SEARCH, epoch);
        int[] rankOrder = BatchOrder.epochOrder(rankHalf, rankRng);
        int rankCursor = 0;
        double rate = lr.at(epoch);
        sposStep.setLearningRate(rate);
        long epochStart = System.nanoTime();
        double lossSum = 0;
        long correct = 0;
        long seen = 0;
        double landmarkLossSum = 0;
        long landmarkSteps = 0;
        long activePairs = 0;
        long sampledPairs = 0;
        double lambdaSum = 0;
        // Step latency in microseconds, 3 significant digits: the tail (p99, max) shows GC or
        // allocator stalls that a mean steps/s hides.
        Histogram latency = new Histogram(3_600_000_000L, 3);
        int[] order = BatchOrder.epochOrder(supernetHalf, dataRng);
        int cursor = 0;
        for (int s = 0; s < stepsPerEpoch; s++) {
          if (cursor + train.batchSize() > order.length) { // more steps than one pass: reshuffle
            order = BatchOrder.epochOrder(supernetHalf, dataRng);
            cursor = 0;
          }
          int count = Math.min(train.batchSize(), order.length);
          SposStep.StepResult r;
          double lam = lambda.at(lc.perStep() ? epoch + (double) s / stepsPerEpoch : epoch);
          lambdaSum += lam;
          long stepStart = System.nanoTime();
          try (PointerScope scope = new PointerScope()) {
            LabeledBatch batch = trainBatches.batch(order, cursor, count, true, dataRng);
            sposStep.begin();
            r = sposStep.accumulate(batch, Nb201Space.INSTANCE.sample(archRng));
            if (landmarkTerm.isPresent() && lam > 0) {
              // The rank half can be smaller than a batch (a small data.train-limit or a large
              // data.split-fraction): then the ranking batch is the whole half.
              int rankCount = Math.min(count, rankOrder.length);
              if (rankCursor + rankCount > rankOrder.length) {
                rankOrder = BatchOrder.epochOrder(rankHalf, rankRng);
                rankCursor = 0;
              }
              LabeledBatch rankBatch = trainBatches.batch(rankOrder, rankCursor, rankCount, true,
                  rankRng);
              rankCursor += rankCount;
              LandmarkTerm.Result term = landmarkTerm.get().accumulate(rankBatch,
                  pairSampler.sample(landmarkTerm.get().landmarks().size(), pairRng), lam);
              if (!Double.isFinite(term.loss())) {
                throw diverged("landmark ranking loss", term.loss(), epoch, s, rate,
                    lastCheckpoint, checkpoints);
              }
              landmarkLossSum += term.loss();
              landmarkSteps++;
              activePairs += term.activePairs();
              sampledPairs += term.pairs();
            }
            sposStep.finish();
          }
          latency.recordValue(Math.max(1, (System.nanoTime() - stepStart) / 1000));
          if (!Double.isFinite(r.loss())) {
            throw diverged("loss", r.loss(), epoch, s, rate, lastCheckpoint, checkpoints);
          }
          cursor += count;
          steps++;
          lossSum += r.loss() * r.size();
          correct += r.correct();
          seen += r.size();
          line.update(steps, String.format(Locale.ROOT, "epoch %d/%d step %d/%d",
                  epoch + 1, train.epochs(), s + 1, stepsPerEpoch),
              String.format(Locale.ROOT, "loss %.4f acc %.1f%% lr %.5f",
                  lossSum / seen, 100.0 * correct / seen, rate));
        }
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        trainSeconds += seconds;
        lastLoss = lossSum / seen;
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("epoch", epoch + 1);
        record.put("steps", stepsPerEpoch);
        record.put("lr", rate);
        record.put("train_loss", lastLoss);
        record.put("train_acc", (double) correct / seen);
        record.put("seconds", seconds);
        record.put("steps_per_s", stepsPerEpoch / seconds);
        record.put("step_ms_p50", latency.getValueAtPercentile(50) / 1000.0);
        record.put("step_ms_p90", latency.getValueAtPercentile(90) / 1000.0);
        record.put("step_ms_p99", latency.getValueAtPercentile(99) / 1000.0);
        record.put("step_ms_max", latency.getMaxValue() / 1000.0);
        if (landmarkTerm.isPresent()) {
          record.put("landmark_kdt", landmarkTau(landmarkTerm.get().landmarks(), valScorer.get(),
              streams.stream(EpochStreams.Purpose.LANDMARK_EVALUATION, epoch)));
          record.put("lambda", lambdaSum / stepsPerEpoch);
          record.put("landmark_loss", landmarkSteps > 0 ? landmarkLossSum / landmarkSteps
              : Double.NaN);
          record.put("active_pairs", sampledPairs > 0 ? (double) activePairs / sampledPairs
              : Double.NaN);
        }
        boolean last = epoch == train.epochs() - 1;
        if (pool.isPresent() && (last || (eval.every() > 0 && (epoch + 1) % eval.every() == 0))) {
          PoolResult pr = scorePool(pool.get(), testScorer, eval, evalRng, progress,
              "epoch " + (epoch + 1));
          record.putAll(pr.report().toMap());
          record.put("pool_seconds", pr.seconds());
          lastPool = Optional.of(pr);
          // Every scoring is kept, so the S-KdT curve can be recomputed against another
          // ground truth of the same pool (e.g. a mean over more stand-alone seeds).
          dir.writeJson(String.format(Locale.ROOT, RunDirectory.POOL_SCORES_FILE, epoch + 1),
              Map.of("epoch", epoch + 1, "pool", pr.toJson()));
        }
        if (roundEnds.contains(epoch + 1)) {
          LandmarkSet grown = nextRound(landmarkTerm.get().landmarks(), poolMembers, lc,
              config.search(), valScorer.get(), landmarkTruth.get(), searchRng, progress,
              epoch + 1);
          grown.writeCsv(dir.path().resolve(LANDMARKS_FILE));
          landmarkTerm = landmarkTerm(net, grown, lc);
          record.put("landmarks", grown.size());
        } else if (landmarkTerm.isPresent()) {
          record.put("landmarks", landmarkTerm.get().landmarks().size());
        }
        records.add(record);
        if (train.checkpointAfter(epoch + 1)) {
          Optional<PoolResult> poolNow = lastPool;
          SearchCheckpoint.State state = new SearchCheckpoint.State(epoch + 1, steps,
              trainSeconds, lastLoss, records, poolNow.map(PoolResult::scores),
              poolNow.map(PoolResult::seconds).orElse(0.0),
              priorWallSeconds + (System.nanoTime() - wallStart) / 1e9,
              priorCpuSeconds + cpuSeconds() - cpuStart);
          try {
            SearchCheckpoint.save(checkpoints, net, sposStep.optimizer(),
                landmarkTerm.map(LandmarkTerm::landmarks).orElse(initialLandmarks), state);
          } catch (UncheckedIOException e) {
            throw new UncheckedIOException(e.getMessage() + "; " + (lastCheckpoint.isEmpty()
                ? "no earlier checkpoint exists"
                : "the checkpoint after epoch " + lastCheckpoint.getAsInt() + " is intact"),
                e.getCause());
          }
          lastCheckpoint = OptionalInt.of(epoch + 1);
        }
        metrics.append(record);
        net.save(dir.path().resolve(WEIGHTS_FILE)); // atomic: the last finished epoch survives
      }
    }

    int after = train.epochs(); // the streams of the work after training
    List<ArchScore> scores = scoreSample(testScorer, eval,
        streams.stream(EpochStreams.Purpose.EVALUATION, after), progress);
    Optional<SearchResult> search = config.search().strategy().equals("none")
        ? Optional.empty()
        : Optional.of(runStrategy(config.search(), valScorer.get(),
            streams.stream(EpochStreams.Purpose.SEARCH, after), progress, "search",
            pool.map(EvaluationPool::archs).orElse(List.of())));
    SearchOutcome outcome = new SearchOutcome(dir.path(), train.epochs(), steps, trainSeconds,
        lastLoss, scores, lastPool.map(PoolResult::report),
        search.map(r -> distinctTop(r, config.search().topK())).orElse(List.of()),
        truth.orElse(null));
    double wallSeconds = priorWallSeconds + (System.nanoTime() - wallStart) / 1e9;
    dir.writeResult(result(config, dataset, split, outcome, started, lastPool, search, truth,
        wallSeconds, priorCpuSeconds + cpuSeconds() - cpuStart, resume));
    return outcome;
  }

  /** The error that stops a run whose loss became NaN or infinite at (0-based) epoch, step. */
  private static IllegalStateException diverged(String what, double value, int epoch, int step,
      double rate, OptionalInt lastCheckpoint, Checkpoints checkpoints) {
    return new IllegalStateException(String.format(Locale.ROOT,
        "training diverged: %s %s at epoch %d step %d (lr %.5g); %s", what, value, epoch + 1,
        step + 1, rate, lastCheckpoint.isEmpty()
            ? "no checkpoint was written before it"
            : "the last good checkpoint (after epoch " + lastCheckpoint.getAsInt()
                + ") is kept in " + checkpoints.root()));
  }

  /** One scoring of the evaluation pool and its ranking against the ground truth. */
  record PoolResult(List<ArchScore> scores, double[] groundTruth, RankingReport report,
      double seconds) {

    /** One JSON object per pool architecture: super-net score and ground truth. */
    List<Map<String, Object>> toJson() {
      List<Map<String, Object>> entries = new ArrayList<>();
      for (int i = 0; i < scores.size(); i++) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("arch", scores.get(i).arch().toString());
        e.put("supernet_accuracy", scores.get(i).accuracy());
        e.put("supernet_loss", scores.get(i).loss());
        e.put("ground_truth", groundTruth[i]);
        entries.add(e);
      }
      return entries;
    }
  }

  static PoolResult scorePool(EvaluationPool pool, PoolScorer scorer, EvaluateConfig eval,
      SplittableRandom rng, PrintStream progress, String label) {
    long start = System.nanoTime();
    ProgressLine line = new ProgressLine(progress, pool.size(), "archs", 10.0);
    List<ArchScore> scores = new ArrayList<>(pool.size());
    for (Nb201Arch a : pool.archs()) {
      scores.add(scorer.score(a, eval.images(), rng));
      line.update(scores.size(), label + " pool", scores.size() + "/" + pool.size());
    }
    PoolResult result = poolResult(scores, pool, eval, (System.nanoTime() - start) / 1e9);
    RankingReport report = result.report();
    progress.printf(Locale.ROOT, "%s ranking of %d pool architectures: S-KdT %.4f  KdT %.4f"
            + "  Spearman %.4f  precision@%d %.2f%n", label, pool.size(),
        report.sparseKendallTau(), report.kendallTau(), report.spearmanRho(), report.topK(),
        report.precisionAtK());
    return result;
  }

  /** The ranking of the pool by {@code scores} (one per pool architecture, in pool order). */
  static PoolResult poolResult(List<ArchScore> scores, EvaluationPool pool, EvaluateConfig eval,
      double seconds) {
    double[] pred = scores.stream().mapToDouble(ArchScore::accuracy).toArray();
    double[] gt = pool.groundTruthArray();
    return new PoolResult(scores, gt, RankingReport.of(pred, gt,
        Math.min(eval.topK(), pool.size())), seconds);
  }

  /**
   * Scores {@code evaluate.archs} sampled architectures, distinct up to equivalence and with a
   * path from input to output (a zero cell tells nothing about ranking).
   */
  private static List<ArchScore> scoreSample(PoolScorer scorer, EvaluateConfig eval,
      SplittableRandom rng, PrintStream progress) {
    List<Nb201Arch> archs = Nb201Space.INSTANCE.sampleDistinct(eval.archs(), rng);
    List<ArchScore> scores = new ArrayList<>();
    ProgressLine line = new ProgressLine(progress, archs.size(), "archs", 5.0);
    for (Nb201Arch a : archs) {
      scores.add(scorer.score(a, 0, rng));
      line.update(scores.size(), "scoring sampled architectures",
          scores.size() + "/" + archs.size());
    }
    scores.sort(Comparator.comparingDouble(ArchScore::accuracy).reversed());
    return scores;
  }

  /**
   * Kendall tau-b between the super-net's accuracy of the landmarks (on the validation images)
   * and their stand-alone scores: how well the regularized quantity itself is ordered.
   */
  static double landmarkTau(LandmarkSet landmarks, PoolScorer scorer, SplittableRandom rng) {
    double[] supernet = new double[landmarks.size()];
    double[] standalone = new double[landmarks.size()];
    for (int i = 0; i < landmarks.size(); i++) {
      supernet[i] = scorer.score(landmarks.get(i).arch(), 0, rng).accuracy();
      standalone[i] = landmarks.get(i).score();
    }
    return KendallTau.tauB(supernet, standalone);
  }

  /**
   * The best {@code k} evaluated architectures, one per equivalence class: cells that differ only
   * on dead edges compute the same function and would fill the list with one network.
   */
  static List<Evaluated> distinctTop(SearchResult result, int k) {
    List<Evaluated> top = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    for (Evaluated e : result.top(result.evaluations())) {
      if (top.size() == k) {
        break;
      }
      if (classes.add(Nb201Space.INSTANCE.canonicalKey(e.arch()))) {
        top.add(e);
      }
    }
    return top;
  }

  private static Optional<LandmarkTerm> landmarkTerm(Nb201Network net, LandmarkSet set,
      LandmarksConfig lc) {
    return set.size() < 2 ? Optional.empty()
        : Optional.of(new LandmarkTerm(net, set, RankingLosses.parse(lc.loss()),
            PairWeights.create(lc.weighting(), set), LandmarkTerm.Mode.ofId(lc.lazy())));
  }

  /**
   * One step of the multi-round pipeline (Yu et al., §3.3): rank candidates by the super-net
   * (the configured search strategy on validation images), then add the best {@code per-round}
   * ones that are not landmarks yet, not in the evaluation pool, and whose stand-alone score is
   * known.
   *
   * <p>Scores come from a {@link GroundTruth}; architectures it cannot score are passed over.
   * With {@code search.strategy: pool} the candidates are that ground truth's architectures
   * (e.g. a benchmark's landmark candidates), the only ones a new landmark can come from.
   */
  static LandmarkSet nextRound(LandmarkSet current, Predicate<Nb201Arch> inPool,
      LandmarksConfig lc,
      SearchConfig search,
      PoolScorer scorer, GroundTruth truth, SplittableRandom rng, PrintStream progress,
      int epoch) {
    List<Nb201Arch> candidates = new ArrayList<>();
    for (Nb201Arch a : truth.archs()) {
      if (!current.contains(a) && !inPool.test(a)) {
        candidates.add(a);
      }
    }
    SearchResult ranked = runStrategy(search, scorer, rng, progress,
        "round after epoch " + epoch, candidates.isEmpty() ? truth.archs() : candidates);
    List<org.landmarknas.landmark.Landmark> added = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    int skippedUnknown = 0;
    for (Evaluated e : ranked.top(ranked.evaluations())) {
      if (added.size() == lc.perRound()) {
        break;
      }
      Nb201Arch a = e.arch();
      if (!a.isConnected() || current.contains(a) || inPool.test(a)
          || !classes.add(Nb201Space.INSTANCE.canonicalKey(a))) {
        continue;
      }
      OptionalDouble score = truth.score(a);
      if (score.isEmpty()) {
        skippedUnknown++;
        continue;
      }
      added.add(new org.landmarknas.landmark.Landmark(a, score.getAsDouble()));
    }
    progress.printf(Locale.ROOT, "round after epoch %d: %d new landmarks (of %d wanted; %d"
            + " candidates without a stand-alone score passed over), %d in all%n", epoch,
        added.size(), lc.perRound(), skippedUnknown, current.size() + added.size());
    return current.plus(added);
  }

  /** Super-net accuracy on validation images of the rank half: the search's fitness. */
  private static PoolScorer valScorer(Nb201Network net, ImageData trainData, DataSplit split,
      ImageDataset dataset, EvaluateConfig eval, Optional<BatchNormRecalibration> recalibration,
      SearchConfig cfg) {
    int[] rank = split.rank();
    int n = Math.min(cfg.valImages(), rank.length);
    ImageData val = trainData.subset(java.util.Arrays.copyOf(rank, n));
    return new PoolScorer(net, new SupernetEvaluator(net, new TensorBatcher(
        new BatchAssembler(val, dataset.normalization(), Augmentation.NONE), eval.batchSize())),
        recalibration);
  }

  /** Runs the configured strategy with a cached fitness (evolution may revisit architectures). */
  private static SearchResult runStrategy(SearchConfig cfg, PoolScorer scorer,
      SplittableRandom rng, PrintStream progress, String label, List<Nb201Arch> table) {
    SearchStrategy strategy = strategy(cfg, table);
    Map<Nb201Arch, Double> cache = new HashMap<>();
    int budget = cfg.strategy().equals("pool") ? table.size() : cfg.budget();
    ProgressLine line = new ProgressLine(progress, budget, "evaluations", 10.0);
    int[] calls = {0};
    ArchFitness fitness = a -> {
      calls[0]++;
      double f = cache.computeIfAbsent(a, x -> scorer.score(x, 0, rng).accuracy());
      line.update(calls[0], label + " (" + strategy.name() + ")", calls[0] + "/" + budget
          + " evaluations, " + cache.size() + " distinct");
      return f;
    };
    progress.printf(Locale.ROOT, "%s: %s, budget %d, fitness = super-net accuracy on"
        + " validation images of the rank half%n", label, strategy.name(), budget);
    return strategy.search(fitness, rng);
  }

  private static SearchStrategy strategy(SearchConfig cfg, List<Nb201Arch> table) {
    switch (cfg.strategy()) {
      case "pool":
        return new TableSearch(table);
      case "aging":
        return new AgingEvolution(new AgingEvolution.Settings(cfg.population(),
            cfg.tournament(), cfg.budget()));
      case "random":
        return new RandomSearch(cfg.budget());
      case "spos": {
        // Whole rounds within the budget: 1000 evaluations give 19 rounds after the first 50,
        // where megvii's SPOS runs 20 (1,050 evaluations).
        int population = cfg.population();
        int rounds = (cfg.budget() - population) / population;
        return new SposEvolution(new SposEvolution.Settings(population,
            Math.max(1, Math.min(10, population / 5)), population / 2,
            population - population / 2, 0.1, rounds));
      }
      default:
        throw new IllegalArgumentException("unknown search strategy " + cfg.strategy());
    }
  }

  private static void writePool(RunDirectory dir, EvaluationPool pool) {
    StringBuilder sb = new StringBuilder(GroundTruth.CSV_HEADER).append('\n');
    for (int i = 0; i < pool.size(); i++) {
      sb.append(pool.archs().get(i)).append(',').append(pool.groundTruth().get(i)).append('\n');
    }
    try {
      // atomic: evaluate reads it, and a resume rewrites it
      AtomicFile.write(dir.path().resolve(POOL_FILE),
          sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + dir.path().resolve(POOL_FILE) + ": "
          + e.getMessage(), e);
    }
  }

  /** The configured data set with its train/test limits applied. */
  static ImageDataset loadData(RunConfig config) {
    ImageDataset d = DataLocation.system().load(config.data().dataset(),
        config.data().dirPath());
    return new ImageDataset(d.name(), limit(d.train(), config.data().trainLimit()),
        limit(d.test(), config.data().testLimit()), d.normalization());
  }

  /** The super-net's shape for this config and data set. */
  static NetworkShape shape(RunConfig config, ImageDataset data) {
    return new NetworkShape(data.channels(), data.classes(), config.supernet().channels(),
        config.supernet().cells(), BatchNormMode.ofId(config.supernet().batchnorm()));
  }

  /** Seed of a run's 50/50 training split: the first draw of its root stream in run(). */
  static long splitSeed(long seed) {
    return new SplittableRandom(seed).nextLong();
  }

  /** The first {@code limit} images, or all of them when limit is 0 (config convention). */
  private static ImageData limit(ImageData data, int limit) {
    return limit > 0 && limit < data.count() ? data.head(limit) : data;
  }

  private static double cpuSeconds() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() / 1e9;
    }
    return Double.NaN;
  }

  private static Map<String, Object> result(RunConfig config, ImageDataset dataset,
      DataSplit split, SearchOutcome outcome, Instant started, Optional<PoolResult> pool,
      Optional<SearchResult> search, Optional<GroundTruth> truth, double wallSeconds,
      double cpuSeconds, boolean resumed) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("format_version", 1);
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("started_at", started.toString());
    provenance.put("finished_at", Instant.now().toString());
    provenance.put("seed", config.seed());
    provenance.put("resumed", resumed);
    provenance.put("dataset", dataset.name());
    provenance.put("split_fingerprint", Long.toHexString(split.fingerprint()));
    provenance.put("java", System.getProperty("java.version"));
    provenance.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    provenance.put("libtorch", TorchInfo.libtorchVersion());
    truth.ifPresent(t -> provenance.put("ground_truth", t.source()));
    provenance.put("config", RunConfigLoader.toMap(config));
    r.put("provenance", provenance);
    r.put("epochs", outcome.epochs());
    r.put("steps", outcome.steps());
    r.put("train_seconds", outcome.trainSeconds());
    r.put("final_train_loss", outcome.finalTrainLoss());
    List<Map<String, Object>> archs = new ArrayList<>();
    for (ArchScore s : outcome.scores()) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("arch", s.arch().toString());
      a.put("supernet_test_accuracy", s.accuracy());
      a.put("supernet_test_loss", s.loss());
      a.put("images", s.samples());
      archs.add(a);
    }
    r.put("scored_architectures", archs);
    pool.ifPresent(p -> {
      r.put("pool", p.toJson());
      r.put("ranking", p.report().toMap());
    });
    search.ifPresent(s -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("strategy", s.strategy());
      m.put("evaluations", s.evaluations());
      List<Map<String, Object>> top = new ArrayList<>();
      for (Evaluated e : distinctTop(s, config.search().topK())) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("arch", e.arch().toString());
        t.put("supernet_val_accuracy", e.fitness());
        OptionalDouble gt = truth.map(g -> g.score(e.arch())).orElse(OptionalDouble.empty());
        OptionalInt rank = truth.map(g -> g.rank(e.arch())).orElse(OptionalInt.empty());
        t.put("ground_truth", gt.isPresent() ? gt.getAsDouble() : null);
        t.put("ground_truth_rank", rank.isPresent() ? rank.getAsInt() : null);
        t.put("ground_truth_total", truth.map(GroundTruth::size).orElse(null));
        top.add(t);
      }
      m.put("top", top);
      r.put("search", m);
    });
    Map<String, Object> cost = new LinkedHashMap<>();
    cost.put("train_seconds", outcome.trainSeconds());
    cost.put("cpu_seconds", cpuSeconds);
    cost.put("wall_seconds", wallSeconds);
    r.put("cost", cost);
    return r;
  }
}
