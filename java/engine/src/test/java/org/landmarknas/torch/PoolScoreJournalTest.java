package org.landmarknas.torch;

import static org.bytedeco.pytorch.global.torch.set_num_threads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.landmarknas.TestData;
import org.landmarknas.bench.EvaluationPool;
import org.landmarknas.config.EvaluateConfig;
import org.landmarknas.config.RunConfigLoader;
import org.landmarknas.data.Augmentation;
import org.landmarknas.data.BatchAssembler;
import org.landmarknas.data.DataLocation;
import org.landmarknas.data.ImageDataset;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.Nb201Arch;
import org.landmarknas.space.Nb201Space;

/**
 * A pool scoring cut short goes on from its journal with exactly the scores an uninterrupted
 * one gives; a journal of other weights, or a line a kill cut off, is not used.
 */
final class PoolScoreJournalTest {
  @TempDir Path tmp;

  private static final Nb201Space SPACE = Nb201Space.INSTANCE;

  @Test
  void keepsExactDoubles_dropsATornTail_ignoresOtherWeights() throws Exception {
    Path file = tmp.resolve("pool-epoch-0003.partial.tsv");
    List<Nb201Arch> archs = SPACE.sampleDistinct(3, new SplittableRandom(2));
    PoolScoreJournal<Nb201Arch> journal = PoolScoreJournal.of(file, SPACE, 3, 1000, 0xabcL);
    assertEquals(Map.of(), journal.open());
    ArchScore<Nb201Arch> a = new ArchScore<>(archs.get(0), 0.1 + 0.2, Math.PI / 7, 1000);
    ArchScore<Nb201Arch> b = new ArchScore<>(archs.get(1), 0.875, 0.31234567890123456, 1000);
    journal.append(List.of(a, b));
    // a kill in the middle of the third line: "100" would parse, but the line never ended
    Files.writeString(file, Files.readString(file) + SPACE.format(archs.get(2))
        + "\t0.5\t0.7\t100");

    Map<String, ArchScore<Nb201Arch>> back = PoolScoreJournal.of(file, SPACE, 3, 1000, 0xabcL)
        .open();
    assertEquals(List.of(a, b), List.copyOf(back.values()), "bit-exact, torn line dropped");
    assertEquals(3, Files.readAllLines(file).size(), "the file is rewritten without it");
    assertTrue(Files.readString(file).endsWith("\t1000\n"));

    assertEquals(Map.of(), PoolScoreJournal.of(file, SPACE, 3, 1000, 0xabdL).open(),
        "other weights: nothing reused");
    assertEquals(1, Files.readAllLines(file).size(), "and the file starts again");
  }

  @Test
  void resumedScoring_equalsUninterrupted_andTakesTheJournalsScores() throws Exception {
    TestData.fashionMnist();
    set_num_threads(1); // tiny tensors: a second OpenMP thread only waits on a busy machine
    ImageDataset data = DataLocation.system().load("fashion-mnist", Optional.empty());
    Nb201Network net = Nb201Network.supernet(
        new NetworkShape(1, 10, 4, 1, BatchNormMode.BATCH), 3);
    net.train(true);
    BatchAssembler assembler = new BatchAssembler(data.test().head(96), data.normalization(),
        Augmentation.NONE);
    PoolScorer<Nb201Arch> scorer = new PoolScorer<>(net,
        new SupernetEvaluator<>(net, new TensorBatcher(assembler, 32)), Optional.empty());
    List<Nb201Arch> archs = SPACE.sampleDistinct(12, new SplittableRandom(7));
    EvaluationPool<Nb201Arch> pool = new EvaluationPool<>(SPACE, archs,
        Collections.nCopies(12, 50.0));
    EvaluateConfig eval = RunConfigLoader.fromDefaults(List.of("evaluate.images=96",
        "evaluate.score-by=loss")).evaluate();
    List<ArchScore<Nb201Arch>> whole = SupernetScoring.scorePool(pool, scorer, eval, false,
        new SplittableRandom(1), quiet(), "t").scores();

    long weights = net.weightsFingerprint();
    Path file = tmp.resolve("pool-epoch-0001.partial.tsv");
    // The first part of the pool scored, then the run stopped: its journal holds 8 scores.
    EvaluationPool<Nb201Arch> firstPart = new EvaluationPool<>(SPACE, archs.subList(0, 8),
        Collections.nCopies(8, 50.0));
    SupernetScoring.scorePool(firstPart, scorer, eval, false, new SplittableRandom(1), quiet(),
        "t", Optional.of(PoolScoreJournal.of(file, SPACE, 1, 96, weights)));
    // Mark one journaled score, to see that the resumed scoring takes it instead of rescoring.
    String marked = Files.readString(file).replace(
        Double.toString(whole.get(2).loss()), "9.75");
    assertNotEquals(Files.readString(file), marked);
    Files.writeString(file, marked);

    ByteArrayOutputStream log = new ByteArrayOutputStream();
    List<ArchScore<Nb201Arch>> resumed = SupernetScoring.scorePool(pool, scorer, eval, false,
        new SplittableRandom(1), new PrintStream(log, true, StandardCharsets.UTF_8), "t",
        Optional.of(PoolScoreJournal.of(file, SPACE, 1, 96, weights))).scores();
    assertTrue(log.toString(StandardCharsets.UTF_8).contains(
        "8 of 12 pool architectures scored before the run stopped"), log.toString());
    assertEquals(9.75, resumed.get(2).loss(), "taken from the journal");
    List<ArchScore<Nb201Arch>> expected = new ArrayList<>(whole);
    expected.set(2, resumed.get(2));
    assertEquals(expected, resumed, "every other score exactly the uninterrupted one's");
    assertEquals(13, Files.readAllLines(file).size(), "header and all 12 journaled");

    // The same journal with the network changed: every score computed again.
    try (NoGradGuard off = new NoGradGuard()) {
      net.parameters().get(0).add_(new Scalar(1e-3));
    }
    assertNotEquals(weights, net.weightsFingerprint());
    List<ArchScore<Nb201Arch>> changed = SupernetScoring.scorePool(pool, scorer, eval, false,
        new SplittableRandom(1), quiet(), "t", Optional.of(PoolScoreJournal.of(file, SPACE, 1,
            96, net.weightsFingerprint()))).scores();
    assertTrue(changed.stream().noneMatch(s -> s.loss() == 9.75));
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
