package org.landmarknas.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JSON files of a finished run directory, parsed strictly: a line of {@code metrics.jsonl}
 * that is not one JSON object fails the test with its line number.
 */
final class RunFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  RunFiles(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path config() {
    return dir.resolve("config.yaml");
  }

  Path metricsFile() {
    return dir.resolve("metrics.jsonl");
  }

  Path resultFile() {
    return dir.resolve("result.json");
  }

  /** One object per line of {@code metrics.jsonl}, in file order. */
  List<JsonNode> metrics() throws IOException {
    List<String> lines = Files.readAllLines(metricsFile(), StandardCharsets.UTF_8);
    List<JsonNode> records = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      records.add(object(lines.get(i), metricsFile() + ":" + (i + 1)));
    }
    return records;
  }

  /** {@code result.json}. */
  JsonNode result() throws IOException {
    return object(Files.readString(resultFile(), StandardCharsets.UTF_8), resultFile().toString());
  }

  /** {@code field} of every metrics line, as doubles. */
  List<Double> metricsColumn(String field) throws IOException {
    List<Double> values = new ArrayList<>();
    for (JsonNode m : metrics()) {
      values.add(number(m, field));
    }
    return values;
  }

  /** A numeric field; fails when it is missing or not a JSON number (e.g. the string "NaN"). */
  static double number(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isNumber()) {
      throw new AssertionError(String.format(Locale.ROOT,
          "field %s: expected a number, got %s in %s", field, v, node));
    }
    return v.doubleValue();
  }

  private static JsonNode object(String text, String where) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new AssertionError(where + ": expected one JSON object, got " + text);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new AssertionError(where + ": not JSON: " + e.getOriginalMessage(), e);
    }
  }
}
