package org.landmarknas.space;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The seven candidate operations of a DARTS edge (Liu et al., ICLR 2019, arXiv:1806.09055), in
 * the order of NASLib's and NAS-Bench-301's op list. That order matters: an op's {@link
 * #ordinal()} is its code in the published compact key and its value in the space's encoding.
 *
 * <p>DARTS's {@code none} (the zero op) is not a choice: it only exists in the super-net's mixed
 * op, and a derived genotype never keeps it, since it ranks the edges by their strongest non-zero
 * op.
 */
public enum DartsOp {
  MAX_POOL_3X3("max_pool_3x3", 3),
  AVG_POOL_3X3("avg_pool_3x3", 3),
  SKIP_CONNECT("skip_connect", 1),
  SEP_CONV_3X3("sep_conv_3x3", 3),
  SEP_CONV_5X5("sep_conv_5x5", 5),
  DIL_CONV_3X3("dil_conv_3x3", 3),
  DIL_CONV_5X5("dil_conv_5x5", 5);

  private static final DartsOp[] VALUES = values();
  private final String id;
  private final int kernel;

  DartsOp(String id, int kernel) {
    this.id = id;
    this.kernel = kernel;
  }

  /** The DARTS op name, as in a {@code Genotype} string. */
  public String id() {
    return id;
  }

  /** The kernel's side (1 for {@code skip_connect}). */
  public int kernel() {
    return kernel;
  }

  /** Whether the op is a pooling (no weights, and no BatchNorm in the final network). */
  public boolean isPool() {
    return this == MAX_POOL_3X3 || this == AVG_POOL_3X3;
  }

  /** Whether the op is a separable convolution: two stacked depthwise-pointwise blocks. */
  public boolean isSeparable() {
    return this == SEP_CONV_3X3 || this == SEP_CONV_5X5;
  }

  /** Whether the op is a dilated convolution: one dilated depthwise-pointwise block. */
  public boolean isDilated() {
    return this == DIL_CONV_3X3 || this == DIL_CONV_5X5;
  }

  /** The op with this ordinal (0..6), the code of the published compact key. */
  public static DartsOp ofIndex(int index) {
    if (index < 0 || index >= VALUES.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "DARTS op index %d out of range (allowed: 0..%d)", index, VALUES.length - 1));
    }
    return VALUES[index];
  }

  /** The op with this DARTS name, if any. */
  public static Optional<DartsOp> ofId(String id) {
    return Arrays.stream(VALUES).filter(op -> op.id.equals(id)).findFirst();
  }

  /** The allowed names, comma separated, for error messages. */
  public static String allowedIds() {
    return Arrays.stream(VALUES).map(DartsOp::id).collect(Collectors.joining(", "));
  }
}
