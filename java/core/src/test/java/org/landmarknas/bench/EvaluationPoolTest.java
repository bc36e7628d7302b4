package org.landmarknas.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

final class EvaluationPoolTest {

  @Test
  void members_includeEquivalentArchitectures() {
    Nb201Arch skip = Nb201Arch.parse("|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|");
    // the same function: the conv on 1<-0 feeds nothing
    Nb201Arch twin = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|");
    Nb201Arch other = Nb201Arch.parse(
        "|nor_conv_1x1~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|nor_conv_3x3~2|");
    Predicate<Nb201Arch> members = new EvaluationPool<>(Nb201Space.INSTANCE, List.of(skip),
        List.of(80.0)).members();
    assertTrue(members.test(skip));
    assertTrue(members.test(twin), "a new landmark must not be a pool member's twin");
    assertFalse(members.test(other));
  }

  @Test
  void draw_fewerThanTwoEligible_refusedNamingTheFile() {
    Nb201Arch skip = Nb201Arch.parse("|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|");
    Nb201Arch twin = Nb201Arch.parse(
        "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|");
    GroundTruth<Nb201Arch> truth = GroundTruth.of("one-class.csv", java.util.Map.of(skip, 80.0,
        twin, 81.0));
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> EvaluationPool.draw(truth, 0, new java.util.SplittableRandom(1), a -> false));
    assertTrue(e.getMessage().contains("one-class.csv has 1 eligible architecture(s)"),
        e.getMessage());
  }
}
