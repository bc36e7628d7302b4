package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.cat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.landmarknas.space.DartsCell;
import org.landmarknas.space.DartsOp;

/**
 * One DARTS cell position of the network at C channels per node: it preprocesses the outputs of
 * the two previous cells to C channels (ReLU-conv1x1-BN, or a {@link FactorizedReduce} for the
 * older one when the previous cell halved the image; these BNs are affine), runs each node as the
 * sum of its two edges, each edge an op on one earlier state, and concatenates nodes 2-5 (4C
 * channels). A reduction cell's edges on the cell inputs run at stride 2.
 *
 * <p>Its ops live in {@link DartsOpSet}s named as {@link DartsSharing} says: a super-net cell
 * holds every op in every set of its sharing, its pools followed by a non-affine BN; a
 * stand-alone cell one set per edge with the edge's op only, named by slot, its pools bare. A
 * super-net cell shared per edge also runs GDAS's forward ({@link #forwardGdas}), in which a node
 * sums all its incoming edges rather than a genotype's two.
 */
final class DartsCellModule {
  private final boolean reduction;
  private final DartsSharing sharing;
  private final UnaryOperator<Tensor> preprocess0;
  private final UnaryOperator<Tensor> preprocess1;
  private final Map<String, DartsOpSet> sets = new LinkedHashMap<>();

  /** The widths and position of a cell in the skeleton. */
  record Position(int channelsPrevPrev, int channelsPrev, int channels, boolean reduction,
      boolean reductionPrev) {}

  /** What a cell runs on: the network's BN mode, its builder and its average poolings. */
  record Context(BatchNormMode mode, NetworkBuilder init, AvgPool3x3 avgPool,
      AvgPool3x3 avgPoolStrided) {}

  private DartsCellModule(Module self, Position p, DartsSharing sharing, Context ctx) {
    this.reduction = p.reduction();
    this.sharing = sharing;
    int c = p.channels();
    if (p.reductionPrev()) {
      FactorizedReduce fr = new FactorizedReduce(self, "preprocess0", p.channelsPrevPrev(), c,
          ctx.mode(), true, ctx.init());
      preprocess0 = fr::forward;
    } else {
      ConvBn conv = new ConvBn(self, "preprocess0", p.channelsPrevPrev(), c, 1, 1, true,
          ctx.mode(), ctx.init());
      preprocess0 = conv::forward;
    }
    ConvBn conv1 = new ConvBn(self, "preprocess1", p.channelsPrev(), c, 1, 1, true, ctx.mode(),
        ctx.init());
    preprocess1 = conv1::forward;
  }

  /** A super-net cell: every op in every mixed op of {@code sharing}. */
  static DartsCellModule supernet(Module parent, String name, Position p, DartsSharing sharing,
      Context ctx) {
    Module self = ctx.init().child(parent, name);
    DartsCellModule cell = new DartsCellModule(self, p, sharing, ctx);
    for (DartsSharing.SetSpec s : sharing.supernetSets(p.reduction())) {
      cell.add(self, s.name(), s.stride(), EnumSet.allOf(DartsOp.class), true, p.channels(),
          ctx);
    }
    return cell;
  }

  /** A stand-alone cell of {@code genotypeCell}: each edge's op only, sets named by slot. */
  static DartsCellModule standalone(Module parent, String name, Position p,
      DartsCell genotypeCell, Context ctx) {
    Module self = ctx.init().child(parent, name);
    DartsCellModule cell = new DartsCellModule(self, p, DartsSharing.SLOT, ctx);
    for (int slot = 0; slot < DartsCell.EDGES; slot++) {
      DartsCell.Edge e = genotypeCell.edge(slot);
      int stride = DartsSharing.strided(e.input(), p.reduction()) ? 2 : 1;
      cell.add(self, DartsSharing.SLOT.setName(slot, e.input(), p.reduction()), stride,
          EnumSet.of(e.op()), false, p.channels(), ctx);
    }
    return cell;
  }

