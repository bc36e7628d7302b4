/**
 * The run directory: what a run leaves on disk.
 *
 * <p>{@link org.landmarknas.run.RunDirectory#create} makes the directory (checking up front that
 * it is writable) and names its files: {@code config.yaml} (the resolved configuration, written
 * before training starts), {@code metrics.jsonl}, {@code result.json}, the pool scorings
 * {@code pool-epoch-NNNN.json} and {@code evaluation.json}. Their JSON is typed: {@link
 * org.landmarknas.run.EpochRecord} (a metrics line), {@link org.landmarknas.run.RunResult},
 * {@link org.landmarknas.run.PoolScoring} and {@link org.landmarknas.run.PoolEvaluation}, written
 * and read by {@link org.landmarknas.run.RunFiles} (format version 1; errors name the file and
 * the key path). {@link org.landmarknas.run.MetricsLog} appends one line per epoch and forces
 * each line to disk, so a killed run keeps every finished line; {@link
 * org.landmarknas.run.RunDirectory#writeResult} replaces {@code result.json} atomically.
 *
 * <p>{@link org.landmarknas.run.Checkpoints} keeps {@code checkpoints/epoch-NNNN/}: written in a
 * temporary directory with a SHA-256 manifest and renamed into place, the newest K kept, a
 * damaged one detected and passed over. {@link org.landmarknas.run.EpochStreams} derives every
 * random stream of a run from (seed, purpose, epoch), which is why a checkpoint needs no
 * generator state and a resumed run draws exactly what the uninterrupted one drew.
 *
 * <pre>{@code
 * RunDirectory dir = RunDirectory.create(Path.of("runs/quick-1"));
 * dir.writeConfig(RunConfigLoader.toYaml(config));
 * try (MetricsLog log = dir.openMetrics()) {
 *   log.append(EpochRecord.training(1, 100, 0.025, 1.93, 0.31, 12.5, stepMs));
 * }
 * RunResult result = RunFiles.readResult(dir.resultFile());
 * }</pre>
 */
package org.landmarknas.run;
