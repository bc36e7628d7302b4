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
 * @param precision {@code fp32} (default) or {@code bf16}: the super-net forward (training and
 *     scoring) under CPU autocast to bfloat16; weights, gradients and optimizer stay float32.
 *     The default follows the measurement in {@code benchmarks/README.md}
 * @param memoryFormat {@code contiguous} (default, libtorch's NCHW) or {@code channels-last}
 *     (NHWC): the memory order of the super-net's weights and activations; same values, other
 *     rounding of sums
 */
public record SupernetConfig(int channels, int cells, String batchnorm, String precision,
    String memoryFormat) {

  public static final String BATCHNORM_BATCH = "batch";
  public static final String BATCHNORM_RUNNING = "running";
  /** The allowed {@code batchnorm} names. */
  public static final List<String> BATCHNORMS = List.of(BATCHNORM_BATCH, BATCHNORM_RUNNING);
  /** The allowed {@code precision} names. */
  public static final List<String> PRECISIONS = List.of("fp32", "bf16");
  /** The allowed {@code memory-format} names. */
  public static final List<String> MEMORY_FORMATS = List.of("contiguous", "channels-last");
  /** The default {@code memory-format}. */
  public static final String DEFAULT_MEMORY_FORMAT = "contiguous";

  /** Validates every field; see the record description for ranges. */
  public SupernetConfig {
    KeyCheck.atLeast("supernet.channels", channels, 1);
    KeyCheck.atLeast("supernet.cells", cells, 1);
    KeyCheck.oneOf("supernet.batchnorm", batchnorm, BATCHNORMS);
    KeyCheck.oneOf("supernet.precision", precision, PRECISIONS);
    KeyCheck.oneOf("supernet.memory-format", memoryFormat, MEMORY_FORMATS);
  }

  /** The shape and arithmetic in the default memory format. */
  public SupernetConfig(int channels, int cells, String batchnorm, String precision) {
    this(channels, cells, batchnorm, precision, DEFAULT_MEMORY_FORMAT);
  }

  /** The shape with float32 arithmetic. */
  public SupernetConfig(int channels, int cells, String batchnorm) {
    this(channels, cells, batchnorm, "fp32");
  }

  /** The defaults listed in the record description. */
  public static SupernetConfig defaults() {
    return new SupernetConfig(16, 1, BATCHNORM_BATCH, "fp32", DEFAULT_MEMORY_FORMAT);
  }

  /** True when BatchNorm normalises with batch statistics only ({@code batchnorm: batch}). */
  public boolean batchStatistics() {
    return BATCHNORM_BATCH.equals(batchnorm);
  }
}
