package org.landmarknas.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One NAS-Bench-201 cell: an op on each of the 6 edges of a 4-node DAG. Node 0 is the cell input,
 * node 3 its output. Edges are always listed in the benchmark's order
 * {@code 1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2} ({@link #EDGE_TO}, {@link #EDGE_FROM}).
 *
 * <p>The string form is the benchmark's {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|}; {@link
 * #parse(String)} and {@link #toString()} round-trip it byte for byte. The integer {@link #code()}
 * is the mixed-radix number with edge 0 as the most significant digit; it is <em>not</em> the
 * NAS-Bench-201 table index (see {@code org.landmarknas.bench.Nb201Table}).
 */
public record Nb201Arch(List<Nb201Op> ops) {

  public static final int EDGES = 6;
  public static final int NODES = 4;
  /** Number of architectures in the space: 5^6. */
  public static final int SPACE_SIZE = 15_625;
  /** Target node of each edge, in canonical edge order. */
  private static final int[] EDGE_TO = {1, 2, 2, 3, 3, 3};
  /** Source node of each edge, in canonical edge order. */
  private static final int[] EDGE_FROM = {0, 0, 1, 0, 1, 2};

  public Nb201Arch {
    Objects.requireNonNull(ops, "ops");
    ops = List.copyOf(ops);
    if (ops.size() != EDGES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "an NB201 architecture needs %d edge ops, got %d", EDGES, ops.size()));
    }
  }

  /** Builds an architecture from op indices (0..4) in edge order. */
  public static Nb201Arch ofIndices(int... indices) {
    if (indices.length != EDGES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "an NB201 architecture needs %d edge ops, got %d", EDGES, indices.length));
    }
    List<Nb201Op> ops = new ArrayList<>(EDGES);
    for (int i : indices) {
      ops.add(Nb201Op.ofIndex(i));
    }
    return new Nb201Arch(ops);
  }

  /** Inverse of {@link #code()}. */
  public static Nb201Arch ofCode(int code) {
    if (code < 0 || code >= SPACE_SIZE) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "NB201 code %d out of range (allowed: 0..%d)", code, SPACE_SIZE - 1));
    }
    int[] idx = new int[EDGES];
    for (int e = EDGES - 1; e >= 0; e--) {
      idx[e] = code % 5;
      code /= 5;
    }
    return ofIndices(idx);
  }

  /** Mixed-radix code in 0..15624, edge 0 most significant. */
  public int code() {
    int c = 0;
    for (Nb201Op op : ops) {
      c = c * 5 + op.ordinal();
    }
    return c;
  }

  public Nb201Op op(int edge) {
    return ops.get(edge);
  }

  /** Op indices in edge order (a fresh array). */
  public int[] opIndices() {
    int[] r = new int[EDGES];
    for (int e = 0; e < EDGES; e++) {
      r[e] = ops.get(e).ordinal();
    }
    return r;
  }

  /** A copy with one edge replaced. */
  public Nb201Arch with(int edge, Nb201Op op) {
    List<Nb201Op> copy = new ArrayList<>(ops);
    copy.set(edge, op);
    return new Nb201Arch(copy);
  }

  public static int edgeFrom(int edge) {
    return EDGE_FROM[edge];
  }

  public static int edgeTo(int edge) {
    return EDGE_TO[edge];
  }

  /** The edge index of {@code to<-from}. */
  public static int edgeIndex(int to, int from) {
    for (int e = 0; e < EDGES; e++) {
      if (EDGE_TO[e] == to && EDGE_FROM[e] == from) {
        return e;
      }
    }
    throw new IllegalArgumentException("no NB201 edge " + to + "<-" + from);
  }

  /**
   * Edges whose op can influence the cell output: not {@code none}, the source reachable from
   * the input through non-none edges, and the target able to reach the output. Other edges are
   * skipped by the super-net's single-path forward, so they cost nothing.
   */
  public boolean[] activeEdges() {
    boolean[] fromInput = new boolean[NODES];
    fromInput[0] = true;
    for (int e = 0; e < EDGES; e++) { // edges are sorted by target, so one pass suffices
      if (fromInput[EDGE_FROM[e]] && ops.get(e) != Nb201Op.NONE) {
        fromInput[EDGE_TO[e]] = true;
      }
    }
    boolean[] toOutput = new boolean[NODES];
    toOutput[NODES - 1] = true;
    for (int e = EDGES - 1; e >= 0; e--) { // reverse order: targets are settled before sources
      if (toOutput[EDGE_TO[e]] && ops.get(e) != Nb201Op.NONE) {
        toOutput[EDGE_FROM[e]] = true;
      }
    }
    boolean[] active = new boolean[EDGES];
    for (int e = 0; e < EDGES; e++) {
      active[e] = ops.get(e) != Nb201Op.NONE && fromInput[EDGE_FROM[e]] && toOutput[EDGE_TO[e]];
    }
    return active;
  }

  /** True when some path of non-none edges connects the input to the output. */
  public boolean isConnected() {
    boolean[] active = activeEdges();
    for (boolean a : active) {
      if (a) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses the benchmark string form. Errors name the offending token and what is allowed.
   *
   * @throws IllegalArgumentException when the string is not a valid NB201 architecture
   */
  public static Nb201Arch parse(String s) {
    if (s == null) {
      throw new IllegalArgumentException("NB201 architecture string is null");
    }
    String t = s.strip();
    String[] nodes = t.split("\\+", -1);
    if (nodes.length != NODES - 1) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "NB201 architecture \"%s\": expected 3 node groups separated by '+', got %d"
              + " (form: |op~0|+|op~0|op~1|+|op~0|op~1|op~2|)", s, nodes.length));
    }
    List<Nb201Op> ops = new ArrayList<>(EDGES);
    for (int n = 0; n < nodes.length; n++) {
      String group = nodes[n];
      if (group.length() < 2 || group.charAt(0) != '|' || group.charAt(group.length() - 1) != '|') {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "NB201 architecture \"%s\": node group %d \"%s\" must start and end with '|'",
            s, n + 1, group));
      }
      String[] tokens = group.substring(1, group.length() - 1).split("\\|", -1);
      if (tokens.length != n + 1) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "NB201 architecture \"%s\": node %d needs %d inputs, got %d in \"%s\"",
            s, n + 1, n + 1, tokens.length, group));
      }
      for (int j = 0; j < tokens.length; j++) {
        String token = tokens[j];
        int tilde = token.lastIndexOf('~');
        if (tilde < 0) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "NB201 architecture \"%s\": token \"%s\" lacks '~source' (expected op~%d)",
              s, token, j));
        }
        String name = token.substring(0, tilde);
        String src = token.substring(tilde + 1);
        if (!src.equals(Integer.toString(j))) {
          throw new IllegalArgumentException(String.format(Locale.ROOT,
              "NB201 architecture \"%s\": token \"%s\" has source \"%s\", expected %d",
              s, token, src, j));
        }
        Nb201Op op = Nb201Op.ofId(name).orElseThrow(() -> new IllegalArgumentException(
            String.format(Locale.ROOT,
                "NB201 architecture \"%s\": token \"%s\": unknown op \"%s\" (allowed: %s)",
                s, token, name, Nb201Op.allowedIds())));
        ops.add(op);
      }
    }
    return new Nb201Arch(ops);
  }

  /** The benchmark string form, e.g. {@code |nor_conv_3x3~0|+|none~0|skip_connect~1|+|...|}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(96);
    int e = 0;
    for (int node = 1; node < NODES; node++) {
      if (node > 1) {
        sb.append('+');
      }
      sb.append('|');
      for (int j = 0; j < node; j++) {
        sb.append(ops.get(e++).id()).append('~').append(j).append('|');
      }
    }
    return sb.toString();
  }
}
