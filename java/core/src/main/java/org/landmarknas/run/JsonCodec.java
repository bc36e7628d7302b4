package org.landmarknas.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Untyped JSON documents of a run (a checkpoint's manifest and state, a result written by a
 * tool): maps keep insertion order; the settings are those of {@link RunFiles}, which reads and
 * writes the typed run files (NaN and infinities as the strings {@code "NaN"}, {@code
 * "Infinity"}: JSON has no such numbers).
 */
public final class JsonCodec {

  private static final ObjectMapper MAPPER = RunFiles.json();
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();
  private static final TypeReference<LinkedHashMap<String, Object>> OBJECT =
      new TypeReference<>() {};

  private JsonCodec() {}

  /** One line of UTF-8 JSON (JSON escapes newlines inside strings), without the newline. */
  public static byte[] compact(Map<String, ?> record) {
    try {
      return MAPPER.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "record cannot be written as JSON: %s", e.getOriginalMessage()), e);
    }
  }

  /** Indented UTF-8 JSON ending in a newline, for files people read. */
  public static byte[] pretty(Map<String, ?> record) {
    try {
      return (PRETTY.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "record cannot be written as JSON: %s", e.getOriginalMessage()), e);
    }
  }

  /** Parses one JSON object, keys in file order. */
  public static LinkedHashMap<String, Object> parseObject(String json) throws JsonProcessingException {
    return MAPPER.readValue(json, OBJECT);
  }
}
