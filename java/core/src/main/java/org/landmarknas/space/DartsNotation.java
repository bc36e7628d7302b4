package org.landmarknas.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three written forms of a DARTS genotype; {@link #parse} reads each of them.
 *
 * <p><b>Readable form</b> (what {@link DartsSpace#format} writes): each cell's nodes 2-5 joined
 * by {@code +}, a node's two edges joined by {@code |}, an edge as {@code op~input} (NB201's
 * edge notation), the cells named:
 *
 * <pre>
 * normal=sep_conv_3x3~0|sep_conv_3x3~1+...+skip_connect~0|dil_conv_3x3~2;reduce=max_pool_3x3~0|...
 * </pre>
 *
 * <p>It has no commas, quotes or spaces, so it goes unquoted into {@code arch,score} files and the
 * project's other comma-separated tables, which split lines on every comma; a DARTS {@code
 * Genotype} string in a CSV field would need quoting that none of those readers does.
 *
 * <p><b>Genotype string</b> ({@link #genotypeString}): DARTS's own {@code Genotype(normal=[(op,
 * input) x 8], normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5])}, quotes
 * single or double, spaces free; {@code range(2, 6)} is read as {@code [2, 3, 4, 5]}. Any other
 * concat is refused: every cell of this space concatenates all four nodes, and a genotype that
 * drops one has a node whose work is thrown away, which this space does not represent.
 *
 * <p><b>Compact key</b> ({@link #compactKey}): the keys of NAS-Bench-301's data as NASLib
 * publishes them, {@code [[(input, op) x 8], [(input, op) x 8]]}, normal cell first, {@code op}
 * the {@link DartsOp} ordinal.
 */
public final class DartsNotation {
  private static final String NORMAL = "normal=";
  private static final String REDUCE = "reduce=";
  private static final String ALL_NODES = "[2,3,4,5]";
  private static final Pattern GENOTYPE = Pattern.compile("Genotype\\(normal=\\[(.*?)\\],"
      + "normal_concat=(\\[[^\\]]*\\]|range\\([^)]*\\)),reduce=\\[(.*?)\\],"
      + "reduce_concat=(\\[[^\\]]*\\]|range\\([^)]*\\))\\)");
  private static final Pattern NAMED_EDGE = Pattern.compile("\\(['\"]([^'\"]*)['\"],(\\d+)\\)");
  private static final Pattern COMPACT = Pattern.compile("\\[\\[(.*)\\],\\[(.*)\\]\\]");
  private static final Pattern CODED_EDGE = Pattern.compile("\\((\\d+),(\\d+)\\)");

  private DartsNotation() {}

  /** {@code genotype} in the readable form. */
  public static String format(DartsGenotype genotype) {
    return NORMAL + readable(genotype.normal()) + ";" + REDUCE + readable(genotype.reduce());
  }

  private static String readable(DartsCell cell) {
    StringJoiner nodes = new StringJoiner("+");
    for (int j = 0; j < DartsCell.NODES; j++) {
      DartsCell.Edge a = cell.edge(2 * j);
      DartsCell.Edge b = cell.edge(2 * j + 1);
      nodes.add(a.op().id() + "~" + a.input() + "|" + b.op().id() + "~" + b.input());
    }
    return nodes.toString();
  }

  /** {@code genotype} as DARTS's {@code Genotype(...)} string. */
  public static String genotypeString(DartsGenotype genotype) {
    return "Genotype(normal=" + named(genotype.normal()) + ", normal_concat=[2, 3, 4, 5], reduce="
        + named(genotype.reduce()) + ", reduce_concat=[2, 3, 4, 5])";
  }

  private static String named(DartsCell cell) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    cell.edges().forEach(e -> j.add("('" + e.op().id() + "', " + e.input() + ")"));
    return j.toString();
  }

  /** {@code genotype} as the published compact key, spaced as NASLib writes it. */
  public static String compactKey(DartsGenotype genotype) {
    return "[" + coded(genotype.normal()) + ", " + coded(genotype.reduce()) + "]";
  }

  private static String coded(DartsCell cell) {
    StringJoiner j = new StringJoiner(", ", "[", "]");
    cell.edges().forEach(e -> j.add("(" + e.input() + ", " + e.op().ordinal() + ")"));
    return j.toString();
  }

  /**
   * The genotype any of the three forms writes.
   *
   * @throws IllegalArgumentException naming the text and what is wrong in it
   */
  public static DartsGenotype parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("DARTS genotype is null");
    }
    String t = text.strip();
    try {
      if (t.startsWith("Genotype")) {
        return parseGenotype(t.replaceAll("\\s+", ""));
      }
      if (t.startsWith("[")) {
        return parseCompact(t.replaceAll("\\s+", ""));
      }
      return parseReadable(t);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DARTS genotype \"" + text + "\": " + e.getMessage(), e);
    }
  }

  private static DartsGenotype parseReadable(String t) {
    int semi = t.indexOf(';');
    if (!t.startsWith(NORMAL) || semi < 0 || !t.startsWith(REDUCE, semi + 1)) {
      throw new IllegalArgumentException("expected normal=op~input|op~input+...;reduce=..., a"
          + " DARTS Genotype(normal=[...], ...) string or a compact key [[(input, op), ...],"
          + " [...]]");
    }
    return new DartsGenotype(readableCell("normal", t.substring(NORMAL.length(), semi)),
        readableCell("reduce", t.substring(semi + 1 + REDUCE.length())));
  }

  private static DartsCell readableCell(String name, String text) {
    String[] nodes = text.split("\\+", -1);
    if (nodes.length != DartsCell.NODES) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "the %s cell has %d nodes"
          + " (joined by +), expected %d", name, nodes.length, DartsCell.NODES));
    }
    List<DartsCell.Edge> edges = new ArrayList<>();
    for (int j = 0; j < nodes.length; j++) {
      String[] pair = nodes[j].split("\\|", -1);
      if (pair.length != 2) {
        throw new IllegalArgumentException(String.format(Locale.ROOT, "node %d of the %s cell"
            + " has %d edges (joined by |), expected 2", j + 2, name, pair.length));
      }
      for (String e : pair) {
        int tilde = e.lastIndexOf('~');
        if (tilde < 0) {
          throw new IllegalArgumentException(String.format(Locale.ROOT, "edge \"%s\" of the %s"
              + " cell is not op~input", e, name));
        }
        edges.add(edge(e.substring(0, tilde), e.substring(tilde + 1)));
      }
    }
    return cell(name, edges);
  }

  private static DartsGenotype parseGenotype(String t) {
    Matcher m = GENOTYPE.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("not of the form Genotype(normal=[(op, input), ...],"
          + " normal_concat=[2, 3, 4, 5], reduce=[...], reduce_concat=[2, 3, 4, 5])");
    }
    concat("normal", m.group(2));
    concat("reduce", m.group(4));
    return new DartsGenotype(
        listCell("normal", m.group(1), NAMED_EDGE, "('op', input)", DartsNotation::edge),
        listCell("reduce", m.group(3), NAMED_EDGE, "('op', input)", DartsNotation::edge));
  }

  private static void concat(String name, String text) {
    if (!text.equals(ALL_NODES) && !text.equals("range(2,6)")) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%s_concat is %s: this"
          + " space's cells concatenate all four intermediate nodes, [2, 3, 4, 5]", name, text));
    }
  }

  private static DartsGenotype parseCompact(String t) {
    Matcher m = COMPACT.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("not of the form [[(input, op) x 8], [(input, op) x 8]]");
    }
    BiFunction<String, String, DartsCell.Edge> coded = (input, op) ->
        new DartsCell.Edge(number(input), DartsOp.ofIndex(number(op)));
    return new DartsGenotype(listCell("normal", m.group(1), CODED_EDGE, "(input, op)", coded),
        listCell("reduce", m.group(2), CODED_EDGE, "(input, op)", coded));
  }

  /** A cell written as a list of edges, each matching {@code edge}, joined by commas. */
  private static DartsCell listCell(String name, String list, Pattern edge, String form,
      BiFunction<String, String, DartsCell.Edge> make) {
    Matcher m = edge.matcher(list);
    List<DartsCell.Edge> edges = new ArrayList<>();
    int at = 0;
    while (m.find() && m.start() == at) {
      edges.add(make.apply(m.group(1), m.group(2)));
      at = m.end() < list.length() && list.charAt(m.end()) == ',' ? m.end() + 1 : m.end();
    }
    if (at != list.length() || list.endsWith(",")) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "the %s list is not a"
          + " comma-separated list of %s pairs at \"%s\"", name, form, list.substring(at)));
    }
    return cell(name, edges);
  }

  private static DartsCell cell(String name, List<DartsCell.Edge> edges) {
    try {
      return new DartsCell(edges);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + name + " cell: " + e.getMessage(), e);
    }
  }

  private static DartsCell.Edge edge(String op, String input) {
    DartsOp o = DartsOp.ofId(op).orElseThrow(() -> new IllegalArgumentException(
        op.equals("none") ? "op none is not in this space (a derived DARTS genotype never keeps"
            + " it; allowed: " + DartsOp.allowedIds() + ")"
            : String.format(Locale.ROOT, "unknown op \"%s\" (allowed: %s)", op,
                DartsOp.allowedIds())));
    return new DartsCell.Edge(number(input), o);
  }

  private static int number(String s) {
    if (!s.matches("\\d{1,2}")) {
      throw new IllegalArgumentException("\"" + s + "\" is not a node number");
    }
    return Integer.parseInt(s);
  }
}
