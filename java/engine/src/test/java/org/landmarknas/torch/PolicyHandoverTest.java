package org.landmarknas.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * After an epoch whose state rank 0 decides, rank 0 alone does the work and the other ranks end
 * with its state; after any other epoch, and in one process, every process does its own.
 */
final class PolicyHandoverTest {

  /** A policy whose state is two files; it decides after odd epochs. */
  private static final class Recorder implements SamplingPolicy<String> {
    int afterEpochCalls;
    String state = "initial";
    final String name;

    Recorder(String name) {
      this.name = name;
    }

    @Override
    public String path(int epoch, int step, SplittableRandom rng) {
      return state;
    }

    @Override
    public String name() {
      return "recorder";
    }

    @Override
    public void afterEpoch(int epoch) {
      afterEpochCalls++;
      state = name + " after epoch " + epoch;
    }

    @Override
    public boolean leaderDecidesAfter(int epoch) {
      return epoch % 2 == 1;
    }

    @Override
    public void save(Path dir) {
      try {
        Files.writeString(dir.resolve("state.txt"), state);
        Files.write(dir.resolve("bytes.bin"), new byte[] {0, -1, 42});
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void restore(Path dir) {
      try {
        state = Files.readString(dir.resolve("state.txt"));
        assertArrayEquals(new byte[] {0, -1, 42}, Files.readAllBytes(dir.resolve("bytes.bin")));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One rank of two; the "broadcast" hands the leader's message to a shared slot. */
  private static final class Rank implements DataParallel {
    final boolean lead;
    final byte[][] wire;

    Rank(boolean lead, byte[][] wire) {
      this.lead = lead;
      this.wire = wire;
    }

    @Override
    public List<LabeledBatch> shards(LabeledBatch global) {
      return List.of(global);
    }

    @Override
    public int shardCount() {
      return 2;
    }

    @Override
    public void averageGradients() {}

    @Override
    public double[] sum(double[] local) {
      return local;
    }

    @Override
    public boolean leads() {
      return lead;
    }

    @Override
    public boolean distributed() {
      return true;
    }

    @Override
    public byte[] fromLeader(byte[] bytes) {
      if (lead) {
        wire[0] = bytes;
      }
      return wire[0];
    }
  }

  @Test
  void decidingEpoch_leaderWorks_othersTakeItsState() {
    byte[][] wire = new byte[1][];
    Recorder leader = new Recorder("rank 0");
    Recorder other = new Recorder("rank 1");
    PolicyHandover.afterEpoch(leader, 1, new Rank(true, wire));
    PolicyHandover.afterEpoch(other, 1, new Rank(false, wire));
    assertEquals(1, leader.afterEpochCalls);
    assertEquals(0, other.afterEpochCalls, "the other rank skips the work");
    assertEquals("rank 0 after epoch 1", other.state);
  }

  @Test
  void otherEpochs_everyRankWorks_nothingIsSent() {
    byte[][] wire = new byte[1][];
    Recorder leader = new Recorder("rank 0");
    Recorder other = new Recorder("rank 1");
    PolicyHandover.afterEpoch(leader, 2, new Rank(true, wire));
    PolicyHandover.afterEpoch(other, 2, new Rank(false, wire));
    assertEquals("rank 1 after epoch 2", other.state);
    assertEquals(1, leader.afterEpochCalls);
    assertNull(wire[0]);
  }

  @Test
  void oneProcess_works_evenWhereALeaderWouldDecide() {
    Recorder alone = new Recorder("alone");
    PolicyHandover.afterEpoch(alone, 1, DataParallel.SINGLE);
    assertEquals(1, alone.afterEpochCalls);
    assertEquals("alone after epoch 1", alone.state);
  }

  @Test
  void packedState_roundTripsEveryFile() {
    Recorder from = new Recorder("a");
    from.state = "état ünïcode\nsecond line";
    Recorder to = new Recorder("b");
    PolicyHandover.unpack(PolicyHandover.pack(from), to);
    assertEquals(from.state, to.state);
  }
}
