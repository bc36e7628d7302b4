package org.landmarknas.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.landmarknas.space.Nb201Space;
import org.landmarknas.space.TinySpace;

final class StandaloneProtocolTest {

  @Test
  void fashionMnist_nameCarriesWhatChangesTheNumbers_notTheThreads() {
    StandaloneProtocol p = StandaloneProtocol.fashionMnist(8, 6).withTrainLimit(15000);
    assertEquals("fmnist-c8n1-e6-n15000", p.name());
    assertEquals(p.name(), p.withThreads(1).name());
    assertEquals("fmnist-c8n1-e6-n15000-t500-v300",
        p.withTestLimit(500).withValidImages(300).name());
  }

  @Test
  void badField_namesProtocolFieldValueAndWhatWasExpected() {
    StandaloneProtocol p = StandaloneProtocol.fashionMnist(8, 6);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new StandaloneProtocol(p.name(), p.space(), p.dataset(), p.channels(), p.cells(),
            p.epochs(), p.batchSize(), p.lr(), p.lrMin(), 1.5, p.weightDecay(), p.gradClip(),
            p.cropPadding(), p.horizontalFlip(), p.splitSeed(), p.trainLimit(), p.validImages(),
            p.testLimit(), p.threads()));
    assertEquals("stand-alone protocol fmnist-c8n1-e6: momentum must be in [0, 1), got 1.5",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> p.withTestLimit(-1));
    assertEquals("stand-alone protocol fmnist-c8n1-e6-t-1: test limit must be >= 0 (0 = all),"
        + " got -1", e.getMessage());
  }

  /**
   * A protocol names its space; the default one keeps every name written before protocols did,
   * so stores and committed tables read as before.
   */
  @Test
  void space_defaultsToNb201_andLeavesTheNameAsItWas() {
    StandaloneProtocol p = StandaloneProtocol.fashionMnist(8, 6);
    assertEquals("nb201", p.space());
    assertEquals(StandaloneProtocol.DEFAULT_SPACE, p.space());
    assertEquals(p, StandaloneProtocol.fashionMnist("nb201", 8, 6));
    assertEquals("fmnist-c8n1-e6", p.name());
    assertSame(Nb201Space.INSTANCE, p.searchSpace());
    assertEquals("nb201", p.withTrainLimit(100).withTestLimit(50).withValidImages(10)
        .withThreads(1).space(), "every derived protocol keeps the space");
  }

  @Test
  void space_unknown_namesTheValueAndTheKnownSpaces() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StandaloneProtocol.fashionMnist("nb2O1", 8, 6));
    assertEquals("stand-alone protocol nb2O1-fmnist-c8n1-e6: unknown search space \"nb2O1\""
        + " (known: nb201, nb101, darts)", e.getMessage());
  }

  @Test
  void requireSpace_refusesAnotherSpace_namingBoth() {
    StandaloneProtocol p = StandaloneProtocol.fashionMnist(8, 6);
    p.requireSpace(Nb201Space.INSTANCE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> p.requireSpace(new TinySpace("tiny")));
    assertEquals("stand-alone protocol fmnist-c8n1-e6 trains cells of nb201 (nas-bench-201),"
        + " not of tiny", e.getMessage());
  }
}
