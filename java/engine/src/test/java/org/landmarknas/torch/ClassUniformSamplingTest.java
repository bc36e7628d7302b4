package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb101Space;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/** Class-uniform paths on NB201: every draw trainable, classes drawn alike, members varied. */
final class ClassUniformSamplingTest {
  private final Nb201Space space = new Nb201Space();

  @Test
  void drawsEveryConnectedClassAlike_unlikeOpUniformPaths() {
    ClassUniformSampling<Nb201Arch> classes = new ClassUniformSampling<>(space);
    // every class but the one of the disconnected (zero-output) cells
    assertEquals(space.distinctClassCount() - 1, classes.classCount());

    // The class with the most assignments: op-uniform paths hit it size/15625 of the time,
    // class-uniform paths 1/6465; the two differ by two orders of magnitude.
    Map<String, Integer> sizes = new HashMap<>();
    for (Nb201Arch a : space.enumerate().orElseThrow()) {
      if (a.isConnected()) {
        sizes.merge(space.canonicalKey(a), 1, Integer::sum);
      }
    }
    String largest = sizes.entrySet().stream().max(Map.Entry.comparingByValue())
        .orElseThrow().getKey();
    assertTrue(sizes.get(largest) >= 50, "the largest class has many members: " + sizes.get(largest));

    int draws = 200_000;
    int classHits = 0;
    int opHits = 0;
    SplittableRandom a = new SplittableRandom(7);
    SplittableRandom b = new SplittableRandom(7);
    UniformSampling<Nb201Arch> ops = new UniformSampling<>(space);
    java.util.Set<Nb201Arch> members = new java.util.HashSet<>();
    for (int i = 0; i < draws; i++) {
      Nb201Arch c = classes.path(0, i, a);
      assertTrue(c.isConnected(), "class-uniform paths are trainable: " + c);
      if (space.canonicalKey(c).equals(largest)) {
        classHits++;
        members.add(c);
      }
      if (space.canonicalKey(ops.path(0, i, b)).equals(largest)) {
        opHits++;
      }
    }
    double classExpected = (double) draws / classes.classCount();
    assertTrue(Math.abs(classHits - classExpected) < 5 * Math.sqrt(classExpected),
        "class hits " + classHits + " vs expected " + classExpected);
    double opExpected = (double) draws * sizes.get(largest) / 15625;
    assertTrue(Math.abs(opHits - opExpected) < 5 * Math.sqrt(opExpected),
        "op hits " + opHits + " vs expected " + opExpected);
    assertTrue(members.size() > 1, "a class's draws vary its member");
  }

  @Test
  void refusesSpacesThatCannotBeListed() {
    assertThrows(IllegalArgumentException.class,
        () -> new ClassUniformSampling<>(new Nb101Space()));
  }
}
