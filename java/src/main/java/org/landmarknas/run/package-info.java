/**
 * The run directory: what a run leaves on disk.
 *
 * <p>{@link org.landmarknas.run.RunDirectory#create} makes the directory (checking up front that
 * it is writable) and names its files: {@code config.yaml} (the resolved configuration, written
 * before training starts), {@code metrics.jsonl} and {@code result.json}. {@link
 * org.landmarknas.run.MetricsLog} appends one JSON object per line and forces each line to disk,
 * so a killed run keeps every finished line; {@link
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
 *   log.append(Map.of("epoch", 1, "loss", 1.93));
 * }
 * dir.writeResult(Map.of("best", "|nor_conv_3x3~0|+|...|"));
 * }</pre>
 */
package org.landmarknas.run;
