package org.landmarknas.torch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.pytorch.InputArchive;
import org.bytedeco.pytorch.OutputArchive;
import org.bytedeco.pytorch.SGD;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.run.Checkpoints;
import org.landmarknas.run.EpochRecord;
import org.landmarknas.run.JsonCodec;
import org.landmarknas.run.RunDirectory;
import org.landmarknas.run.RunFiles;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.SearchSpace;

/**
 * What a search saves after an epoch so that {@code lmnas search --resume} continues exactly
 * where it stopped: the super-net's parameters and buffers ({@value #WEIGHTS}), the SGD momentum
 * buffers ({@value #OPTIMIZER}), the current landmark set ({@value #LANDMARKS}, which multi-round
 * runs grow) and {@value #STATE}: epochs done, step count, training time, the metrics records so
 * far and the last scoring of the evaluation pool.
 *
 * <p>No random-number state is stored: every random stream of a run is derived from the run's
 * seed and the epoch number (see {@code SupernetSearch}), and the learning rate and λ are
 * functions of the epoch; the epoch count restores them all.
 */
final class SearchCheckpoint {
  static final String WEIGHTS = RunDirectory.WEIGHTS_FILE;
  static final String OPTIMIZER = "optimizer.pt";
  static final String LANDMARKS = RunDirectory.LANDMARKS_FILE;
  static final String STATE = "state.json";

  private SearchCheckpoint() {}

  /** The layout of state.json this build writes and reads. */
  static final int FORMAT_VERSION = 1;

  /**
   * Counters and records of a run after {@code epochsDone} epochs.
   *
   * @param <A> the architecture type of the run's space
   */
  record State<A>(int epochsDone, long steps, double trainSeconds, double lastLoss,
      List<EpochRecord> metrics, Optional<List<ArchScore<A>>> lastPoolScores,
      double lastPoolSeconds, double wallSeconds, double cpuSeconds,
      List<A> pendingLandmarks) {

    /** Copies the pending landmarks (continue mode's asked-for, not yet scored). */
    State {
      pendingLandmarks = List.copyOf(pendingLandmarks);
    }

    /** A state without pending landmarks. */
    State(int epochsDone, long steps, double trainSeconds, double lastLoss,
        List<EpochRecord> metrics, Optional<List<ArchScore<A>>> lastPoolScores,
        double lastPoolSeconds, double wallSeconds, double cpuSeconds) {
      this(epochsDone, steps, trainSeconds, lastLoss, metrics, lastPoolScores, lastPoolSeconds,
          wallSeconds, cpuSeconds, List.of());
    }

    /** The state as state.json holds it, architectures in {@code space}'s notation. */
    Map<String, Object> toJson(SearchSpace<A> space) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("format_version", FORMAT_VERSION);
      m.put("epochs_done", epochsDone);
      m.put("steps", steps);
      m.put("train_seconds", trainSeconds);
      m.put("last_loss", Double.isFinite(lastLoss) ? lastLoss : null);
      m.put("wall_seconds", wallSeconds);
      m.put("cpu_seconds", Double.isFinite(cpuSeconds) ? cpuSeconds : null);
      m.put("metrics", metrics);
      lastPoolScores.ifPresent(scores -> {
        m.put("last_pool", ArchScoreJson.write(space, scores));
        m.put("last_pool_seconds", lastPoolSeconds);
      });
      if (!pendingLandmarks.isEmpty()) {
        m.put("pending_landmarks", pendingLandmarks.stream().map(space::format).toList());
      }
      return m;
    }

