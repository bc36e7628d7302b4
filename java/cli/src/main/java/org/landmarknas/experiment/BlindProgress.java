package org.landmarknas.experiment;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A progress stream that withholds every line carrying a ranking score, so that a
 * pre-registered experiment can run, and its log be read, without anyone seeing its outcome
 * before the last run. Every ranking line of the engine names the sparse Kendall tau ("S-KdT"),
 * so that is what a line is withheld for; training loss and accuracy pass, being no outcome.
 */
final class BlindProgress extends OutputStream {
  /** What every ranking line of the engine prints (tau-b as "KdT" beside it). */
  static final String SCORE_MARK = "KdT";

  private final PrintStream target;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private BlindProgress(PrintStream target) {
    this.target = target;
  }

  /** A stream that forwards to {@code target} every line without a ranking score. */
  static PrintStream over(PrintStream target) {
    return new PrintStream(new BlindProgress(target), true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    line.write(b);
    // '\r' too: a progress bar on a terminal rewrites its line without ending it
    if (b == '\n' || b == '\r') {
      forwardLine();
    }
  }

  @Override
  public synchronized void flush() {
    // a partial line waits for its end: only a whole line can be judged
    target.flush();
  }

  @Override
  public synchronized void close() {
    forwardLine();
    target.flush();
  }

  private void forwardLine() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    if (!text.contains(SCORE_MARK)) {
      target.print(text);
    }
  }
}