  private void add(Module self, String name, int stride, Set<DartsOp> ops, boolean poolBn,
      int channels, Context ctx) {
    sets.put(name, new DartsOpSet(self, name, channels, stride, ops, poolBn, ctx.mode(),
        stride == 1 ? ctx.avgPool() : ctx.avgPoolStrided(), ctx.init()));
  }

  /**
   * The cell's output for the outputs {@code s0} (two cells back) and {@code s1} (the previous
   * cell) running {@code genotypeCell}.
   *
   * @throws IllegalArgumentException when this cell has no weights for one of its edges
   */
  Tensor forward(Tensor s0, Tensor s1, DartsCell genotypeCell) {
    Tensor[] states = new Tensor[DartsCell.CELL_INPUTS + DartsCell.NODES];
    states[0] = preprocess0.apply(s0);
    states[1] = preprocess1.apply(s1);
    for (int slot = 0; slot < DartsCell.EDGES; slot += 2) {
      states[DartsCell.CELL_INPUTS + slot / 2] = edge(slot, genotypeCell, states)
          .add(edge(slot + 1, genotypeCell, states));
    }
    return cat(new TensorVector(states[2], states[3], states[4], states[5]), 1);
  }

  /**
   * GDAS's output of this cell (AutoDL's {@code NASNetSearchCell.forward_gdas}): every node sums
   * ALL its incoming edges, from the cell inputs and the nodes before it, each edge its chosen
   * op scaled by that op's straight-through weight, h[choice]·op(input). An edge that chose
   * {@code none} adds nothing (h[none]·0: no value, no gradient), and a node whose every edge did
   * is zero. The other ops of an edge are not run, so only the chosen op's weights get a
   * gradient.
   *
   * @param choice the column of α chosen on each of this cell type's 14 edges ({@link
   *     DartsGdasCoding})
   * @param weights the cell type's straight-through weights, 14 × 8
   * @throws IllegalStateException unless this super-net cell is shared per edge
   */
  Tensor forwardGdas(Tensor s0, Tensor s1, int[] choice, Tensor weights) {
    if (sharing != DartsSharing.EDGE) {
      throw new IllegalStateException("GDAS's forward needs a cell shared per edge, this one is"
          + " shared " + sharing);
    }
    Tensor[] states = new Tensor[DartsCell.CELL_INPUTS + DartsCell.NODES];
    states[0] = preprocess0.apply(s0);
    states[1] = preprocess1.apply(s1);
    for (int node = 0; node < DartsCell.NODES; node++) {
      Tensor sum = null;
      for (int input = 0; input < node + DartsCell.CELL_INPUTS; input++) {
        int e = DartsGdasCoding.edge(node, input);
        if (choice[e] == DartsGdasCoding.NONE) {
          continue;
        }
        DartsOpSet set = sets.get(sharing.setName(2 * node, input, reduction));
        Tensor y = set.forward(DartsGdasCoding.op(choice[e]), states[input])
            .mul(weights.select(0, e).select(0, choice[e]));
        sum = sum == null ? y : sum.add(y);
      }
      states[DartsCell.CELL_INPUTS + node] = sum != null ? sum : zeroNode(states[1]);
    }
    return cat(new TensorVector(states[2], states[3], states[4], states[5]), 1);
  }

  /** A node of zeros: the input's shape, halved in a reduction cell (stride 2, padding 1). */
  private Tensor zeroNode(Tensor input) {
    long h = input.size(2);
    long w = input.size(3);
    return reduction ? input.new_zeros(input.size(0), input.size(1), (h + 1) / 2, (w + 1) / 2)
        : input.new_zeros(input.size(0), input.size(1), h, w);
  }

  private Tensor edge(int slot, DartsCell genotypeCell, Tensor[] states) {
    DartsCell.Edge e = genotypeCell.edge(slot);
    DartsOpSet set = sets.get(sharing.setName(slot, e.input(), reduction));
    if (set == null) {
      throw new IllegalArgumentException("this network has no op set for slot " + slot
          + " reading input " + e.input() + " (a stand-alone network runs only its own genotype)");
    }
    return set.forward(e.op(), states[e.input()]);
  }
}
