package org.landmarknas.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The checkpoints of one run: {@code <run>/checkpoints/epoch-NNNN/}, one directory per saved
 * epoch, each with its files and a {@value #MANIFEST} listing every file's size and SHA-256.
 *
 * <p>A checkpoint is written into a hidden temporary directory, every file is forced to disk,
 * the manifest is written last, and the directory is renamed into place; so a process killed at
 * any moment leaves either the complete new checkpoint or none, and the previous one untouched.
 * On reading, a checkpoint counts only if its manifest parses and every file still has its
 * recorded size and hash: a file truncated or damaged on disk later (a full disk, a bad copy) is
 * caught and the next older checkpoint is used. Only the newest {@code keep} are kept.
 */
public final class Checkpoints {

  /** Sub-directory of the run that holds the checkpoints. */
  public static final String DIR = "checkpoints";
  /** Per-checkpoint list of files with sizes and hashes, written last. */
  public static final String MANIFEST = "manifest.json";

  private static final Pattern NAME = Pattern.compile("epoch-(\\d{4,9})");
  private static final int FORMAT_VERSION = 1;

  private final Path root;
  private final int keep;

  /** One complete checkpoint on disk. */
  public record Checkpoint(int epoch, Path dir) {
    /** A file of this checkpoint. */
    public Path file(String name) {
      return dir.resolve(name);
    }
  }

  /** Fills a fresh directory with a checkpoint's files. */
  @FunctionalInterface
  public interface Content {
    /** Writes this checkpoint's files into {@code dir} (plain files, no sub-directories). */
    void writeTo(Path dir) throws IOException;
  }

  /**
   * Checkpoints under {@code runDir/checkpoints}, keeping the newest {@code keep}.
   *
   * @throws IllegalArgumentException if {@code keep < 1}
   */
  public Checkpoints(Path runDir, int keep) {
    Objects.requireNonNull(runDir, "runDir");
    if (keep < 1) {
      throw new IllegalArgumentException("checkpoints to keep must be >= 1, got " + keep);
    }
    this.root = runDir.resolve(DIR);
    this.keep = keep;
  }

  /** {@code <run>/checkpoints}. */
  public Path root() {
    return root;
  }

  /**
   * Writes the checkpoint of {@code epoch} atomically, then deletes all but the newest
   * {@code keep}. An existing checkpoint of the same epoch is replaced.
   *
   * @throws UncheckedIOException when anything cannot be written; the message names the
   *     checkpoint, and every older checkpoint is left as it was
   */
  public Checkpoint write(int epoch, Content content) {
    if (epoch < 0) {
      throw new IllegalArgumentException("checkpoint epoch must be >= 0, got " + epoch);
    }
    Path target = root.resolve(name(epoch));
    Path tmp = root.resolve(".tmp-" + name(epoch) + "-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(root);
      deleteTree(tmp);
      Files.createDirectory(tmp);
      content.writeTo(tmp);
      Map<String, Object> files = new LinkedHashMap<>();
      try (Stream<Path> written = Files.list(tmp)) {
        for (Path f : written.sorted().toList()) {
          if (!Files.isRegularFile(f)) {
            throw new IOException("checkpoint content must be plain files, found " + f);
          }
          forceFile(f);
          Map<String, Object> entry = new LinkedHashMap<>();
          entry.put("bytes", Files.size(f));
          entry.put("sha256", sha256(f));
          files.put(f.getFileName().toString(), entry);
        }
      }
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("format_version", FORMAT_VERSION);
      manifest.put("epoch", epoch);
      manifest.put("files", files);
      AtomicFile.write(tmp.resolve(MANIFEST), JsonCodec.pretty(manifest));
      AtomicFile.forceDirectory(tmp);
      if (Files.exists(target)) {
        deleteTree(target);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      AtomicFile.forceDirectory(root);
    } catch (IOException e) {
      try {
        deleteTree(tmp);
      } catch (IOException ignored) {
        // the disk may be full or gone; the message below is what matters
      }
      throw new UncheckedIOException(String.format(Locale.ROOT,
          "cannot write the checkpoint of epoch %d to %s (%s)", epoch, target,
          RunDirectory.reason(e)), e);
    }
    prune(epoch);
    return new Checkpoint(epoch, target);
  }

  /**
   * The newest checkpoint whose files all match their manifest. Each newer one that does not is
   * reported to {@code warn} (with what is wrong) and passed over.
   */
  public Optional<Checkpoint> latestValid(Consumer<String> warn) {
    for (Checkpoint c : listNewestFirst()) {
      Optional<String> problem = problem(c);
      if (problem.isEmpty()) {
        return Optional.of(c);
      }
      warn.accept(String.format(Locale.ROOT, "checkpoint %s is damaged (%s); trying an older"
          + " one", c.dir(), problem.get()));
    }
    return Optional.empty();
  }

  /** Every checkpoint directory present (complete or not), newest first. */
  public List<Checkpoint> listNewestFirst() {
    List<Checkpoint> found = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return found;
    }
    try (Stream<Path> entries = Files.list(root)) {
      entries.forEach(p -> {
        Matcher m = NAME.matcher(p.getFileName().toString());
        if (m.matches() && Files.isDirectory(p)) {
          found.add(new Checkpoint(Integer.parseInt(m.group(1)), p));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(String.format(Locale.ROOT, "cannot list checkpoints in %s"
          + " (%s)", root, RunDirectory.reason(e)), e);
    }
    found.sort(Comparator.comparingInt(Checkpoint::epoch).reversed());
    return found;
  }

  /** What is wrong with a checkpoint on disk, or empty when every file matches its manifest. */
  Optional<String> problem(Checkpoint c) {
    Path manifestFile = c.file(MANIFEST);
    if (!Files.isRegularFile(manifestFile)) {
      return Optional.of("no " + MANIFEST);
    }
    Map<String, Object> manifest;
    try {
      manifest = JsonCodec.parseObject(Files.readString(manifestFile));
    } catch (IOException | RuntimeException e) {
      return Optional.of(MANIFEST + " is unreadable: " + e.getMessage());
    }
    if (!(manifest.get("files") instanceof Map<?, ?> files) || files.isEmpty()) {
      return Optional.of(MANIFEST + " lists no files");
    }
    if (!(manifest.get("epoch") instanceof Number n) || n.intValue() != c.epoch()) {
      return Optional.of(MANIFEST + " is for another epoch: " + manifest.get("epoch"));
    }
    for (Map.Entry<?, ?> e : files.entrySet()) {
      Path f = c.file(String.valueOf(e.getKey()));
      if (!(e.getValue() instanceof Map<?, ?> entry)
          || !(entry.get("bytes") instanceof Number bytes)
          || !(entry.get("sha256") instanceof String hash)) {
        return Optional.of(MANIFEST + " entry for " + e.getKey() + " is malformed");
      }
      try {
        if (!Files.isRegularFile(f)) {
          return Optional.of(e.getKey() + " is missing");
        }
        long size = Files.size(f);
        if (size != bytes.longValue()) {
          return Optional.of(String.format(Locale.ROOT, "%s has %d bytes, the manifest says %d",
              e.getKey(), size, bytes.longValue()));
        }
        if (!sha256(f).equals(hash)) {
          return Optional.of(e.getKey() + " does not match its SHA-256");
        }
      } catch (IOException x) {
        return Optional.of("cannot read " + e.getKey() + ": " + RunDirectory.reason(x));
      }
    }
    return Optional.empty();
  }

  /**
   * Deletes the checkpoints after {@code written} and all but the newest {@code keep} of the rest.
   * A checkpoint after the one just written belongs to a history the run has left (a resume
   * passed it over as damaged and trained on from an older one); kept, it would count among the
   * newest and push out the checkpoint just written.
   */
  private void prune(int written) {
    List<Checkpoint> all = new ArrayList<>(listNewestFirst());
    List<Checkpoint> gone = new ArrayList<>();
    for (Checkpoint c : all) {
      if (c.epoch() > written) {
        gone.add(c);
      }
    }
    all.removeAll(gone);
    gone.addAll(all.subList(Math.min(keep, all.size()), all.size()));
    for (Checkpoint c : gone) {
      try {
        deleteTree(c.dir());
      } catch (IOException e) {
        // an old checkpoint left behind costs disk space, not correctness
      }
    }
  }

  private static String name(int epoch) {
    return String.format(Locale.ROOT, "epoch-%04d", epoch);
  }

  private static void forceFile(Path f) throws IOException {
    try (var ch = java.nio.channels.FileChannel.open(f, java.nio.file.StandardOpenOption.WRITE)) {
      ch.force(true);
    } catch (AccessDeniedException e) {
      // a read-only file was written completely by its writer; nothing to force
    }
  }

  static String sha256(Path f) throws IOException {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(f)) {
      for (int n; (n = in.read(buf)) > 0; ) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
