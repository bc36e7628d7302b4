package org.landmarknas.torch;

import java.util.Map;
import org.landmarknas.space.SearchSpaces;

/**
 * The trainable spaces by their config name, as {@link SearchSpaces} names the spaces: how a
 * config's {@code space:} and a stand-alone protocol's space find their networks.
 */
public final class SupernetSpaces {
  private static final Map<String, SupernetSpace<?>> BY_NAME = Map.of(
      "nb201", SupernetSpace.NB201,
      "nb101", Nb101SupernetSpace.INSTANCE,
      "darts", DartsSupernetSpace.INSTANCE);

  private SupernetSpaces() {}

  /**
   * The trainable space a config names.
   *
   * @throws IllegalArgumentException for a space the config knows but the engine cannot train
   */
  public static SupernetSpace<?> byName(String name) {
    SupernetSpace<?> s = BY_NAME.get(name);
    if (s == null) {
      SearchSpaces.byName(name); // an unknown name: its error lists the spaces
      throw new IllegalArgumentException("search space " + name + " has no super-net yet");
    }
    return s;
  }
}
