package org.landmarknas.report;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ReportWriter#write} produced: the report directory, every file written (in the
 * order written), and notes on what was skipped and why (a run without a pool has no scatter
 * plot).
 */
public record ReportOutput(Path dir, List<Path> files, List<String> notes) {

  /** Copies the lists; rejects null parts. */
  public ReportOutput {
    if (dir == null || files == null || notes == null) {
      throw new IllegalArgumentException("ReportOutput parts must not be null");
    }
    files = List.copyOf(files);
    notes = List.copyOf(notes);
  }
}
