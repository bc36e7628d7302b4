package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/** Runs against the real {@link Nb201Space}; expected values come from its API, not constants. */
final class SpaceCommandTest {

  private static final Nb201Space SPACE = Nb201Space.INSTANCE;
  private static final String A =
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1"
          + "|skip_connect~2|";
  private static final String B =
      "|nor_conv_1x1~0|+|none~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|none~2|";
  private static final String BAD =
      "|nor_conv_3x3~0|+|conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1"
          + "|skip_connect~2|";

  @Test
  void info_printsSizeEdgesOpsClassesAndMaxDistance() {
    CliRun r = CliRun.standard("space", "info");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("space: " + SPACE.id() + "\n"), r.out());
    assertTrue(r.out().contains("architectures: 15625\n"), r.out());
    assertTrue(r.out().contains("edges: 6 (1<-0, 2<-0, 2<-1, 3<-0, 3<-1, 3<-2)\n"), r.out());
    assertTrue(r.out().contains("ops: 5 (none, skip_connect, nor_conv_1x1, nor_conv_3x3,"
        + " avg_pool_3x3)\n"), r.out());
    assertTrue(r.out().contains("canonical classes: " + SPACE.distinctClassCount() + "\n"),
        r.out());
    assertTrue(r.out().contains("max distance: " + SPACE.maxDistance() + "\n"), r.out());
  }

  @Test
  void sample_printsCountArchsFromTheSeededStream() {
    CliRun r = CliRun.standard("space", "sample", "--count", "5", "--seed", "42");
    assertEquals(0, r.exitCode(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(5, lines.size());
    SplittableRandom rng = new SplittableRandom(42);
    for (String line : lines) {
      assertEquals(SPACE.sample(rng), Nb201Arch.parse(line));
    }
    assertEquals(r.out(), CliRun.standard("space", "sample", "--count", "5", "--seed", "42")
        .out(), "same seed, same sample");
    assertEquals(1, CliRun.standard("space", "sample").out().lines().count());
  }

  @Test
  void sample_badCount_exitsTwo() {
    for (String count : List.of("0", "many")) {
      CliRun r = CliRun.standard("space", "sample", "--count", count);
      assertEquals(2, r.exitCode());
      assertTrue(r.oneLineError(), r.err());
      assertTrue(r.err().contains("--count"), r.err());
    }
  }

  @Test
  void mutate_printsTheSpacesMutation() {
    CliRun r = CliRun.standard("space", "mutate", "--arch", A, "--seed", "3");
    assertEquals(0, r.exitCode(), r.err());
    Nb201Arch expected = SPACE.mutate(Nb201Arch.parse(A), new SplittableRandom(3));
    assertEquals(expected.toString() + "\n", r.out());
    assertEquals(r.out(), CliRun.standard("space", "mutate", A, "--seed", "3").out());
  }

  @Test
  void distance_acceptsTwoArchOptionsOrTwoPositionals() {
    String expected = SPACE.distance(Nb201Arch.parse(A), Nb201Arch.parse(B)) + "\n";
    CliRun opts = CliRun.standard("space", "distance", "--arch", A, "--arch", B);
    assertEquals(0, opts.exitCode(), opts.err());
    assertEquals(expected, opts.out());
    assertEquals(expected, CliRun.standard("space", "distance", A, B).out());
    assertEquals("0\n", CliRun.standard("space", "distance", A, A).out());
  }

  @Test
  void distance_needsExactlyTwo() {
    CliRun r = CliRun.standard("space", "distance", A);
    assertEquals(2, r.exitCode());
    assertTrue(r.oneLineError(), r.err());
    assertTrue(r.err().contains("expected 2 architectures"), r.err());
  }

  @Test
  void canonical_printsRepresentativeAndKey() {
    Nb201Arch a = Nb201Arch.parse(B);
    CliRun r = CliRun.standard("space", "canonical", "--arch", B);
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("canonical: " + SPACE.canonical(a) + "\nkey: " + SPACE.canonicalKey(a) + "\n",
        r.out());
  }

  @Test
  void invalidArch_exitsTwoWithTheParsersMessage() {
    String parserMessage;
    try {
      Nb201Arch.parse(BAD);
      throw new AssertionError("BAD parses");
    } catch (IllegalArgumentException e) {
      parserMessage = e.getMessage();
    }
    for (String[] args : List.of(new String[] {"space", "canonical", "--arch", BAD},
        new String[] {"space", "mutate", BAD}, new String[] {"space", "distance", A, BAD},
        new String[] {"space", "canonical", "|none~0|"})) {
      CliRun r = CliRun.standard(args);
      assertEquals(2, r.exitCode(), String.join(" ", args));
      assertTrue(r.oneLineError(), r.err());
      assertTrue(r.err().startsWith("lmnas space: error: NB201 architecture"), r.err());
    }
    assertEquals("lmnas space: error: " + parserMessage + "\n",
        CliRun.standard("space", "canonical", BAD).err());
  }

  @Test
  void unknownOrMissingSubcommand_exitsTwo() {
    CliRun unknown = CliRun.standard("space", "shuffle");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.oneLineError(), unknown.err());
    assertTrue(unknown.err().contains("info, sample, mutate, distance, canonical, neighbours"),
        unknown.err());
    CliRun missing = CliRun.standard("space");
    assertEquals(2, missing.exitCode());
    assertTrue(missing.oneLineError(), missing.err());
  }

  @Test
  void neighbours_printsTheSpacesNeighboursInOrder() {
    CliRun r = CliRun.standard("space", "neighbours", A);
    assertEquals(0, r.exitCode(), r.err());
    List<String> expected = SPACE.neighbours(Nb201Arch.parse(A)).stream()
        .map(SPACE::format).toList();
    assertEquals(expected, r.out().lines().toList());
  }

  /** {@code --space} picks the space: spelled out, the default is the same; a typo exits 2. */
  @Test
  void spaceOption_defaultSpelledOutIsTheSame_typoExitsTwoNamingValueAndKnownSpaces() {
    assertEquals(CliRun.standard("space", "sample", "--count", "3", "--seed", "5").out(),
        CliRun.standard("space", "sample", "--space", "nb201", "--count", "3", "--seed", "5")
            .out());
    assertEquals(CliRun.standard("space", "info").out(),
        CliRun.standard("space", "info", "--space", "nb201").out());
    for (String[] args : List.of(new String[] {"space", "info", "--space", "nb2O1"},
        new String[] {"space", "canonical", "--space", "nb2O1", A},
        new String[] {"space", "sample", "--space", "nb2O1"})) {
      CliRun r = CliRun.standard(args);
      assertEquals(2, r.exitCode(), String.join(" ", args));
      assertTrue(r.oneLineError(), r.err());
      assertEquals("lmnas space: error: --space: unknown search space \"nb2O1\""
          + " (known: nb201, nb101, darts)\n",
          r.err());
    }
  }
}
