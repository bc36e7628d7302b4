package org.landmarknas.torch;

import org.landmarknas.space.Nb101Arch;
import org.landmarknas.space.Nb101Space;
import org.landmarknas.space.SearchSpace;

/**
 * NAS-Bench-101 as a trainable space ({@code space: nb101}): {@link Nb101Network}'s
 * channel-sliced super-net over {@link Nb101Space}.
 */
public final class Nb101SupernetSpace implements SupernetSpace<Nb101Arch> {

  /** The shared instance; stateless. */
  public static final Nb101SupernetSpace INSTANCE = new Nb101SupernetSpace();

  private Nb101SupernetSpace() {}

  @Override
  public SearchSpace<Nb101Arch> space() {
    return Nb101Space.INSTANCE;
  }

  @Override
  public Supernet<Nb101Arch> supernet(NetworkShape shape, long seed) {
    return Nb101Network.supernet(shape, seed);
  }

  /**
   * The network of {@code arch} exactly as numbered. The results store trains each class's
   * {@link Nb101Space#canonical canonical} cell, NB101's own choice, whose cost is {@link
   * Nb101Space#cost}.
   */
  @Override
  public Supernet<Nb101Arch> standalone(NetworkShape shape, Nb101Arch arch, long seed) {
    return Nb101Network.standalone(shape, arch, seed);
  }
}
