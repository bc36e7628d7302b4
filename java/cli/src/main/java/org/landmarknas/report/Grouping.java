package org.landmarknas.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the report groups runs for the table: by run name (seeds averaged), or not at all. */
public enum Grouping {
  /** One group per {@code provenance.config.name}; the runs of a group are its seeds. */
  NAME("name"),
  /** Every run is its own group. */
  NONE("none");

  private final String id;

  Grouping(String id) {
    this.id = id;
  }

  /** The name used on the command line and in {@code report.json}. */
  public String id() {
    return id;
  }

  /**
   * The grouping with this id.
   *
   * @throws IllegalArgumentException for an unknown id, listing the allowed ones
   */
  public static Grouping ofId(String id) {
    for (Grouping g : values()) {
      if (g.id.equals(id)) {
        return g;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT,
        "unknown grouping \"%s\" (allowed: %s)", id,
        Arrays.stream(values()).map(Grouping::id).collect(Collectors.joining(", "))));
  }
}
