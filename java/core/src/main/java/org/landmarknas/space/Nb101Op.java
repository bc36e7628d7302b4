package org.landmarknas.space;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The three operations of an interior NAS-Bench-101 vertex (Ying et al., ICML 2019,
 * arXiv:1902.09635), in the order of the benchmark's list of available ops. That order matters:
 * an op's {@link #ordinal()} is its value in the space's integer encoding and its label in the
 * NB101 graph hash, so that hashes agree with the published ones.
 */
public enum Nb101Op {
  CONV3X3_BN_RELU("conv3x3-bn-relu", 4),
  CONV1X1_BN_RELU("conv1x1-bn-relu", 3),
  MAXPOOL3X3("maxpool3x3", 2);

  /** The op code of the input vertex in a published 56-tuple key. */
  public static final int INPUT_CODE = 0;
  /** The op code of the output vertex in a published 56-tuple key. */
  public static final int OUTPUT_CODE = 1;

  private static final Nb101Op[] VALUES = values();
  private final String id;
  private final int fileCode;

  Nb101Op(String id, int fileCode) {
    this.id = id;
    this.fileCode = fileCode;
  }

  /** The NB101 op name, byte for byte as in the release's model specs. */
  public String id() {
    return id;
  }

  /**
   * The op's code in a NASLib 56-tuple key (0 input, 1 output, 2 maxpool3x3, 3 conv1x1, 4
   * conv3x3): not the ordinal, which follows NB101's own op list.
   */
  public int fileCode() {
    return fileCode;
  }

  /** Whether the op has weights (and a BatchNorm): the two convolutions. */
  public boolean isConv() {
    return this != MAXPOOL3X3;
  }

  /** The kernel's side: 3 for the 3x3 convolution and the max-pool, 1 for the 1x1 one. */
  public int kernel() {
    return this == CONV1X1_BN_RELU ? 1 : 3;
  }

  /** The op with this ordinal (0..2). */
  public static Nb101Op ofIndex(int index) {
    if (index < 0 || index >= VALUES.length) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "NB101 op index %d out of range (allowed: 0..%d)", index, VALUES.length - 1));
    }
    return VALUES[index];
  }

  /** The interior op with this key code (2..4), if any. */
  public static Optional<Nb101Op> ofFileCode(int code) {
    return Arrays.stream(VALUES).filter(op -> op.fileCode == code).findFirst();
  }

  /** The op with this NB101 name, if any. */
  public static Optional<Nb101Op> ofId(String id) {
    return Arrays.stream(VALUES).filter(op -> op.id.equals(id)).findFirst();
  }

  /** The allowed names, comma separated, for error messages. */
  public static String allowedIds() {
    return Arrays.stream(VALUES).map(Nb101Op::id).collect(Collectors.joining(", "));
  }
}
