package org.landmarknas.space;

import java.util.Locale;
import java.util.Optional;

/**
 * The five candidate operations of a NAS-Bench-201 edge, in the order of the benchmark's
 * {@code OPS} table (Dong &amp; Yang, ICLR 2020, arXiv:2001.00326). The order matters: an op's
 * {@link #ordinal()} is its index in every integer encoding of an architecture.
 */
public enum Nb201Op {
  NONE("none"),
  SKIP_CONNECT("skip_connect"),
  NOR_CONV_1X1("nor_conv_1x1"),
  NOR_CONV_3X3("nor_conv_3x3"),
  AVG_POOL_3X3("avg_pool_3x3");

  private static final Nb201Op[] VALUES = values();
  private final String id;

  Nb201Op(String id) {
    this.id = id;
  }

  /** The published op name, byte for byte as in NAS-Bench-201 architecture strings. */
  public String id() {
    return id;
  }

  /** The op with this index (0..4). */
  public static Nb201Op ofIndex(int index) {
    if (index < 0 || index >= VALUES.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "NB201 op index %d out of range (allowed: 0..%d)", index, VALUES.length - 1));
    }
    return VALUES[index];
  }

  /** The op with this published name, if any. */
  public static Optional<Nb201Op> ofId(String id) {
    for (Nb201Op op : VALUES) {
      if (op.id.equals(id)) {
        return Optional.of(op);
      }
    }
    return Optional.empty();
  }

  /** The allowed names, comma separated, for error messages. */
  public static String allowedIds() {
    StringBuilder sb = new StringBuilder();
    for (Nb201Op op : VALUES) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(op.id);
    }
    return sb.toString();
  }

  /** True for the ops with weights (the two convolutions). */
  public boolean hasWeights() {
    return this == NOR_CONV_1X1 || this == NOR_CONV_3X3;
  }
}