    @SuppressWarnings("unchecked")
    static <A> State<A> fromJson(Map<String, Object> m, Path file, SearchSpace<A> space) {
      if (!(m.get("format_version") instanceof Number v) || v.intValue() != FORMAT_VERSION) {
        throw new IllegalArgumentException("checkpoint state " + file + " has format_version "
            + m.get("format_version") + ", this build reads " + FORMAT_VERSION + " (resume with"
            + " the build that wrote it, or start the run again)");
      }
      try {
        List<EpochRecord> metrics = new ArrayList<>();
        List<Object> lines = (List<Object>) m.get("metrics");
        for (int i = 0; i < lines.size(); i++) {
          metrics.add(RunFiles.epochRecord(lines.get(i), file + ": metrics[" + i + "]"));
        }
        Optional<List<ArchScore<A>>> pool = Optional.empty();
        if (m.get("last_pool") instanceof List<?> entries) {
          pool = Optional.of(ArchScoreJson.read(space, entries));
        }
        List<A> pending = new ArrayList<>();
        if (m.get("pending_landmarks") instanceof List<?> archs) {
          archs.forEach(a -> pending.add(space.parse((String) a)));
        }
        Object lastLoss = m.get("last_loss");
        return new State<>(((Number) m.get("epochs_done")).intValue(),
            ((Number) m.get("steps")).longValue(),
            ((Number) m.get("train_seconds")).doubleValue(),
            lastLoss == null ? Double.NaN : ((Number) lastLoss).doubleValue(), metrics, pool,
            m.get("last_pool_seconds") instanceof Number n ? n.doubleValue() : 0.0,
            ((Number) m.get("wall_seconds")).doubleValue(),
            m.get("cpu_seconds") instanceof Number c ? c.doubleValue() : Double.NaN, pending);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("checkpoint state " + file + " is malformed: " + e,
            e);
      }
    }
  }

  /** Writes one checkpoint (atomically, via {@link Checkpoints}). */
  static <A> Checkpoints.Checkpoint save(Checkpoints checkpoints, Supernet<A> net,
      SGD optimizer, LandmarkSet<A> landmarks, State<A> state) {
    return save(checkpoints, net, optimizer, landmarks, state, null);
  }

  /**
   * Writes one checkpoint with the sampling policy's own state (GDAS: α and its Adam state; τ
   * follows from the epoch).
   */
  static <A> Checkpoints.Checkpoint save(Checkpoints checkpoints, Supernet<A> net,
      SGD optimizer, LandmarkSet<A> landmarks, State<A> state, SamplingPolicy<A> policy) {
    return checkpoints.write(state.epochsDone(), dir -> {
      if (policy != null) {
        policy.save(dir);
      }
      net.save(dir.resolve(WEIGHTS));
      try (PointerScope scope = new PointerScope()) {
        OutputArchive archive = new OutputArchive();
        optimizer.save(archive);
        archive.save_to(dir.resolve(OPTIMIZER).toString());
      }
      if (landmarks.size() > 0) {
        landmarks.writeCsv(dir.resolve(LANDMARKS));
      }
      Files.write(dir.resolve(STATE), JsonCodec.pretty(state.toJson(landmarks.space())));
    });
  }

  /**
   * Loads a checkpoint into {@code net} and {@code optimizer} (which must have been built from
   * the same config) and returns its counters and, when it has one, its landmark set.
   */
  static <A> Restored<A> restore(Checkpoints.Checkpoint c, Supernet<A> net, SGD optimizer,
      SearchSpace<A> space) {
    Path stateFile = c.file(STATE);
    State<A> state;
    try {
      state = State.fromJson(JsonCodec.parseObject(Files.readString(stateFile,
          StandardCharsets.UTF_8)), stateFile, space);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read checkpoint state " + stateFile + ": "
          + e.getMessage(), e);
    }
    net.load(c.file(WEIGHTS));
    try (PointerScope scope = new PointerScope()) {
      InputArchive archive = new InputArchive();
      // The momentum buffers go straight to the parameters' device.
      archive.load_from(c.file(OPTIMIZER).toString(), net.device().optional());
      optimizer.load(archive);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot load optimizer state " + c.file(OPTIMIZER)
          + ": " + e.getMessage(), e);
    }
    Optional<LandmarkSet<A>> landmarks = Files.isRegularFile(c.file(LANDMARKS))
        ? Optional.of(LandmarkSet.fromCsv(space, c.file(LANDMARKS))) : Optional.empty();
    return new Restored<>(state, landmarks);
  }

  /** A loaded checkpoint's counters and landmark set. */
  record Restored<A>(State<A> state, Optional<LandmarkSet<A>> landmarks) {}
}
