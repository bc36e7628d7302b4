package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.empty;
import static org.bytedeco.pytorch.global.torch.flatten_dense_tensors;
import static org.bytedeco.pytorch.global.torch.zeros;

import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Averages the gradients of a single-path step over the ranks of a {@link RankGroup}, as DDP
 * would, without DDP (not bound in the preset, and its {@code Reducer} expects one backward per
 * step where ours has two: the path's and the landmark term's).
 *
 * <ol>
 *   <li>A mask allreduce: one float per parameter, 1 where this rank has a gradient. Every rank
 *       trains the same path, so the masks agree, but the union is what is reduced: a rank whose
 *       shard left a parameter without gradient contributes zeros for it.
 *   <li>One flattened allreduce of the union's gradients (sum), divided by the world size (Gloo
 *       has no AVG). Parameters outside the union keep an <em>undefined</em> gradient, so
 *       off-path ops still get no weight decay and no momentum update.
 * </ol>
 *
 * <p>The sum is taken by a ring (Gloo's and NCCL's: reduce-scatter, then all-gather), so every
 * rank receives the same bytes and the replicas stay bit-identical. The flattened gradients are
 * on the parameters' device, the group's; the mask is built on the CPU and moved there. Must run
 * inside the step's {@link org.bytedeco.javacpp.PointerScope}.
 */
final class GradientAllreduce {
  private final Tensor[] parameters;
  private final RankGroup group;

  GradientAllreduce(Supernet<?> net, RankGroup group) {
    this.parameters = net.parameters().get();
    this.group = group;
  }

  /** Replaces every rank's gradients by their average over the ranks. */
  void average() {
    boolean[] union = union();
    TensorVector grads = new TensorVector();
    for (int i = 0; i < parameters.length; i++) {
      if (union[i]) {
        Tensor g = parameters[i].grad();
        grads.push_back(g.defined() ? g : zeros(parameters[i].sizes(),
            parameters[i].options()));
      }
    }
    if (grads.empty()) {
      return;
    }
    Tensor flat = flatten_dense_tensors(grads);
    group.allreduceSum(flat);
    flat.div_(new Scalar((double) group.world()));
    long offset = 0;
    for (int i = 0; i < parameters.length; i++) {
      if (!union[i]) {
        continue;
      }
      Tensor p = parameters[i];
      long n = p.numel();
      Tensor averaged = flat.narrow(0, offset, n).view(p.sizes());
      offset += n;
      Tensor g = p.grad();
      if (g.defined()) {
        g.copy_(averaged);
      } else {
        p.mutable_grad().put(averaged.clone());
      }
    }
  }

  /** Which parameters have a gradient on at least one rank. */
  private boolean[] union() {
    int n = parameters.length;
    Tensor mask = empty(new long[] {n}, new TensorOptions(ScalarType.Float),
        new MemoryFormatOptional());
    FloatPointer m = mask.data_ptr_float();
    for (int i = 0; i < n; i++) {
      m.put(i, parameters[i].grad().defined() ? 1f : 0f);
    }
    Tensor reduced = group.device().put(mask);
    group.allreduceSum(reduced);
    m = TorchDevice.toCpu(reduced).data_ptr_float();
    boolean[] union = new boolean[n];
    for (int i = 0; i < n; i++) {
      union[i] = m.get(i) > 0;
    }
    return union;
  }
}
