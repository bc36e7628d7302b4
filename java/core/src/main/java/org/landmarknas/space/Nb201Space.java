package org.landmarknas.space;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The NAS-Bench-201 search space (Dong &amp; Yang, ICLR 2020, arXiv:2001.00326) as a whole: its
 * size, uniform sampling, single-edge mutation, Hamming distance, enumeration, and a canonical
 * form that merges equivalent cells: the same function under the assumptions below (BatchNorm's
 * shift taken as zero; an op reached twice counted as two independently weighted ops).
 *
 * <h2>Canonical form</h2>
 *
 * <p>{@link #canonicalKey(Nb201Arch)} is a normal-form expression of the cell output in the
 * input {@code x}. Each node's value is the <em>multiset sum</em> of its incoming terms:
 *
 * <ul>
 *   <li>node 0 is the single term {@code x};
 *   <li>{@code none} contributes nothing;
 *   <li>{@code skip_connect} contributes the source's terms themselves (identity; sums are
 *       associative, so they are flattened into the target's multiset);
 *   <li>{@code nor_conv_1x1}, {@code nor_conv_3x3} and {@code avg_pool_3x3} contribute one term
 *       {@code op(expr(src))}, where {@code expr(src)} is the source's own normal form;
 *   <li>a node with no terms is <em>zero</em>, and an op applied to zero is zero, so it
 *       contributes nothing either;
 *   <li>terms are sorted, and duplicates are kept: {@code x + x} is not {@code x}.
 * </ul>
 *
 * <p>The key is the output node's sorted terms joined by {@code +}, e.g. {@code
 * nor_conv_3x3(x)+x}, or {@code 0} when the output is zero; every cell with a zero output is in
 * one class. Consequences: edges that cannot influence the output ({@link
 * Nb201Arch#activeEdges()}) do not change the key, nodes 1 and 2 may be swapped when no active
 * edge {@code 2<-1} joins them, and a skip edge is the same as inlining its source.
 *
 * <p><b>Assumption:</b> "an op of zero is zero" is exact for {@code avg_pool_3x3} and for a
 * bias-free convolution, but a {@code nor_conv} ends in BatchNorm, whose output on a zero input
 * is its shift {@code beta}, not zero. The form treats that constant as zero, as the benchmark's
 * own unique-cell count does too. Further merges that real ops would allow, such as the linearity
 * of average pooling ({@code avg_pool(a + b) = avg_pool(a) + avg_pool(b)}), are not applied: an
 * op is an opaque function of its input's normal form.
 *
 * <p>The tree form also ignores weight tying: a term reached twice through the same edge (node 1
 * feeding the output both directly and, by skips, through node 2) counts like two edges with
 * their own weights, as in the benchmark's rule. So {@code 2 conv(x)} (one conv, reached twice)
 * and {@code conv1(x) + conv2(x)} (two convs) share a class although they are different
 * networks with different parameter counts: the class's stand-alone score is that of its
 * smallest-code member, and a benchmark draws one of them, not both. The NB201 table scores such
 * pairs within seed noise of each other (e.g. 88.47 / 88.59 / 88.63 %).
 *
 * <p>Under these rules the 15,625 cells fall into 4,930 classes: 4,929 with a nonzero output and
 * the zero class. The benchmark paper's 6,466 "unique" cells come from a rule that merges less
 * ({@code to_unique_str(consider_zero=True)} in the authors' code). It keeps a placeholder for
 * every zero term, so {@code x} reached through a node with one dead input differs from {@code
 * x}, and a node whose inputs are all zero counts as zero only when it has a single input; and it
 * inserts a skipped multi-term sum as one term instead of merging the multisets. Fixing only the
 * zero handling gives 5,390 classes, only the flattening 5,755, both 4,930.
 *
 * <p>{@link #canonical(Nb201Arch)} picks the member of a class with the smallest {@link
 * Nb201Arch#code()}. The class tables cover all 15,625 cells and are built once, on first use.
 *
 * <p>Instances are stateless and thread-safe; {@link #INSTANCE} serves every caller.
 */
public final class Nb201Space implements SearchSpace<Nb201Arch> {

  /** The shared instance; the class holds no per-instance state. */
  public static final Nb201Space INSTANCE = new Nb201Space();

  private static final int OP_COUNT = Nb201Op.values().length;
  private static final String ZERO = "0";
  private static final String INPUT = "x";

  /** Creates a space handle; equivalent to {@link #INSTANCE}. */
  public Nb201Space() {
  }

  /** The space's identifier in configs and run records: {@code nas-bench-201}. */
  @Override
  public String id() {
    return "nas-bench-201";
  }

  /** {@link Nb201Arch#parse}: the {@code |op~0|+|op~0|op~1|+|...|} string. */
  @Override
  public Nb201Arch parse(String text) {
    return Nb201Arch.parse(text);
  }

  @Override
  public String format(Nb201Arch arch) {
    return arch.toString();
  }

  /** Number of architectures: 5^6 = 15,625. */
  @Override
  public long size() {
    return Nb201Arch.SPACE_SIZE;
  }

  @Override
  public Optional<List<Nb201Arch>> enumerate() {
    return Optional.of(all());
  }

  @Override
  public OptionalLong classCount() {
    return OptionalLong.of(distinctClassCount());
  }

  /** Largest possible {@link #distance(Nb201Arch, Nb201Arch)}: the number of edges, 6. */
  @Override
  public int maxDistance() {
    return Nb201Arch.EDGES;
  }

  /** Whether an input-output path exists ({@link Nb201Arch#isConnected()}). */
  @Override
  public boolean isTrainable(Nb201Arch arch) {
    return arch.isConnected();
  }

  /** One op index per edge, in the string's edge order. */
  @Override
  public NetworkCost cost(Nb201Arch arch, Skeleton skeleton) {
    return Nb201CostModel.of(arch, skeleton);
  }

  @Override
  public int encodingLength() {
    return Nb201Arch.EDGES;
  }

  @Override
  public int encodingChoices(int position) {
    Objects.checkIndex(position, Nb201Arch.EDGES);
    return OP_COUNT;
  }

  @Override
  public int[] encode(Nb201Arch arch) {
    return arch.opIndices();
  }

  /** Every encoding names a cell: never empty. */
  @Override
  public Optional<Nb201Arch> decode(int[] encoding) {
    return Optional.of(Nb201Arch.ofIndices(encoding));
  }

  /** The 24 cells with one edge changed: edge by edge, ops in index order. */
  @Override
  public List<Nb201Arch> neighbours(Nb201Arch arch) {
    List<Nb201Arch> out = new ArrayList<>(Nb201Arch.EDGES * (OP_COUNT - 1));
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      for (Nb201Op op : Nb201Op.values()) {
        if (op != arch.op(e)) {
          out.add(arch.with(e, op));
        }
      }
    }
    return out;
  }

  /** An architecture drawn uniformly from all 15,625. */
  @Override
  public Nb201Arch sample(SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    return All.ARCHS.get(rng.nextInt(Nb201Arch.SPACE_SIZE));
  }

  /**
   * {@code n} architectures: cells drawn uniformly, keeping only connected ones (an input-output
   * path exists) and the first of each canonical class, in draw order. Benchmarks draw their
   * architecture lists with this, so that no two entries are the same network and none is the
   * constant-output cell whose accuracy is chance by construction. A class is therefore picked
   * in proportion to its size (the class of a bare skip, 341 cells, far more often than a cell
   * whose every edge is active, a class of one), as a user drawing cells from the benchmark
   * table would meet them; not uniformly over classes.
   *
   * @throws IllegalArgumentException when {@code n} exceeds the number of connected classes
   */
  @Override
  public List<Nb201Arch> sampleDistinct(int n, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    // every disconnected cell falls into the one class of the zero output
    int connectedClasses = distinctClassCount() - 1;
    if (n < 0 || n > connectedClasses) {
      throw new IllegalArgumentException("cannot draw " + n + " distinct architectures: the"
          + " space has " + connectedClasses + " classes of connected cells");
    }
    List<Nb201Arch> out = new java.util.ArrayList<>(n);
    java.util.Set<String> classes = new java.util.HashSet<>();
    while (out.size() < n) {
      Nb201Arch a = sample(rng);
      if (a.isConnected() && classes.add(canonicalKey(a))) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * A copy of {@code a} with exactly one edge changed: the edge is uniform over the 6, its new op
   * uniform over the 4 ops it does not already have.
   */
  @Override
  public Nb201Arch mutate(Nb201Arch a, SplittableRandom rng) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(rng, "rng");
    int edge = rng.nextInt(Nb201Arch.EDGES);
    int current = a.op(edge).ordinal();
    int pick = rng.nextInt(OP_COUNT - 1);
    // Skip over the current op so that each of the other four has probability 1/4.
    return a.with(edge, Nb201Op.ofIndex(pick >= current ? pick + 1 : pick));
  }

  /** Hamming distance: the number of edges whose ops differ (0..6). Symmetric. */
  @Override
  public int distance(Nb201Arch a, Nb201Arch b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    int d = 0;
    for (int e = 0; e < Nb201Arch.EDGES; e++) {
      if (a.op(e) != b.op(e)) {
        d++;
      }
    }
    return d;
  }

  /** Every architecture, in {@link Nb201Arch#code()} order (element i has code i); immutable. */
  public List<Nb201Arch> all() {
    return All.ARCHS;
  }

  /**
   * The normal-form expression of {@code a}'s output (see the class Javadoc); two architectures
   * are equivalent exactly when their keys are equal.
   */
  @Override
  public String canonicalKey(Nb201Arch a) {
    Objects.requireNonNull(a, "a");
    return Classes.KEYS[a.code()];
  }

  /**
   * The representative of {@code a}'s class: the equivalent architecture with the smallest
   * {@link Nb201Arch#code()}. Idempotent.
   */
  @Override
  public Nb201Arch canonical(Nb201Arch a) {
    Objects.requireNonNull(a, "a");
    return All.ARCHS.get(Classes.REPRESENTATIVE[a.code()]);
  }

  /** Number of equivalence classes among all 15,625 architectures (computed once). */
  public int distinctClassCount() {
    return Classes.COUNT;
  }

  @Override
  public String toString() {
    return id();
  }

  /**
   * Computes the key of one cell. Node terms are kept as sorted lists of strings; a term string is
   * itself in normal form, so sorting strings gives a canonical order, and the parenthesised
   * operands keep the {@code +}-joined key unambiguous.
   */
  static String computeKey(Nb201Arch a) {
    List<List<String>> nodes = new ArrayList<>(Nb201Arch.NODES);
    nodes.add(List.of(INPUT));
    for (int to = 1; to < Nb201Arch.NODES; to++) {
      List<String> terms = new ArrayList<>();
      for (int from = 0; from < to; from++) {
        Nb201Op op = a.op(Nb201Arch.edgeIndex(to, from));
        List<String> src = nodes.get(from);
        if (op == Nb201Op.NONE || src.isEmpty()) {
          continue; // nothing, or an op of zero
        }
        if (op == Nb201Op.SKIP_CONNECT) {
          terms.addAll(src);
        } else {
          terms.add(op.id() + "(" + String.join("+", src) + ")");
        }
      }
      terms.sort(null);
      nodes.add(terms);
    }
    List<String> out = nodes.get(Nb201Arch.NODES - 1);
    return out.isEmpty() ? ZERO : String.join("+", out);
  }

  /** Lazy holder: the enumeration, built on first use. */
  private static final class All {
    static final List<Nb201Arch> ARCHS;

    static {
      Nb201Arch[] archs = new Nb201Arch[Nb201Arch.SPACE_SIZE];
      for (int c = 0; c < archs.length; c++) {
        archs[c] = Nb201Arch.ofCode(c);
      }
      ARCHS = List.of(archs);
    }
  }

  /** Lazy holder: key and representative of every code, and the class count. */
  private static final class Classes {
    static final String[] KEYS = new String[Nb201Arch.SPACE_SIZE];
    static final int[] REPRESENTATIVE = new int[Nb201Arch.SPACE_SIZE];
    static final int COUNT;

    static {
      Map<String, Integer> firstCode = new HashMap<>();
      for (int c = 0; c < Nb201Arch.SPACE_SIZE; c++) {
        String key = computeKey(All.ARCHS.get(c));
        KEYS[c] = key;
        // Codes ascend, so the first code seen for a key is the smallest.
        Integer first = firstCode.putIfAbsent(key, c);
        REPRESENTATIVE[c] = first == null ? c : first;
      }
      COUNT = firstCode.size();
    }
  }
}
