package org.landmarknas.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and writes the JSON files of a run directory as typed records: {@link RunResult}
 * ({@code result.json}), {@link EpochRecord} (a {@code metrics.jsonl} line), {@link PoolScoring}
 * ({@code pool-epoch-NNNN.json}) and {@link PoolEvaluation} ({@code evaluation.json}).
 * {@link RunDirectory} names the files and writes them atomically; this class owns the JSON.
 *
 * <p>The JSON settings: keys in record order, NaN and infinities written as the strings
 * {@code "NaN"}, {@code "Infinity"} (JSON has no such numbers) and read back as numbers. Reading
 * is tolerant of what may be absent (a missing key is null) and of keys it does not know (a later
 * build may add some), and strict about what is there: a value of the wrong type is an error
 * naming the file and the key path, e.g. {@code runs/a/result.json: pool[3].ground_truth:
 * expected a number, got "abc"}; a number in quotes is not a number, and 2.5 is no integer.
 */
public final class RunFiles {

  /** The layout of the run files this build writes and reads. */
  public static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = mapper();
  private static final ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

  private RunFiles() {}

  private static ObjectMapper mapper() {
    ObjectMapper m = new ObjectMapper()
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    // Jackson would read "12.5" as 12.5 and truncate 2.5 to 2; the files never hold either, so
    // a file that does was edited or damaged, and is better reported. "NaN" still reads.
    m.coercionConfigFor(LogicalType.Float)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    m.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    return m;
  }

  // ---- writing ---------------------------------------------------------------------------------

  /** {@code result.json}: indented UTF-8 JSON ending in a newline. */
  public static byte[] encode(RunResult result) {
    return pretty(result);
  }

  /** {@code pool-epoch-NNNN.json}: indented UTF-8 JSON ending in a newline. */
  public static byte[] encode(PoolScoring scoring) {
    return pretty(scoring);
  }

  /** {@code evaluation.json}: indented UTF-8 JSON ending in a newline. */
  public static byte[] encode(PoolEvaluation evaluation) {
    return pretty(evaluation);
  }

  /** One {@code metrics.jsonl} line: compact UTF-8 JSON, without the newline. */
  public static byte[] encode(EpochRecord record) {
    return compact(record);
  }

  /** Indented UTF-8 JSON ending in a newline, for files people read. */
  static byte[] pretty(Object value) {
    try {
      return (PRETTY.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw notWritable(e);
    }
  }

  /** One line of UTF-8 JSON (JSON escapes newlines inside strings), without the newline. */
  static byte[] compact(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw notWritable(e);
    }
  }

  private static IllegalArgumentException notWritable(JsonProcessingException e) {
    return new IllegalArgumentException(String.format(Locale.ROOT,
        "record cannot be written as JSON: %s", e.getOriginalMessage()), e);
  }

  // ---- reading ---------------------------------------------------------------------------------

  /**
   * Reads {@code result.json}.
   *
   * @throws IllegalArgumentException when the file is not JSON, not an object, of another
   *     format version, or has a value of the wrong type; the message names file and key path
   * @throws UncheckedIOException when it cannot be read
   */
  public static RunResult readResult(Path file) {
    return read(file, RunResult.class);
  }

  /** Reads a {@code pool-epoch-NNNN.json}; errors as {@link #readResult}. */
  public static PoolScoring readPoolScoring(Path file) {
    return read(file, PoolScoring.class);
  }

  /** Reads {@code evaluation.json}; errors as {@link #readResult}. */
  public static PoolEvaluation readEvaluation(Path file) {
    return read(file, PoolEvaluation.class);
  }

  /**
   * Reads every line of {@code metrics.jsonl}, in file order (a resumed run may log an epoch
   * twice). A torn last line is skipped, as {@link MetricsLog#read} does.
   *
   * @throws IllegalArgumentException when a line is not a JSON object, has no {@code epoch}
   *     number, or has a value of the wrong type; the message names file, line and key
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<EpochRecord> readMetrics(Path file) {
    return MetricsLog.read(file, (line, number) -> {
      String where = file + ":" + number;
      EpochRecord r = map(where, object(where, MAPPER.readTree(line)), EpochRecord.class);
      if (r.epoch() == null || r.epoch() < 0) {
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s: epoch: expected an epoch number >= 0, got %s", where,
            MappingErrors.describe(MAPPER.readTree(line).get("epoch"))));
      }
      return r;
    });
  }

  /**
   * A metrics record held inside another JSON document (a checkpoint's {@code state.json}), as
   * the generic parser of {@link JsonCodec#parseObject} gives it.
   *
   * @param where the document and key, for messages
   */
  public static EpochRecord epochRecord(Object json, String where) {
    return map(where, object(where, MAPPER.valueToTree(json)), EpochRecord.class);
  }

  /**
   * Every numeric value of a metrics line by key, NaN included (what a report plots or
   * averages); absent values are left out.
   */
  public static Map<String, Double> numbers(EpochRecord record) {
    Map<String, Object> all = MAPPER.convertValue(record, new TypeReference<>() {});
    Map<String, Double> out = new LinkedHashMap<>();
    all.forEach((k, v) -> {
      if (v instanceof Number n) {
        out.put(k, n.doubleValue());
      }
    });
    return out;
  }

  /** The mapper, for {@link JsonCodec}: one configuration for every JSON file of a run. */
  static ObjectMapper json() {
    return MAPPER;
  }

  private static <T> T read(Path file, Class<T> type) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot read %s (%s)", file,
          RunDirectory.reason(e)), e);
    }
    JsonNode tree;
    try {
      tree = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: not valid JSON (%s at line %d, column %d)", file, e.getOriginalMessage(),
          e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
          e.getLocation() == null ? 0 : e.getLocation().getColumnNr()), e);
    }
    String where = file.toString();
    JsonNode object = object(where, tree);
    checkVersion(where, object.get("format_version"));
    return map(where, object, type);
  }

  private static JsonNode object(String where, JsonNode tree) {
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: expected a JSON object at the top level, got %s", where,
          MappingErrors.describe(tree)));
    }
    return tree;
  }

  /** Before mapping: a later layout may differ anywhere, so it must not be read as this one. */
  private static void checkVersion(String where, JsonNode version) {
    if (version == null || version.isNull()) {
      return; // written before the key existed: the first layout
    }
    if (!version.isIntegralNumber() || version.asLong() != FORMAT_VERSION) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: format_version %s is not one this build reads (it reads %d; was the file written"
              + " by a newer build?)", where, MappingErrors.describe(version), FORMAT_VERSION));
    }
  }

  private static <T> T map(String where, JsonNode object, Class<T> type) {
    try {
      return MAPPER.treeToValue(object, type);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(MappingErrors.message(where, e), e);
    } catch (JsonProcessingException e) { // e.g. a number out of an int's range
      throw new IllegalArgumentException(where + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * How an error names a value of the wrong type: {@code nothing}, a quoted string (cut at 40
   * characters), {@code an object}, {@code a list}, or the value itself. The report's readers
   * use it too, so every run-file error reads alike.
   */
  public static String describeValue(Object v) {
    return MappingErrors.describe(v);
  }
}
