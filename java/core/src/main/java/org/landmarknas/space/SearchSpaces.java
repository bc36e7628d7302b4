package org.landmarknas.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The search spaces a config can name with {@code space:}, by their short config names. A new
 * space is one line here.
 */
public final class SearchSpaces {
  private static final Map<String, SearchSpace<?>> BY_NAME = new LinkedHashMap<>();

  static {
    BY_NAME.put("nb201", Nb201Space.INSTANCE);
    BY_NAME.put("nb101", Nb101Space.INSTANCE);
    BY_NAME.put("darts", DartsSpace.INSTANCE);
  }

  private SearchSpaces() {}

  /** The config names, in documentation order. */
  public static List<String> names() {
    return List.copyOf(BY_NAME.keySet());
  }

  /**
   * The space a config names.
   *
   * @throws IllegalArgumentException for a name no space has, listing the known ones
   */
  public static SearchSpace<?> byName(String name) {
    SearchSpace<?> space = BY_NAME.get(name);
    if (space == null) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "unknown search space \"%s\" (known: %s)", name, String.join(", ", names())));
    }
    return space;
  }
}
