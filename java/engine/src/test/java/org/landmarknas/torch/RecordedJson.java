package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a run's JSON with a recorded one: structure, text and whole numbers exactly, and
 * fractional numbers to a relative {@value #RELATIVE}. libtorch picks its CPU kernels by the
 * instruction set it finds (AVX-512 or AVX2, oneDNN's and OpenBLAS's own choices), and they sum
 * in other orders: the recorded run, made on an earlier machine, reads losses that differ in the
 * fourth significant digit on an AVX2-only AMD EPYC after a dozen SGD steps. Everything a run decides
 * (architectures, orders, accuracies as counts of images, landmark choices) still has to match
 * exactly, and a broken stream or resume moves the losses far more than this. Bit-exact
 * reproduction on one machine is checked where both runs are made in the test ({@link
 * ExactResume}).
 */
final class RecordedJson {
  static final double RELATIVE = 1e-3;

  private RecordedJson() {}

  static void assertClose(JsonNode expected, JsonNode actual, String where) {
    List<String> differences = new ArrayList<>();
    compare(expected, actual, where, differences);
    assertTrue(differences.isEmpty(), () -> differences.size() + " difference(s), the first: "
        + String.join("; ", differences.subList(0, Math.min(5, differences.size()))));
  }

  private static void compare(JsonNode expected, JsonNode actual, String path,
      List<String> out) {
    if (expected.isNumber() && actual.isNumber()
        && (expected.isFloatingPointNumber() || actual.isFloatingPointNumber())) {
      double e = expected.doubleValue();
      double a = actual.doubleValue();
      if (Math.abs(e - a) > RELATIVE * Math.max(Math.abs(e), 1e-3)) {
        out.add(String.format(Locale.ROOT, "%s: recorded %s, now %s", path, e, a));
      }
      return;
    }
    if (expected.getNodeType() != actual.getNodeType()) {
      out.add(path + ": recorded " + expected + ", now " + actual);
      return;
    }
    if (expected.isObject()) {
      Set<String> names = new TreeSet<>(); // JSON objects are unordered
      expected.fieldNames().forEachRemaining(names::add);
      Set<String> actualNames = new TreeSet<>();
      actual.fieldNames().forEachRemaining(actualNames::add);
      if (!names.equals(actualNames)) {
        out.add(path + ": recorded fields " + names + ", now " + actualNames);
        return;
      }
      names.forEach(n -> compare(expected.get(n), actual.get(n), path + "." + n, out));
    } else if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        out.add(path + ": recorded " + expected.size() + " entries, now " + actual.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(expected.get(i), actual.get(i), path + "[" + i + "]", out);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": recorded " + expected + ", now " + actual);
    }
  }
}
