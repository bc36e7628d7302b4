package org.landmarknas.torch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.landmarknas.run.AtomicFile;
import org.landmarknas.search.ArchScore;
import org.landmarknas.space.SearchSpace;

/**
 * The architectures of one pool scoring scored so far, appended to a file as they come, so that
 * a run killed in a long scoring (120 cells on 10,000 images: ~20 minutes) goes on where it
 * stopped instead of scoring everything again. The first line names what the scores are of:
 * the epoch, the number of images and the network's {@linkplain Supernet#weightsFingerprint
 * weights fingerprint}. A journal of other weights (a resumed epoch trained on another CPU
 * rounds differently) or of another scoring is ignored and replaced, so a score is only ever
 * reused for the very function that made it. Only scorings that leave the network and the
 * random stream untouched may use one (no BatchNorm recalibration): then an architecture's score
 * does not depend on which others were scored before it, and reusing it changes nothing.
 *
 * <p>Format: a header line, then one tab-separated line per architecture (its string, accuracy,
 * loss and image count, the doubles as Java prints them, which read back exactly). A line cut
 * short by a kill ends the journal there.
 */
final class PoolScoreJournal<A> {
  private final Path file;
  private final SearchSpace<A> space;
  private final String header;

  private PoolScoreJournal(Path file, SearchSpace<A> space, String header) {
    this.file = file;
    this.space = space;
    this.header = header;
  }

  /** The journal in {@code file} of a run's scoring after {@code epoch} on {@code images}. */
  static <A> PoolScoreJournal<A> of(Path file, SearchSpace<A> space, int epoch, int images,
      long weightsFingerprint) {
    // a run's scoring protocol is its config's, fixed for the run: epoch and images name it
    return of(file, space, String.format(Locale.ROOT, "epoch %d, images %d", epoch, images),
        weightsFingerprint);
  }

  /**
   * The journal in {@code file} of the scoring {@code scoring} describes: everything besides
   * the weights that a score depends on (images, batch size, arithmetic...).
   */
  static <A> PoolScoreJournal<A> of(Path file, SearchSpace<A> space, String scoring,
      long weightsFingerprint) {
    return new PoolScoreJournal<>(file, space, String.format(Locale.ROOT,
        "# lmnas pool scores: %s, weights %08x", scoring, weightsFingerprint));
  }

  /**
   * The scores this journal holds, by architecture string, and the file made ready to append
   * to: rewritten to the valid lines (empty, with this header, when it was of another scoring).
   */
  Map<String, ArchScore<A>> open() {
    Map<String, ArchScore<A>> scores = new LinkedHashMap<>();
    List<String> kept = new ArrayList<>(List.of(header));
    try {
      if (Files.isRegularFile(file)) {
        // Only lines that end in a newline were written whole; what follows the last one is
        // the tail a kill cut off (it may even parse: "100" of "1000").
        String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length > 1 && lines[0].equals(header)) {
          for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i];
            ArchScore<A> s = parse(line);
            if (s == null) {
              break;
            }
            scores.put(line.substring(0, line.indexOf('\t')), s);
            kept.add(line);
          }
        }
      }
      AtomicFile.write(file, (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the scoring journal " + file, e);
    }
    return scores;
  }

  /** Adds {@code scores} to the end of the file. */
  void append(List<ArchScore<A>> scores) {
    StringBuilder sb = new StringBuilder();
    for (ArchScore<A> s : scores) {
      sb.append(space.format(s.arch())).append('\t').append(s.accuracy()).append('\t')
          .append(s.loss()).append('\t').append(s.samples()).append('\n');
    }
    try {
      Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the scoring journal " + file, e);
    }
  }

  /** Removes the file: the scoring it journaled is written in full elsewhere. */
  void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the scoring journal " + file, e);
    }
  }

  /** One score line, or null when it is not whole. */
  private ArchScore<A> parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 4) {
      return null;
    }
    try {
      return new ArchScore<>(space.parse(f[0]), Double.parseDouble(f[1]),
          Double.parseDouble(f[2]), Integer.parseInt(f[3]));
    } catch (IllegalArgumentException e) {
      return null; // NumberFormatException included: a number cut short
    }
  }
}
