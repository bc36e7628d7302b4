package org.landmarknas.torch;

import java.util.List;

/**
 * One rank of a data-parallel run: trains its contiguous slice of every global batch, averages
 * gradients with a {@link GradientAllreduce}, and sums the step's figures over the
 * {@link RankGroup}.
 *
 * <p>BatchNorm is not synchronised (the preset binds no SyncBatchNorm): each rank normalises
 * with the statistics of its own shard, as DDP without SyncBatchNorm does. The averaged gradient
 * is then that of W shard-normalised forward passes, not of one pass over the global batch:
 * batch statistics are estimated from B/W images, noisier for small shards, and a run with W
 * ranks does not reproduce the numbers of one process on the same global batch (it does
 * reproduce one process that trains the W shards in turn, which is what the parity test checks).
 * With {@code supernet.batchnorm: running} the running averages of each rank follow its own
 * shards; training never reads them, and only rank 0's, which it scores with and saves, matter.
 */
public final class RankDataParallel implements DataParallel {
  private final RankGroup group;
  private final GradientAllreduce gradients;

  /** Rank {@code group.rank()} of a run training {@code net}. */
  public RankDataParallel(RankGroup group, Supernet<?> net) {
    this.group = group;
    this.gradients = new GradientAllreduce(net, group);
  }

  public RankGroup group() {
    return group;
  }

  @Override
  public List<LabeledBatch> shards(LabeledBatch global) {
    return List.of(DataParallel.slice(global, group.rank(), group.world()));
  }

  @Override
  public int shardCount() {
    return group.world();
  }

  @Override
  public void averageGradients() {
    gradients.average();
  }

  @Override
  public double[] sum(double[] local) {
    return group.allreduceSum(local);
  }

  @Override
  public boolean leads() {
    return group.leads();
  }

  @Override
  public boolean distributed() {
    return true;
  }

  @Override
  public byte[] fromLeader(byte[] bytes) {
    return group.broadcastBytes(bytes);
  }
}
