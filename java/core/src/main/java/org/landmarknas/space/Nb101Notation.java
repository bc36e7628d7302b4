package org.landmarknas.space;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The two written forms of an NB101 cell spec.
 *
 * <p><b>Readable form</b> (what {@link #format} writes): the 7 rows of the adjacency matrix as
 * strings of 0 and 1, joined by {@code /}, then {@code :}, then the 5 interior ops by their NB101
 * names, joined by {@code /}:
 *
 * <pre>
 * 0110001/0001000/0000001/0000010/0000001/0000000/0000000:conv3x3-bn-relu/maxpool3x3/...
 * </pre>
 *
 * <p>Row i, column j is the edge i&rarr;j; only entries above the diagonal may be 1. The op list
 * may also be written as NB101's full list of 7, {@code input} first and {@code output} last.
 * The form has no commas or spaces, so it goes unquoted into {@code arch,score} files and command
 * lines.
 *
 * <p><b>Published key</b> (read only): the 56-tuple of NASLib's data files, written as a Python
 * tuple, {@code (0, 1, 1, ..., 4, 1)}: the 49 matrix entries row by row, then 7 op codes (0
 * input, 1 output, 2 maxpool3x3, 3 conv1x1-bn-relu, 4 conv3x3-bn-relu; {@link
 * Nb101Op#fileCode()}). Parentheses and spaces are optional. A text with a comma is read as a key.
 */
public final class Nb101Notation {
  private static final int N = Nb101Arch.VERTICES;
  private static final int KEY_LENGTH = N * N + N;

  private Nb101Notation() {}

  /** {@code arch} in the readable form. */
  public static String format(Nb101Arch arch) {
    StringJoiner rows = new StringJoiner("/");
    for (int i = 0; i < N; i++) {
      StringBuilder row = new StringBuilder(N);
      for (int j = 0; j < N; j++) {
        row.append(j > i && arch.edge(i, j) ? '1' : '0');
      }
      rows.add(row);
    }
    StringJoiner ops = new StringJoiner("/");
    arch.ops().forEach(op -> ops.add(op.id()));
    return rows + ":" + ops;
  }

  /**
   * The cell either form writes; it need not be valid ({@link Nb101Space#parse} checks that).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Nb101Arch parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("NB101 cell spec is null");
    }
    String t = text.strip();
    return t.indexOf(',') >= 0 ? parseKey(text, t) : parseReadable(text, t);
  }

  private static Nb101Arch parseReadable(String text, String t) {
    int colon = t.indexOf(':');
    if (colon < 0) {
      throw error(text, "expected 7 matrix rows joined by '/', ':', then 5 ops joined by '/'"
          + " (or a 56-tuple key)");
    }
    String[] rows = t.substring(0, colon).split("/", -1);
    if (rows.length != N) {
      throw error(text, "expected %d matrix rows joined by '/', got %d", N, rows.length);
    }
    int[] matrix = new int[N * N];
    for (int i = 0; i < N; i++) {
      if (rows[i].length() != N) {
        throw error(text, "matrix row %d \"%s\" needs %d digits 0 or 1", i, rows[i], N);
      }
      for (int j = 0; j < N; j++) {
        char ch = rows[i].charAt(j);
        if (ch != '0' && ch != '1') {
          throw error(text, "matrix row %d \"%s\": '%c' is not 0 or 1", i, rows[i], ch);
        }
        matrix[i * N + j] = ch - '0';
      }
    }
    List<String> names = List.of(t.substring(colon + 1).split("/", -1));
    if (names.size() == N && names.get(0).equals("input") && names.get(N - 1).equals("output")) {
      names = names.subList(1, N - 1);
    }
    if (names.size() != Nb101Arch.INTERIOR) {
      throw error(text, "expected %d interior ops joined by '/' (or 7 from input to output),"
          + " got %d", Nb101Arch.INTERIOR, names.size());
    }
    List<Nb101Op> ops = new ArrayList<>();
    for (String name : names) {
      ops.add(Nb101Op.ofId(name).orElseThrow(() -> error(text, "unknown op \"%s\" (allowed:"
          + " %s)", name, Nb101Op.allowedIds())));
    }
    return build(text, matrix, ops);
  }

  private static Nb101Arch parseKey(String text, String t) {
    String body = t.startsWith("(") && t.endsWith(")") ? t.substring(1, t.length() - 1) : t;
    String[] parts = body.split(",", -1);
    if (parts.length != KEY_LENGTH) {
      throw error(text, "a published key has %d comma-separated numbers (49 matrix entries,"
          + " 7 op codes), got %d", KEY_LENGTH, parts.length);
    }
    int[] values = new int[KEY_LENGTH];
    for (int k = 0; k < KEY_LENGTH; k++) {
      String p = parts[k].strip();
      if (!p.matches("\\d")) {
        throw error(text, "key entry %d \"%s\" is not a digit", k + 1, p);
      }
      values[k] = p.charAt(0) - '0';
      if (k < N * N && values[k] > 1) {
        throw error(text, "matrix entry (%d, %d) is %d, not 0 or 1", k / N, k % N, values[k]);
      }
    }
    int[] codes = Arrays.copyOfRange(values, N * N, KEY_LENGTH);
    if (codes[0] != Nb101Op.INPUT_CODE || codes[N - 1] != Nb101Op.OUTPUT_CODE) {
      throw error(text, "op codes must start with %d (input) and end with %d (output), got %d"
          + " and %d", Nb101Op.INPUT_CODE, Nb101Op.OUTPUT_CODE, codes[0], codes[N - 1]);
    }
    List<Nb101Op> ops = new ArrayList<>();
    for (int v = 1; v < N - 1; v++) {
      int code = codes[v];
      ops.add(Nb101Op.ofFileCode(code).orElseThrow(() -> error(text, "op code %d is not an"
          + " interior op (allowed: 2 maxpool3x3, 3 conv1x1, 4 conv3x3)", code)));
    }
    return build(text, Arrays.copyOf(values, N * N), ops);
  }

  private static Nb101Arch build(String text, int[] matrix, List<Nb101Op> ops) {
    int bits = 0;
    for (int i = 0; i < N; i++) {
      for (int j = 0; j < N; j++) {
        if (matrix[i * N + j] == 0) {
          continue;
        }
        if (j <= i) {
          throw error(text, "entry (%d, %d) is 1, but only entries above the diagonal may be"
              + " (edges go from lower to higher vertices)", i, j);
        }
        bits |= 1 << Nb101Arch.edgeSlot(i, j);
      }
    }
    return new Nb101Arch(bits, ops);
  }

  private static IllegalArgumentException error(String text, String format, Object... args) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "NB101 cell \"%s\": ", text)
        + String.format(Locale.ROOT, format, args));
  }
}
