package org.landmarknas.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An append-only JSON-lines log ({@code metrics.jsonl}): one JSON object per line, an {@link
 * EpochRecord} as {@link RunFiles} writes it, or a map with keys in its iteration order (pass a
 * {@link java.util.LinkedHashMap}). {@link RunFiles#readMetrics} reads the records back.
 *
 * <p>Each {@link #append} writes the whole line with one write and forces it to disk before
 * returning, so a process killed at any moment loses at most the line being written. A torn last
 * line is skipped by {@link #read} and cut off by {@link #open} before new lines are appended.
 * Safe to use from several threads.
 */
public final class MetricsLog implements AutoCloseable {

  private final Path file;
  private FileChannel channel;

  private MetricsLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * Opens {@code file} for appending, creating it if missing.
   *
   * @throws UncheckedIOException when the file cannot be opened
   */
  public static MetricsLog open(Path file) {
    try {
      if (Files.exists(file)) {
        dropTornLastLine(file);
      }
      FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.APPEND);
      return new MetricsLog(file, ch);
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT,
          "cannot open metrics log %s (%s)", file, RunDirectory.reason(e)), e);
    }
  }

  /** The file this log appends to. */
  public Path file() {
    return file;
  }

  /**
   * Appends one record as a line and forces it to disk.
   *
   * @throws IllegalArgumentException when a value cannot be written as JSON
   * @throws IllegalStateException after {@link #close()}
   * @throws UncheckedIOException when the write fails
   */
  public synchronized void append(Map<String, ?> record) {
    appendLine(JsonCodec.compact(record));
  }

  /** Appends one epoch's record as a line; see {@link #append(Map)}. */
  public synchronized void append(EpochRecord record) {
    appendLine(RunFiles.encode(record));
  }

  private void appendLine(byte[] json) {
    if (channel == null) {
      throw new IllegalStateException("metrics log " + file + " is closed");
    }
    ByteBuffer line = ByteBuffer.allocate(json.length + 1).put(json).put((byte) '\n').flip();
    try {
      while (line.hasRemaining()) {
        channel.write(line);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT,
          "cannot append to metrics log %s (%s)", file, RunDirectory.reason(e)), e);
    }
  }

  /** Closes the file; closing twice is harmless. */
  @Override
  public synchronized void close() {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT,
          "cannot close metrics log %s (%s)", file, RunDirectory.reason(e)), e);
    } finally {
      channel = null;
    }
  }

  /**
   * Reads every record of a metrics log, keys in file order. A last line without its newline
   * that is not valid JSON (a write cut short by a crash) is skipped; blank lines are ignored.
   *
   * @throws IllegalArgumentException when a complete line is not a JSON object; names file and
   *     line
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<Map<String, Object>> read(Path file) {
    return read(file, (line, number) -> {
      Map<String, Object> record = JsonCodec.parseObject(line);
      if (record == null) { // the line "null": valid JSON, but not a record
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s:%d: not a JSON object (null)", file, number));
      }
      return record;
    });
  }

  /** Parses one line of a log; a {@link JsonProcessingException} says it is not valid JSON. */
  interface LineParser<T> {
    T parse(String line, int number) throws JsonProcessingException;
  }

  /**
   * Every line parsed by {@code parser}, blank lines left out; a last line without its newline
   * that the parser rejects as JSON (a write cut short by a crash) is skipped.
   */
  static <T> List<T> read(Path file, LineParser<T> parser) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT,
          "cannot read metrics log %s (%s)", file, RunDirectory.reason(e)), e);
    }
    String[] lines = text.split("\n", -1);
    List<T> records = new ArrayList<>(lines.length);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.isBlank()) {
        continue;
      }
      boolean last = i == lines.length - 1; // split leaves "" last when the file ends in \n
      try {
        records.add(parser.parse(line, i + 1));
      } catch (JsonProcessingException e) {
        if (last) {
          continue;
        }
        throw new IllegalArgumentException(String.format(Locale.ROOT,
            "%s:%d: not a JSON object (%s)", file, i + 1, e.getOriginalMessage()), e);
      }
    }
    return records;
  }

  /** Truncates the file after its last newline, so a torn line never prefixes a new one. */
  private static void dropTornLastLine(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
        StandardOpenOption.WRITE)) {
      long size = ch.size();
      long keep = 0;
      ByteBuffer buf = ByteBuffer.allocate(4096);
      long end = size;
      search:
      while (end > 0) {
        long start = Math.max(0, end - buf.capacity());
        buf.clear().limit((int) (end - start));
        while (buf.hasRemaining()) {
          if (ch.read(buf, start + buf.position()) < 0) {
            break;
          }
        }
        for (int i = buf.position() - 1; i >= 0; i--) {
          if (buf.get(i) == '\n') {
            keep = start + i + 1;
            break search;
          }
        }
        end = start;
      }
      if (keep < size) {
        ch.truncate(keep);
        ch.force(true);
      }
    }
  }
}
