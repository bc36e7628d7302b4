package org.landmarknas.space;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The DARTS search space (Liu et al., ICLR 2019, arXiv:1806.09055), as NAS-Bench-301 samples it:
 * genotypes ({@link DartsGenotype}) of a normal and a reduction cell, each node reading two
 * different inputs through one of the seven {@link DartsOp}s.
 *
 * <p><b>Size.</b> Node {@code k} (2..5) chooses 2 of its {@code k} inputs and an op for each:
 * C(k, 2) * 7^2 ways up to the order of its two edges, so a cell has (1 * 3 * 6 * 10) * 7^8 =
 * 1,037,664,180 and a genotype its square, 1,076,746,950,455,072,400 (about 10^18,
 * NAS-Bench-301's figure): what {@link #size()} and {@link #classCount()} return. Genotypes as
 * written (edge order within a node counted) number 2^8 times that, about 2.8 * 10^20, beyond a
 * {@code long}: {@link #labelledCount()}. The landmark paper's 3.3 * 10^13 is 7^16, the op
 * choices alone with every input fixed. {@link #enumerate()} is empty.
 *
 * <p><b>Equivalence.</b> Only the order of a node's two edges is merged ({@link
 * DartsCell#canonical}): a node sums them. Nothing else is: {@code skip_connect} from different
 * inputs computes different functions, ops differ, and every node reaches the output through the
 * concatenation. Two independent nodes swapped (with the later nodes' inputs renumbered) build
 * the same network up to a channel permutation of the next cell's 1x1 convs, but DARTS and
 * NAS-Bench-301 treat them as different genotypes, and a weight-sharing super-net trains them
 * on different slots; so they stay apart here.
 *
 * <p><b>Encoding.</b> 32 integers: per node [input, op] of its first edge, then of its second,
 * nodes 2-5, normal cell then reduction cell (the reference's NAO encoding). An input position
 * takes the node's k values, an op position 7. {@link #distance} is Hamming over it, so a changed
 * input and a changed op are each one step, and a swap of a node's edges is two or four steps
 * though it changes nothing: distance compares genotypes as written.
 *
 * <p><b>Cost.</b> {@link #cost} is the stand-alone DARTS network with affine BNs ({@link
 * DartsCostModel}): L = 3N + 2 cells for N = {@link Skeleton#cells()}, so N = 6 and C = 36 is
 * DARTS's CIFAR-10 network of 20 cells. Image sides must be divisible by 4 (28 and 32 are).
 *
 * <p>Stateless and thread-safe; {@link #INSTANCE} serves every caller.
 */
public final class DartsSpace implements SearchSpace<DartsGenotype> {

  /** The shared instance. */
  public static final DartsSpace INSTANCE = new DartsSpace();
  private static final int OPS = DartsOp.values().length;
  /** Entries per edge in the encoding: input, op. */
  private static final int PER_EDGE = 2;
  private static final int ENCODING_LENGTH = DartsGenotype.SLOTS * PER_EDGE;
  private static final long CELLS = cellCount(false).longValueExact();
  private static final long GENOTYPES = Math.multiplyExact(CELLS, CELLS);

  /** Creates a space handle; equivalent to {@link #INSTANCE}. */
  public DartsSpace() {
  }

  private static BigInteger cellCount(boolean ordered) {
    BigInteger n = BigInteger.ONE;
    for (int k = DartsCell.CELL_INPUTS; k < DartsCell.CELL_INPUTS + DartsCell.NODES; k++) {
      long inputs = ordered ? (long) k * (k - 1) : (long) k * (k - 1) / 2;
      n = n.multiply(BigInteger.valueOf(inputs * OPS * OPS));
    }
    return n;
  }

  /** The space's identifier in run records: {@code darts}. */
  @Override
  public String id() {
    return "darts";
  }

  /**
   * Reads the readable form, a DARTS {@code Genotype} string or a compact key ({@link
   * DartsNotation}).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  @Override
  public DartsGenotype parse(String text) {
    return DartsNotation.parse(text);
  }

  /** The comma-free readable form ({@link DartsNotation#format}). */
  @Override
  public String format(DartsGenotype arch) {
    return DartsNotation.format(arch);
  }

  /** Genotypes up to edge order within a node: (180 * 7^8)^2, about 1.08 * 10^18. */
  @Override
  public long size() {
    return GENOTYPES;
  }

  /** Genotypes as written, edge order counted: (2880 * 7^8)^2, about 2.76 * 10^20. */
  public BigInteger labelledCount() {
    return cellCount(true).pow(2);
  }

  /** Empty: the space is far too large to list. */
  @Override
  public Optional<List<DartsGenotype>> enumerate() {
    return Optional.empty();
  }

  /** {@link #size()}: a class is a genotype up to edge order. */
  @Override
  public OptionalLong classCount() {
    return OptionalLong.of(GENOTYPES);
  }

  /** Uniform over genotypes as written: per node an ordered pair of inputs, per edge an op. */
  @Override
  public DartsGenotype sample(SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    return new DartsGenotype(sampleCell(rng), sampleCell(rng));
  }

  private static DartsCell sampleCell(SplittableRandom rng) {
    List<DartsCell.Edge> edges = new ArrayList<>(DartsCell.EDGES);
    for (int j = 0; j < DartsCell.NODES; j++) {
      int inputs = DartsCell.inputChoices(2 * j);
      int a = rng.nextInt(inputs);
      int b = rng.nextInt(inputs - 1);
      b = b >= a ? b + 1 : b;
      edges.add(new DartsCell.Edge(a, DartsOp.ofIndex(rng.nextInt(OPS))));
      edges.add(new DartsCell.Edge(b, DartsOp.ofIndex(rng.nextInt(OPS))));
    }
    return new DartsCell(edges);
  }

  /**
   * {@code n} genotypes drawn by {@link #sample}, the first of each class, in draw order. Every
   * genotype is trainable.
   *
   * @throws IllegalArgumentException when {@code n} is negative
   */
  @Override
  public List<DartsGenotype> sampleDistinct(int n, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    if (n < 0) {
      throw new IllegalArgumentException("cannot draw " + n + " distinct DARTS genotypes");
    }
    List<DartsGenotype> out = new ArrayList<>(n);
    Set<DartsGenotype> seen = new HashSet<>();
    while (out.size() < n) {
      DartsGenotype g = sample(rng);
      if (seen.add(g.canonical())) {
        out.add(g);
      }
    }
    return out;
  }

  /** A neighbour drawn uniformly from {@link #neighbours}. */
  @Override
  public DartsGenotype mutate(DartsGenotype arch, SplittableRandom rng) {
    Objects.requireNonNull(rng, "rng");
    List<DartsGenotype> n = neighbours(arch);
    return n.get(rng.nextInt(n.size()));
  }

  /**
   * Every genotype one input or one op away: for each slot (normal cell's edges 0-7, then the
   * reduction cell's), first the other inputs in ascending order (not the one the node's other
   * edge reads), then the other ops in ordinal order: 16 * 6 = 96 op changes and 2 * 2 * (0 + 1
   * + 2 + 3) = 24 input changes, 120 neighbours whatever the genotype.
   */
  @Override
  public List<DartsGenotype> neighbours(DartsGenotype arch) {
    Objects.requireNonNull(arch, "arch");
    List<DartsGenotype> out = new ArrayList<>();
    for (int slot = 0; slot < DartsGenotype.SLOTS; slot++) {
      DartsCell.Edge e = arch.edge(slot);
      int partner = arch.edge(slot ^ 1).input();
      for (int in = 0; in < DartsCell.inputChoices(slot % DartsCell.EDGES); in++) {
        if (in != e.input() && in != partner) {
          out.add(arch.withEdge(slot, new DartsCell.Edge(in, e.op())));
        }
      }
      for (DartsOp op : DartsOp.values()) {
        if (op != e.op()) {
          out.add(arch.withEdge(slot, new DartsCell.Edge(e.input(), op)));
        }
      }
    }
    return out;
  }

  /** Hamming distance over the encoding: differing inputs plus differing ops, slot by slot. */
  @Override
  public int distance(DartsGenotype a, DartsGenotype b) {
    int d = 0;
    for (int slot = 0; slot < DartsGenotype.SLOTS; slot++) {
      d += a.edge(slot).input() == b.edge(slot).input() ? 0 : 1;
      d += a.edge(slot).op() == b.edge(slot).op() ? 0 : 1;
    }
    return d;
  }

  /** 32: every input and every op differs. */
  @Override
  public int maxDistance() {
    return ENCODING_LENGTH;
  }

  /** The readable form of the {@link #canonical} genotype. */
  @Override
  public String canonicalKey(DartsGenotype arch) {
    return format(canonical(arch));
  }

  /** Each node's edges ordered by input ({@link DartsGenotype#canonical}). */
  @Override
  public DartsGenotype canonical(DartsGenotype arch) {
    return arch.canonical();
  }

  /** Always: every node reaches the output, and every op passes its input on. */
  @Override
  public boolean isTrainable(DartsGenotype arch) {
    return true;
  }

  @Override
  public int encodingLength() {
    return ENCODING_LENGTH;
  }

  /** The node's number of inputs (2..5) for an input position, 7 for an op position. */
  @Override
  public int encodingChoices(int position) {
    Objects.checkIndex(position, ENCODING_LENGTH);
    return position % PER_EDGE == 0
        ? DartsCell.inputChoices(position / PER_EDGE % DartsCell.EDGES) : OPS;
  }

  @Override
  public int[] encode(DartsGenotype arch) {
    int[] code = new int[ENCODING_LENGTH];
    for (int slot = 0; slot < DartsGenotype.SLOTS; slot++) {
      code[PER_EDGE * slot] = arch.edge(slot).input();
      code[PER_EDGE * slot + 1] = arch.edge(slot).op().ordinal();
    }
    return code;
  }

  /** Empty when a node reads one input twice. */
  @Override
  public Optional<DartsGenotype> decode(int[] encoding) {
    if (encoding.length != ENCODING_LENGTH) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "a DARTS encoding has %d"
          + " entries, got %d", ENCODING_LENGTH, encoding.length));
    }
    List<DartsCell.Edge> edges = new ArrayList<>(DartsGenotype.SLOTS);
    for (int i = 0; i < ENCODING_LENGTH; i += PER_EDGE) {
      for (int p = i; p < i + PER_EDGE; p++) {
        if (encoding[p] < 0 || encoding[p] >= encodingChoices(p)) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "DARTS encoding entry"
              + " %d is %d (allowed: 0..%d)", p, encoding[p], encodingChoices(p) - 1));
        }
      }
      edges.add(new DartsCell.Edge(encoding[i], DartsOp.ofIndex(encoding[i + 1])));
    }
    for (int e = 0; e < DartsGenotype.SLOTS; e += 2) {
      if (edges.get(e).input() == edges.get(e + 1).input()) {
        return Optional.empty();
      }
    }
    return Optional.of(new DartsGenotype(new DartsCell(edges.subList(0, DartsCell.EDGES)),
        new DartsCell(edges.subList(DartsCell.EDGES, DartsGenotype.SLOTS))));
  }

  /**
   * The parameters and MACs of the stand-alone DARTS network, BNs affine ({@link
   * DartsCostModel}); equivalent genotypes build the same network.
   *
   * @throws IllegalArgumentException when an image side is not divisible by 4, or C is odd
   */
  @Override
  public NetworkCost cost(DartsGenotype arch, Skeleton skeleton) {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(skeleton, "skeleton");
    return DartsCostModel.of(arch, skeleton, true);
  }

  /**
   * The cost as NASLib's model counts it, the ops' BNs not affine: what NAS-Bench-301's
   * published {@code params} column holds (for C = 32, 8 cells: {@code Skeleton(3, 32, 32, 10,
   * 32, 2)}).
   */
  public NetworkCost nasLibCost(DartsGenotype arch, Skeleton skeleton) {
    Objects.requireNonNull(arch, "arch");
    Objects.requireNonNull(skeleton, "skeleton");
    return DartsCostModel.of(arch, skeleton, false);
  }

  @Override
  public String toString() {
    return id();
  }
}
