package org.landmarknas.space;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One labelled NAS-Bench-101 cell spec: a 7-vertex upper-triangular adjacency matrix (vertex 0
 * the input, 6 the output) and the ops of the 5 interior vertices. Equality is over exactly this
 * structure, so two specs that NB101 treats as one cell (isomorphic, or differing only in
 * vertices that pruning removes) are different values; {@link Nb101Space#canonicalKey} and
 * {@link Nb101Space#canonical} relate them. A value may be outside the space (disconnected, or
 * over the edge limit): {@link Nb101Space#isValid} says.
 *
 * <p>The 21 possible edges are numbered as the space's encoding lists them: for target vertex j =
 * 1..6, its sources i = 0..j-1, so edge i&rarr;j is bit {@code j(j-1)/2 + i} of {@link #edges()}.
 *
 * @param edges the edge bits, 0..2^21-1
 * @param ops the ops of interior vertices 1..5, in vertex order
 */
public record Nb101Arch(int edges, List<Nb101Op> ops) {

  /** Vertices of a cell, input and output included. */
  public static final int VERTICES = 7;
  /** Interior vertices of a cell. */
  public static final int INTERIOR = VERTICES - 2;
  /** Possible edges of a 7-vertex upper-triangular matrix. */
  public static final int EDGE_SLOTS = VERTICES * (VERTICES - 1) / 2;
  /** The op every padding vertex gets: vertices that pruning removes never run. */
  static final Nb101Op PADDING_OP = Nb101Op.CONV3X3_BN_RELU;
  private static final int OUTPUT = VERTICES - 1;

  /** Validates the components; see the record description. */
  public Nb101Arch {
    if (edges < 0 || edges >= 1 << EDGE_SLOTS) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "NB101 edge bits %d out of range (allowed: 0..%d)", edges, (1 << EDGE_SLOTS) - 1));
    }
    ops = List.copyOf(Objects.requireNonNull(ops, "ops"));
    if (ops.size() != INTERIOR) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "an NB101 cell needs %d interior ops, got %d", INTERIOR, ops.size()));
    }
  }

  /** The position of edge {@code from -> to} among the 21 edge bits. */
  public static int edgeSlot(int from, int to) {
    if (from < 0 || from >= to || to >= VERTICES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "no NB101 edge %d->%d (need 0 <= from < to <= %d)", from, to, OUTPUT));
    }
    return to * (to - 1) / 2 + from;
  }

  /** Whether the edge {@code from -> to} exists. */
  public boolean edge(int from, int to) {
    return (edges >>> edgeSlot(from, to) & 1) != 0;
  }

  /** The op of interior vertex {@code v} (1..5). */
  public Nb101Op op(int v) {
    Objects.checkIndex(v - 1, INTERIOR);
    return ops.get(v - 1);
  }

  /** The number of edges of the matrix as written (before pruning). */
  public int edgeCount() {
    return Integer.bitCount(edges);
  }

  /** A copy with the edge in slot {@code slot} (see {@link #edgeSlot}) flipped. */
  public Nb101Arch withEdgeFlipped(int slot) {
    Objects.checkIndex(slot, EDGE_SLOTS);
    return new Nb101Arch(edges ^ 1 << slot, ops);
  }

  /** A copy with interior vertex {@code v}'s op replaced. */
  public Nb101Arch withOp(int v, Nb101Op op) {
    Objects.checkIndex(v - 1, INTERIOR);
    List<Nb101Op> copy = new ArrayList<>(ops);
    copy.set(v - 1, Objects.requireNonNull(op, "op"));
    return new Nb101Arch(edges, copy);
  }

  /**
   * The vertices on an input-output path, as a bit set over 0..6; empty (0) when the output
   * cannot be reached from the input, for then no vertex is on such a path.
   */
  public int keptVertices() {
    int fromInput = 1;
    for (int j = 1; j < VERTICES; j++) {
      for (int i = 0; i < j; i++) {
        if ((fromInput >>> i & 1) != 0 && edge(i, j)) {
          fromInput |= 1 << j;
        }
      }
    }
    int toOutput = 1 << OUTPUT;
    for (int i = OUTPUT - 1; i >= 0; i--) {
      for (int j = i + 1; j < VERTICES; j++) {
        if ((toOutput >>> j & 1) != 0 && edge(i, j)) {
          toOutput |= 1 << i;
        }
      }
    }
    int kept = fromInput & toOutput;
    return (kept & 1 << OUTPUT) != 0 ? kept : 0;
  }

  /** Whether the output can be reached from the input. */
  public boolean isConnected() {
    return keptVertices() != 0;
  }

  /**
   * The pruned cell: the vertices on an input-output path, renumbered in their order, with the
   * edges among them, as the NB101 release prunes a spec before hashing or building it; empty
   * when the output cannot be reached from the input.
   */
  public Optional<Nb101Graph> pruned() {
    int kept = keptVertices();
    if (kept == 0) {
      return Optional.empty();
    }
    int[] old = new int[Integer.bitCount(kept)];
    for (int v = 0, k = 0; v < VERTICES; v++) {
      if ((kept >>> v & 1) != 0) {
        old[k++] = v;
      }
    }
    long adjacency = 0;
    List<Nb101Op> keptOps = new ArrayList<>();
    for (int k = 0; k < old.length; k++) {
      for (int l = k + 1; l < old.length; l++) {
        if (edge(old[k], old[l])) {
          adjacency |= Nb101Graph.edgeBit(k, l);
        }
      }
      if (k > 0 && k < old.length - 1) {
        keptOps.add(op(old[k]));
      }
    }
    return Optional.of(new Nb101Graph(old.length, adjacency, keptOps));
  }

  /**
   * The 7-vertex cell of a pruned graph: its interior vertices keep their numbers, the output
   * becomes vertex 6, and the unused vertices in between get no edges and {@code
   * conv3x3-bn-relu} (pruning removes them again, so their op is arbitrary; a fixed one makes the
   * result a function of the graph).
   */
  public static Nb101Arch padded(Nb101Graph graph) {
    int out = graph.output();
    int bits = 0;
    for (int i = 0; i < graph.vertices(); i++) {
      for (int j = i + 1; j < graph.vertices(); j++) {
        if (graph.edge(i, j)) {
          bits |= 1 << edgeSlot(i, j == out ? OUTPUT : j);
        }
      }
    }
    List<Nb101Op> padded = new ArrayList<>(graph.ops());
    padded.addAll(Collections.nCopies(INTERIOR - graph.ops().size(), PADDING_OP));
    return new Nb101Arch(bits, padded);
  }

  /** The cell in the space's readable notation ({@link Nb101Notation}). */
  @Override
  public String toString() {
    return Nb101Notation.format(this);
  }
}
