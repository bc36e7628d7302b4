package org.landmarknas.torch;

import org.landmarknas.config.RunConfig;
import org.landmarknas.space.DartsGenotype;
import org.landmarknas.space.DartsSpace;
import org.landmarknas.space.SearchSpace;

/**
 * The DARTS space as a trainable space ({@code space: darts}): {@link DartsNetwork}'s SPOS
 * super-net (one mixed op per genotype slot, a stride-2 set where a reduction cell reads its
 * inputs) over {@link DartsSpace}, or under {@code search.policy: gdas} GDAS's per-edge one, and
 * its stand-alone networks.
 */
public final class DartsSupernetSpace implements SupernetSpace<DartsGenotype> {

  /** The shared instance; stateless. */
  public static final DartsSupernetSpace INSTANCE = new DartsSupernetSpace();

  private DartsSupernetSpace() {}

  @Override
  public SearchSpace<DartsGenotype> space() {
    return DartsSpace.INSTANCE;
  }

  @Override
  public Supernet<DartsGenotype> supernet(NetworkShape shape, long seed) {
    return DartsNetwork.supernet(shape, seed);
  }

  /**
   * The SPOS super-net, or under {@code search.policy: gdas} the per-edge one ({@link
   * DartsSharing#EDGE}, GDAS's {@code op_on_edge}): GDAS's α has a row per (node, input) pair
   * and its forward runs every edge, which the SPOS super-net, one mixed op per genotype slot,
   * does not hold.
   */
  @Override
  public Supernet<DartsGenotype> supernet(NetworkShape shape, RunConfig config, long seed) {
    return DartsNetwork.supernet(shape, config.search().gdas() ? DartsSharing.EDGE
        : DartsSharing.SLOT, seed);
  }

  /** The network of {@code genotype} as written; its parameters are {@code nasLibCost}'s. */
  @Override
  public Supernet<DartsGenotype> standalone(NetworkShape shape, DartsGenotype genotype,
      long seed) {
    return DartsNetwork.standalone(shape, genotype, seed);
  }
}
