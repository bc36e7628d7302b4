package org.landmarknas.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The NAS-Bench-101 search space (Ying et al., ICML 2019, arXiv:1902.09635): labelled 7-vertex
 * cell specs ({@link Nb101Arch}) with ops from {@link Nb101Op}.
 *
 * <p><b>Validity.</b> A spec is in the space when, after pruning the vertices that lie on no
 * input-output path, the output is still reached and at most {@value #MAX_EDGES} edges remain.
 * The limit applies to the pruned matrix, as the release's query API checks it: NASLib's
 * published sample, drawn through that check, holds matrices of up to 16 edges as written, all of
 * 9 or fewer once pruned. (The release's generator only ever met unprunable graphs, so the 423,624
 * classes are the same under either reading; what changes is {@link #size()}.)
 *
 * <p><b>Size.</b> {@link #size()} counts labelled specs: the valid matrices times 3^5 op labels,
 * pruned vertices' ops included, since they are part of a spec's identity ({@link
 * Nb101Arch#equals}). Listing half a billion specs is no use, so {@link #enumerate()} is empty.
 *
 * <p><b>Equivalence.</b> {@link #canonicalKey} is the release's module hash ({@link
 * Nb101GraphHash}) of the pruned cell, so cells that differ in vertex numbering or in pruned
 * vertices share a key; {@link #canonical} is the member the release itself stores ({@link
 * Nb101CanonicalForm}), padded to 7 vertices ({@link Nb101Arch#padded}). A cell whose output is
 * unreachable has no hash in NB101; here all such cells form one class, keyed {@value
 * #DISCONNECTED_KEY}.
 *
 * <p><b>Cost.</b> {@link #cost} is the network of the class representative, the one NB101 trained,
 * so equivalent cells cost the same; {@link #labelledCost} builds the spec as written, as
 * NASLib's table does. They differ when the split of the output channels gives a remainder and
 * the numbering decides which op gets the narrower width ({@link Nb101VertexChannels}).
 *
 * <p><b>Encoding.</b> 26 integers: for target vertex j = 1..6 its incoming edge bits from
 * 0..j-1 (21 entries, the order of {@link Nb101Arch#edgeSlot}), then each interior vertex's op
 * ordinal (5 entries, 0..2). {@link #distance} is Hamming over it, so an edge flip and an op change
 * are each one step.
 *
 * <p>Stateless and thread-safe; {@link #INSTANCE} serves every caller.
 */
public final class Nb101Space implements SearchSpace<Nb101Arch> {

  /** The shared instance. */
  public static final Nb101Space INSTANCE = new Nb101Space();
  /** The largest number of edges a pruned cell may keep. */
  public static final int MAX_EDGES = 9;
  /** The canonical key of every cell whose output cannot be reached from its input. */
  public static final String DISCONNECTED_KEY = "disconnected";
  /** Valid 7-vertex adjacency matrices (counted by {@code Nb101SpaceTest} over all 2^21). */
  static final long VALID_MATRICES = 1_538_083;
  /** Classes of NB101 cells, as published. */
  private static final long CLASSES = 423_624;
  private static final int OP_COUNT = Nb101Op.values().length;
  private static final int ENCODING_LENGTH = Nb101Arch.EDGE_SLOTS + Nb101Arch.INTERIOR;

  /** Creates a space handle; equivalent to {@link #INSTANCE}. */
  public Nb101Space() {
  }

  /** The space's identifier in run records: {@code nas-bench-101}. */
  @Override
  public String id() {
    return "nas-bench-101";
  }

  /**
   * Reads the readable form or a published 56-tuple key ({@link Nb101Notation}) and checks that
   * the cell is in the space.
   *
   * @throws IllegalArgumentException naming what is wrong, validity included
   */
  @Override
  public Nb101Arch parse(String text) {
    Nb101Arch a = Nb101Notation.parse(text);
    invalidity(a).ifPresent(why -> {
      throw new IllegalArgumentException("NB101 cell \"" + text + "\": " + why);
    });
    return a;
  }

  /** The readable form ({@link Nb101Notation#format}). */
  @Override
  public String format(Nb101Arch arch) {
    return Nb101Notation.format(arch);
  }

  /** Whether {@code arch} is in the space: connected, at most 9 edges once pruned. */
  public boolean isValid(Nb101Arch arch) {
    return invalidity(arch).isEmpty();
  }

  private static Optional<String> invalidity(Nb101Arch arch) {
    Optional<Nb101Graph> g = arch.pruned();
    if (g.isEmpty()) {
      return Optional.of("the output cannot be reached from the input");
    }
    int edges = g.get().edgeCount();
    return edges <= MAX_EDGES ? Optional.empty() : Optional.of(String.format(Locale.ROOT,
        "%d edges remain after pruning, NB101 allows at most %d", edges, MAX_EDGES));
  }

  /** Valid labelled specs: {@link #VALID_MATRICES} times 3^5. */
  @Override
  public long size() {
    return VALID_MATRICES * pow(OP_COUNT, Nb101Arch.INTERIOR);
  }

  private static long pow(int base, int exponent) {
    long r = 1;
    for (int i = 0; i < exponent; i++) {
      r *= base;
    }
    return r;
  }

  /** Empty: half a billion labelled specs are not worth listing. */
  @Override
  public Optional<List<Nb101Arch>> enumerate() {
    return Optional.empty();
  }

  /** 423,624: the release's count of distinct module hashes. */
  @Override
  public OptionalLong classCount() {
    return OptionalLong.of(CLASSES);
  }

  /** A valid spec drawn uniformly: uniform matrices and ops, invalid draws rejected. */
  @Override
  public Nb101Arch sample(SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    while (true) {
      int edges = rng.nextInt(1 << Nb101Arch.EDGE_SLOTS);
      List<Nb101Op> ops = new ArrayList<>(Nb101Arch.INTERIOR);
      for (int v = 0; v < Nb101Arch.INTERIOR; v++) {
        ops.add(Nb101Op.ofIndex(rng.nextInt(OP_COUNT)));
      }
      Nb101Arch a = new Nb101Arch(edges, ops);
      if (isValid(a)) {
        return a;
      }
    }
  }

  /**
   * {@code n} specs drawn by {@link #sample}, the first of each hash class, in draw order: a
   * class is met in proportion to its labelled specs, as a user drawing cells would meet it.
   * Every valid cell is trainable.
   *
   * @throws IllegalArgumentException when {@code n} exceeds the number of classes
   */
  @Override
  public List<Nb101Arch> sampleDistinct(int n, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    if (n < 0 || n > CLASSES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "cannot draw %d distinct"
          + " NB101 cells: the space has %d classes", n, CLASSES));
    }
    List<Nb101Arch> out = new ArrayList<>(n);
    Set<String> seen = new HashSet<>();
    while (out.size() < n) {
      Nb101Arch a = sample(rng);
      if (seen.add(canonicalKey(a))) {
        out.add(a);
      }
    }
    return out;
  }

  /** A valid neighbour drawn uniformly from {@link #neighbours}. */
  @Override
  public Nb101Arch mutate(Nb101Arch arch, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    List<Nb101Arch> n = neighbours(arch);
    if (n.isEmpty()) {
      throw new IllegalArgumentException("NB101 cell " + arch + " has no valid neighbour");
    }
    return n.get(rng.nextInt(n.size()));
  }

  /**
   * Every valid spec one change away: the edge flips in slot order ({@link
   * Nb101Arch#edgeSlot}), then for vertices 1..5 the two other ops in ordinal order. A valid
   * cell always has its 10 op changes.
   */
  @Override
  public List<Nb101Arch> neighbours(Nb101Arch arch) {
    Objects.requireNonNull(arch, "arch");
    List<Nb101Arch> out = new ArrayList<>();
    for (int slot = 0; slot < Nb101Arch.EDGE_SLOTS; slot++) {
      Nb101Arch b = arch.withEdgeFlipped(slot);
      if (isValid(b)) {
        out.add(b);
      }
    }
    for (int v = 1; v <= Nb101Arch.INTERIOR; v++) {
      for (Nb101Op op : Nb101Op.values()) {
        if (op != arch.op(v)) {
          Nb101Arch b = arch.withOp(v, op);
          if (isValid(b)) {
            out.add(b);
          }
        }
      }
    }
    return out;
  }

  /** Hamming distance over the encoding: differing edge slots plus differing ops. */
  @Override
  public int distance(Nb101Arch a, Nb101Arch b) {
    int d = Integer.bitCount(a.edges() ^ b.edges());
    for (int v = 1; v <= Nb101Arch.INTERIOR; v++) {
      d += a.op(v) == b.op(v) ? 0 : 1;
    }
    return d;
  }

  /** 26: every edge slot and every op. */
  @Override
  public int maxDistance() {
    return ENCODING_LENGTH;
  }

  /** The NB101 module hash of the pruned cell, or {@value #DISCONNECTED_KEY}. */
  @Override
  public String canonicalKey(Nb101Arch arch) {
    return arch.pruned().map(Nb101GraphHash::of).orElse(DISCONNECTED_KEY);
  }

  /**
   * The member of the class that NB101 stores, padded to 7 vertices; for a disconnected cell the
   * empty matrix with {@code conv3x3-bn-relu} everywhere. Idempotent.
   */
  @Override
  public Nb101Arch canonical(Nb101Arch arch) {
    return arch.pruned().map(g -> Nb101Arch.padded(Nb101CanonicalForm.of(g)))
        .orElseGet(() -> new Nb101Arch(0,
            Collections.nCopies(Nb101Arch.INTERIOR, Nb101Arch.PADDING_OP)));
  }

  /** Whether the output is reached from the input (an over-long cell is trainable too). */
  @Override
  public boolean isTrainable(Nb101Arch arch) {
    return arch.isConnected();
  }

  @Override
  public int encodingLength() {
    return ENCODING_LENGTH;
  }

  /** 2 for an edge slot, 3 for an op. */
  @Override
  public int encodingChoices(int position) {
    Objects.checkIndex(position, ENCODING_LENGTH);
    return position < Nb101Arch.EDGE_SLOTS ? 2 : OP_COUNT;
  }

  @Override
  public int[] encode(Nb101Arch arch) {
    int[] code = new int[ENCODING_LENGTH];
    for (int slot = 0; slot < Nb101Arch.EDGE_SLOTS; slot++) {
      code[slot] = arch.edges() >>> slot & 1;
    }
    for (int v = 1; v <= Nb101Arch.INTERIOR; v++) {
      code[Nb101Arch.EDGE_SLOTS + v - 1] = arch.op(v).ordinal();
    }
    return code;
  }

  /** Empty for a disconnected or over-long cell. */
  @Override
  public Optional<Nb101Arch> decode(int[] encoding) {
    if (encoding.length != ENCODING_LENGTH) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "an NB101 encoding has %d"
          + " entries, got %d", ENCODING_LENGTH, encoding.length));
    }
    int edges = 0;
    List<Nb101Op> ops = new ArrayList<>(Nb101Arch.INTERIOR);
    for (int i = 0; i < ENCODING_LENGTH; i++) {
      if (encoding[i] < 0 || encoding[i] >= encodingChoices(i)) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "NB101 encoding entry %d"
            + " is %d (allowed: 0..%d)", i, encoding[i], encodingChoices(i) - 1));
      }
      if (i < Nb101Arch.EDGE_SLOTS) {
        edges |= encoding[i] << i;
      } else {
        ops.add(Nb101Op.ofIndex(encoding[i]));
      }
    }
    Nb101Arch a = new Nb101Arch(edges, ops);
    return isValid(a) ? Optional.of(a) : Optional.empty();
  }

  /**
   * The parameters and MACs of the network NB101 trained for {@code arch}'s class (its {@link
   * #canonical} form), counted as {@link Nb101CostModel} says.
   *
   * @throws IllegalArgumentException for a disconnected cell, or image sides not divisible by 4
   */
  @Override
  public NetworkCost cost(Nb101Arch arch, Skeleton skeleton) {
    return labelledCost(canonical(requireConnected(arch)), skeleton).networkCost();
  }

  /**
   * The cost of the network built from {@code arch} exactly as numbered, with the FLOPs NASLib's
   * table counts: what its {@code params} and {@code flops} columns hold.
   *
   * @throws IllegalArgumentException for a disconnected cell, or image sides not divisible by 4
   */
  public Nb101Cost labelledCost(Nb101Arch arch, Skeleton skeleton) {
    Objects.requireNonNull(skeleton, "skeleton");
    return Nb101CostModel.of(requireConnected(arch).pruned().orElseThrow(), skeleton);
  }

  private static Nb101Arch requireConnected(Nb101Arch arch) {
    if (!arch.isConnected()) {
      throw new IllegalArgumentException("NB101 cell " + arch + " has no network: its output"
          + " cannot be reached from its input");
    }
    return arch;
  }

  @Override
  public String toString() {
    return id();
  }
}
