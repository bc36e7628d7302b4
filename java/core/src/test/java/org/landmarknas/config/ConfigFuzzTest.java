package org.landmarknas.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.landmark.LandmarkSet;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * Bad input of every kind must end in a clean error: a {@link ConfigException} (or another
 * {@link IllegalArgumentException}) with a message, never a NullPointerException, a
 * ClassCastException, a NumberFormatException or a parser's own exception. The inputs are the
 * project's real config files and architecture strings, damaged at random with a fixed seed: cut
 * short, characters deleted, inserted and swapped, lines shuffled, values replaced by hostile
 * YAML (wrong types, NaN, huge numbers, lists, maps, anchors, tags, tabs).
 */
final class ConfigFuzzTest {

  private static final String[] HOSTILE = {"-1", "0", "1e999", "-1e999", ".nan", ".inf", "NaN",
      "[1, 2]", "{a: b}", "null", "~", "true", "\"\"", "'x'", "!!binary aGk=", "&a 1", "*a",
      "0x7fffffff", "99999999999999999999", "2.5", "-0", "\t", "|", ">", "@", "`", "%TAG",
      "!!python/object:os.system", "x".repeat(500), "\"\\u0000\"", "{", "]", "- a", "? a"};

  @TempDir
  Path tmp;

  private static final Path CONFIGS = TestData.repoRoot().resolve("configs");

  @Test
  void load_damagedConfigs_onlyCleanErrors() throws IOException {
    List<String> sources = new ArrayList<>();
    try (var files = Files.list(CONFIGS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        sources.add(Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    assertFalse(sources.isEmpty(), "no configs found in " + CONFIGS.toAbsolutePath());
    SplittableRandom rng = new SplittableRandom(2021);
    int rejected = 0;
    int total = 3000;
    for (int i = 0; i < total; i++) {
      String text = damage(sources.get(rng.nextInt(sources.size())), rng);
      Path file = tmp.resolve("fuzz-" + i + ".yaml");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      if (!cleanlyLoads(() -> RunConfigLoader.load(file, List.of()), text)) {
        rejected++;
      }
      Files.delete(file);
    }
    // Most damage must be caught; the rest changed a value into another allowed one.
    assertTrue(rejected > total / 3, "only " + rejected + " of " + total + " rejected");
  }

  @Test
  void fromDefaults_randomOverrides_onlyCleanErrors() {
    SplittableRandom rng = new SplittableRandom(7);
    List<String> keys = new ArrayList<>();
    ConfigSchema.KEYS.forEach(k -> keys.add(k.dotted()));
    keys.addAll(List.of("train", "nosuch.key", "", ".", "train.", ".lr", "train..lr"));
    for (int i = 0; i < 3000; i++) {
      String key = keys.get(rng.nextInt(keys.size()));
      String value = HOSTILE[rng.nextInt(HOSTILE.length)];
      String override = switch (rng.nextInt(4)) {
        case 0 -> key + "=" + value;
        case 1 -> key + value;
        case 2 -> "=" + value;
        default -> key + "=" + value + "=" + value;
      };
      cleanlyLoads(() -> RunConfigLoader.fromDefaults(List.of(override)), override);
    }
  }

  @Test
  void parse_damagedArchitectureStrings_onlyCleanErrors() {
    SplittableRandom rng = new SplittableRandom(3);
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      String s = damage(Nb201Space.INSTANCE.sample(rng).toString(), rng);
      try {
        Nb201Arch a = Nb201Arch.parse(s);
        accepted++;
        assertTrue(Nb201Arch.parse(a.toString()).equals(a), s);
      } catch (IllegalArgumentException e) {
        assertCleanMessage(e, s);
      } catch (RuntimeException e) {
        fail("arch string " + quote(s) + " gave " + e, e);
      }
    }
    assertTrue(accepted < 20_000, "no damage was ever caught");
  }

  @Test
  void fromCsv_damagedLandmarkFiles_onlyCleanErrors() throws IOException {
    SplittableRandom rng = new SplittableRandom(5);
    StringBuilder good = new StringBuilder("arch,score\n");
    for (Nb201Arch a : Nb201Space.INSTANCE.sampleDistinct(6, rng)) {
      good.append(a).append(',').append(String.format(Locale.ROOT, "%.2f", 80 + rng.nextDouble()
          * 10)).append('\n');
    }
    for (int i = 0; i < 1000; i++) {
      String text = damage(good.toString(), rng);
      Path file = tmp.resolve("landmarks-" + i + ".csv");
      Files.writeString(file, text, StandardCharsets.UTF_8);
      try {
        LandmarkSet.fromCsv(file);
      } catch (IllegalArgumentException e) {
        assertCleanMessage(e, text);
      } catch (RuntimeException e) {
        fail("landmark CSV " + quote(text) + " gave " + e, e);
      }
      Files.delete(file);
    }
  }

  /** True when it loaded; false when it was rejected cleanly; fails the test otherwise. */
  private static boolean cleanlyLoads(Runnable load, String input) {
    try {
      load.run();
      return true;
    } catch (IllegalArgumentException e) {
      assertCleanMessage(e, input);
      return false;
    } catch (RuntimeException | StackOverflowError e) {
      fail("input " + quote(input) + " gave " + e, e);
      return false;
    }
  }

  private static void assertCleanMessage(IllegalArgumentException e, String input) {
    String m = e.getMessage();
    assertTrue(m != null && !m.isBlank() && !m.contains("Exception") && !m.contains("\tat "),
        "unclear message for " + quote(input) + ": " + m);
  }

  /** One to three random edits of {@code s}. */
  static String damage(String s, SplittableRandom rng) {
    String out = s;
    int edits = 1 + rng.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int n = out.length();
      int at = n == 0 ? 0 : rng.nextInt(n);
      switch (rng.nextInt(7)) {
        case 0 -> out = out.substring(0, at); // cut short
        case 1 -> out = n == 0 ? out : out.substring(0, at) + out.substring(at + 1);
        case 2 -> out = out.substring(0, at) + (char) (32 + rng.nextInt(95)) + out.substring(at);
        case 3 -> { // swap two characters
          if (n > 1) {
            int b = rng.nextInt(n);
            char[] c = out.toCharArray();
            char t = c[at];
            c[at] = c[b];
            c[b] = t;
            out = new String(c);
          }
        }
        case 4 -> { // shuffle two lines
          String[] lines = out.split("\n", -1);
          if (lines.length > 1) {
            int a = rng.nextInt(lines.length);
            int b = rng.nextInt(lines.length);
            String t = lines[a];
            lines[a] = lines[b];
            lines[b] = t;
            out = String.join("\n", lines);
          }
        }
        case 5 -> { // replace a value after a colon or comma with a hostile one
          int colon = out.indexOf(':', at);
          int comma = out.indexOf(',', at);
          int sep = colon < 0 ? comma : comma < 0 ? colon : Math.min(colon, comma);
          if (sep >= 0) {
            int end = out.indexOf('\n', sep);
            end = end < 0 ? out.length() : end;
            out = out.substring(0, sep + 1) + " " + HOSTILE[rng.nextInt(HOSTILE.length)]
                + out.substring(end);
          }
        }
        default -> out = out.substring(0, at) + out.substring(at).replaceFirst("[0-9]", "");
      }
    }
    return out;
  }

  private static String quote(String s) {
    String shown = s.length() > 300 ? s.substring(0, 300) + "..." : s;
    return "\"" + shown.replace("\n", "\\n") + "\"";
  }
}
