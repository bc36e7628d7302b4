package org.landmarknas.space;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The NAS-Bench-101 fingerprint of a pruned cell: equal for isomorphic cells (vertices renumbered
 * but the same graph and ops), so it names the cell NB101 trained. The computation follows the
 * release's description, down to the strings it digests, so that the hex strings equal the
 * published module hashes:
 *
 * <ol>
 *   <li>each vertex starts as the md5 of its label triple written as a Python tuple, {@code
 *       "(out-degree, in-degree, label)"}; the label is -1 for the input, -2 for the output, and an
 *       interior op's {@link Nb101Op#ordinal()};
 *   <li>as many rounds as there are vertices: a vertex's new hash is the md5 of its
 *       in-neighbours' hashes, sorted and concatenated, {@code "|"}, its out-neighbours' hashes
 *       likewise, {@code "|"}, its own hash;
 *   <li>the fingerprint is the md5 of the sorted final hashes written as a Python list of
 *       strings, {@code "['…', '…']"}.
 * </ol>
 *
 * <p>Iterating neighbour hashes in this way (Weisfeiler-Lehman refinement) cannot tell every pair
 * of non-isomorphic graphs apart in general; on NB101's 423,624 cells it is the release's own
 * notion of identity, and the class count it gives is the published one.
 */
final class Nb101GraphHash {
  private static final int INPUT_LABEL = -1;
  private static final int OUTPUT_LABEL = -2;

  private Nb101GraphHash() {}

  /** The fingerprint: 32 lowercase hex digits. */
  static String of(Nb101Graph g) {
    int n = g.vertices();
    String[] hashes = new String[n];
    for (int v = 0; v < n; v++) {
      int label = v == 0 ? INPUT_LABEL : v == g.output() ? OUTPUT_LABEL : g.op(v).ordinal();
      hashes[v] = md5(String.format(Locale.ROOT, "(%d, %d, %d)", g.outDegree(v), g.inDegree(v),
          label));
    }
    for (int round = 0; round < n; round++) {
      String[] next = new String[n];
      for (int v = 0; v < n; v++) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int w = 0; w < n; w++) {
          if (w < v && g.edge(w, v)) {
            in.add(hashes[w]);
          } else if (w > v && g.edge(v, w)) {
            out.add(hashes[w]);
          }
        }
        in.sort(null);
        out.sort(null);
        next[v] = md5(String.join("", in) + "|" + String.join("", out) + "|" + hashes[v]);
      }
      hashes = next;
    }
    List<String> sorted = new ArrayList<>(List.of(hashes));
    sorted.sort(null);
    StringJoiner list = new StringJoiner(", ", "[", "]");
    sorted.forEach(h -> list.add("'" + h + "'"));
    return md5(list.toString());
  }

  private static String md5(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("MD5");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      // every Java platform must provide MD5 (MessageDigest's documentation)
      throw new IllegalStateException("MD5 unavailable", e);
    }
  }
}
