package org.landmarknas.config;

import java.util.OptionalInt;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One key's value as a source wrote it, before conversion: kept as a YAML node with its origin
 * so that a type or range error found later can still name the file and line (or {@code --set}).
 *
 * @param node the value; null means YAML null (e.g. {@code --set data.dir=})
 * @param origin where the value came from
 */
record GivenValue(Node node, Origin origin) {

  /**
   * Where a value came from: a file path, {@code --set} or {@code defaults}.
   *
   * @param line the 1-based line when the source is a file and the line is known
   */
  record Origin(String source, OptionalInt line) {}
}
