package org.landmarknas.config;

import java.util.List;

/**
 * Section {@code supernet}: the shape of the weight-sharing network.
 *
 * @param channels C, channels of the first stage, >= 1, default 16
 * @param cells N, cells per stage, >= 1, default 1 (the NAS-Bench-201 paper setting is 5)
 * @param batchnorm {@code batch} (default): BatchNorm always normalises with the statistics of
 *     the current batch and has affine weights, as the reference landmark implementation does;
 *     {@code running}: BatchNorm keeps running statistics (then scores need recalibration)
 */
public record SupernetConfig(int channels, int cells, String batchnorm) {

  public static final String BATCHNORM_BATCH = "batch";
  public static final String BATCHNORM_RUNNING = "running";
  /** The allowed {@code batchnorm} names. */
  public static final List<String> BATCHNORMS = List.of(BATCHNORM_BATCH, BATCHNORM_RUNNING);

  /** Validates every field; see the record description for ranges. */
  public SupernetConfig {
    KeyCheck.atLeast("supernet.channels", channels, 1);
    KeyCheck.atLeast("supernet.cells", cells, 1);
    KeyCheck.oneOf("supernet.batchnorm", batchnorm, BATCHNORMS);
  }

  /** The defaults listed in the record description. */
  public static SupernetConfig defaults() {
    return new SupernetConfig(16, 1, BATCHNORM_BATCH);
  }

  /** True when BatchNorm normalises with batch statistics only ({@code batchnorm: batch}). */
  public boolean batchStatistics() {
    return BATCHNORM_BATCH.equals(batchnorm);
  }
}
