package org.landmarknas.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue side of {@code lmnas standalone} without training anything. */
final class StandaloneCommandTest {
  @TempDir Path dir;

  private record Out(int code, String out, String err) {}

  private static Out run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Out(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void enqueue_isIdempotent_andStatusAndExportSeeTheQueue() {
    String store = dir.resolve("r.db").toString();
    Out first = run("standalone", "enqueue", "--random", "5", "--seed", "3", "--epochs", "2",
        "--store", store);
    assertEquals(0, first.code(), first.err());
    assertTrue(first.out().contains("enqueued 5 of 5"), first.out());
    Out again = run("standalone", "enqueue", "--random", "5", "--seed", "3", "--epochs", "2",
        "--store", store);
    assertTrue(again.out().contains("enqueued 0 of 5"), again.out());
    Out status = run("standalone", "status", "--epochs", "2", "--store", store);
    assertTrue(status.out().contains("5 queued, 0 running, 0 done"), status.out());
    Out otherProtocol = run("standalone", "status", "--epochs", "3", "--store", store);
    assertTrue(otherProtocol.out().contains("0 queued"), otherProtocol.out());
    Out export = run("standalone", "export", "--format", "csv", "--epochs", "2", "--store", store);
    assertEquals("arch,protocol,seed,valid_accuracy,test_accuracy,parameters",
        export.out().strip());
  }

  @Test
  void badUsage_exitsTwoWithOneLine() {
    for (String[] args : new String[][] {
        {"standalone"}, {"standalone", "fly"}, {"standalone", "enqueue", "--store",
            dir.resolve("x.db").toString()}, {"standalone", "train"},
        {"standalone", "status", "--epochs", "0"}, {"standalone", "export", "--format", "xml"}}) {
      Out r = run(args);
      assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("lmnas standalone: error: "), r.err());
    }
  }
}
