package org.landmarknas.torch;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;

/**
 * The reference of the parity test: one process trains all W shards of each step in turn
 * (their gradients accumulate), then divides by W: what W ranks compute, without the network.
 */
final class SequentialShards implements DataParallel {
  private final int world;
  private final Tensor[] parameters;

  SequentialShards(int world, Supernet<?> net) {
    this.world = world;
    this.parameters = net.parameters().get();
  }

  @Override
  public List<LabeledBatch> shards(LabeledBatch global) {
    List<LabeledBatch> all = new ArrayList<>();
    for (int r = 0; r < world; r++) {
      all.add(DataParallel.slice(global, r, world));
    }
    return all;
  }

  @Override
  public int shardCount() {
    return world;
  }

  @Override
  public void averageGradients() {
    for (Tensor p : parameters) {
      Tensor g = p.grad();
      if (g.defined()) {
        g.div_(new Scalar((double) world));
      }
    }
  }

  @Override
  public double[] sum(double[] local) {
    return local;
  }
}
