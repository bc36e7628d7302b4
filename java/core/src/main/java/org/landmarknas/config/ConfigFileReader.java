package org.landmarknas.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a YAML config file into given values by dotted key, each with its line. Only the shape is
 * checked here (known keys, sections as mappings, no duplicates); the values stay nodes until
 * {@link ScalarConverter} types them, so a type error can still name the line.
 */
final class ConfigFileReader {

  private ConfigFileReader() {}

  /**
   * Reads {@code file} and puts each key it sets into {@code given}.
   *
   * @throws ConfigException when the file cannot be read, is not YAML, or names an unknown key
   */
  static void addTo(Path file, Map<String, GivenValue> given) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(source, OptionalInt.empty(), null,
          "cannot read config file (" + readFailure(e) + ")", e);
    }
    collectFile(ConfigYaml.compose(text, source, OptionalInt.empty(), null), source, given);
  }

  private static void collectFile(Node root, String source, Map<String, GivenValue> given) {
    if (root == null) {
      return;
    }
    if (!(root instanceof MappingNode top)) {
      throw new ConfigException(source, ConfigYaml.lineOf(root), null,
          "the top level must be a mapping of keys (" + ConfigSchema.allowedPhrase("") + ")",
          null);
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : top.getValue()) {
      String name = keyName(t.getKeyNode(), source, "");
      if (!seen.add(name)) {
        throw new ConfigException(source, ConfigYaml.lineOf(t.getKeyNode()), name,
            "duplicate key", null);
      }
      Node value = t.getValueNode();
      if (ConfigSchema.isSection(name)) {
        collectSection(name, value, source, given);
      } else if (name.contains(".") && ConfigSchema.find(name).isPresent()) {
        // Taken as is, it would silently win or lose against the same key in its section.
        int dot = name.indexOf('.');
        throw new ConfigException(source, ConfigYaml.lineOf(t.getKeyNode()), name,
            "a dotted key belongs in its section in a file (" + name.substring(0, dot) + ": {"
                + name.substring(dot + 1) + ": ...}); dotted keys are for --set", null);
      } else if (ConfigSchema.find(name).isPresent()) {
        given.put(name, new GivenValue(value,
            new GivenValue.Origin(source, ConfigYaml.lineOf(value))));
      } else {
        throw new ConfigException(source, ConfigYaml.lineOf(t.getKeyNode()), name,
            "unknown key (" + ConfigSchema.allowedPhrase("") + ")", null);
      }
    }
  }

  /** An empty section ({@code train:}) sets nothing: all its keys keep their defaults. */
  private static void collectSection(String section, Node value, String source,
      Map<String, GivenValue> given) {
    if (ConfigYaml.isNull(value)) {
      return;
    }
    if (!(value instanceof MappingNode mapping)) {
      throw new ConfigException(source, ConfigYaml.lineOf(value), section,
          "expected a mapping of keys, got " + ConfigYaml.describe(value) + " ("
              + ConfigSchema.allowedPhrase(section) + ")", null);
    }
    Set<String> seen = new HashSet<>();
    for (NodeTuple t : mapping.getValue()) {
      String dotted = section + "." + keyName(t.getKeyNode(), source, section);
      if (!seen.add(dotted)) {
        throw new ConfigException(source, ConfigYaml.lineOf(t.getKeyNode()), dotted,
            "duplicate key", null);
      }
      if (ConfigSchema.find(dotted).isEmpty()) {
        throw new ConfigException(source, ConfigYaml.lineOf(t.getKeyNode()), dotted,
            "unknown key (" + ConfigSchema.allowedPhrase(section) + ")", null);
      }
      Node node = t.getValueNode();
      given.put(dotted, new GivenValue(node,
          new GivenValue.Origin(source, ConfigYaml.lineOf(node))));
    }
  }

  private static String keyName(Node keyNode, String source, String section) {
    if (keyNode instanceof ScalarNode s && !ConfigYaml.isNull(s)) {
      return s.getValue();
    }
    throw new ConfigException(source, ConfigYaml.lineOf(keyNode),
        section.isEmpty() ? null : section,
        "keys must be plain names, got " + ConfigYaml.describe(keyNode) + " ("
            + ConfigSchema.allowedPhrase(section) + ")", null);
  }

  /** Why the file could not be read, in the words a user acts on rather than a class name. */
  private static String readFailure(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
