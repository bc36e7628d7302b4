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
}
