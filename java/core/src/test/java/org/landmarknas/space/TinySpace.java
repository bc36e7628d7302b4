package org.landmarknas.space;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A test-only search space of 16 two-position cells {@code a-b} (each 0..3), where a cell and its
 * mirror compute the same function ({@code 1-2} and {@code 2-1} share a class) and {@code 0-0}
 * computes a constant. It exists so pure-Java code that must keep spaces apart (the results
 * store, stand-alone tables) can be tested with a second space before NB101 is on main; each
 * instance has its own {@link #id}, so two of them are two spaces with one architecture type.
 */
public final class TinySpace implements SearchSpace<TinySpace.Cell> {

  /**
   * One cell.
   *
   * @param a the first position, 0..3
   * @param b the second position, 0..3
   */
  public record Cell(int a, int b) {
    public Cell {
      if (a < 0 || a > 3 || b < 0 || b > 3) {
        throw new IllegalArgumentException("tiny cell positions are 0..3, got " + a + "-" + b);
      }
    }
  }

  private final String id;

  /** A tiny space whose rows and jobs are told apart by {@code id}. */
  public TinySpace(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public Cell parse(String text) {
    String[] p = text.split("-", -1);
    if (p.length != 2 || !p[0].matches("[0-3]") || !p[1].matches("[0-3]")) {
      throw new IllegalArgumentException("tiny architecture \"" + text + "\" is not a-b with"
          + " a, b in 0..3");
    }
    return new Cell(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
  }

  @Override
  public String format(Cell arch) {
    return arch.a() + "-" + arch.b();
  }

  @Override
  public long size() {
    return 16;
  }

  @Override
  public Optional<List<Cell>> enumerate() {
    List<Cell> all = new ArrayList<>();
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        all.add(new Cell(a, b));
      }
    }
    return Optional.of(all);
  }

  @Override
  public OptionalLong classCount() {
    return OptionalLong.of(10);
  }

  @Override
  public Cell sample(SplittableRandom rng) {
    return new Cell(rng.nextInt(4), rng.nextInt(4));
  }

  @Override
  public List<Cell> sampleDistinct(int n, SplittableRandom rng) {
    if (n > 9) {
      throw new IllegalArgumentException("the tiny space has 9 classes of trainable cells");
    }
    Set<Cell> seen = new LinkedHashSet<>();
    List<Cell> out = new ArrayList<>();
    while (out.size() < n) {
      Cell c = sample(rng);
      if (isTrainable(c) && seen.add(canonical(c))) {
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public Cell mutate(Cell arch, SplittableRandom rng) {
    List<Cell> n = neighbours(arch);
    return n.get(rng.nextInt(n.size()));
  }

  @Override
  public List<Cell> neighbours(Cell arch) {
    List<Cell> out = new ArrayList<>();
    for (int v = 0; v < 4; v++) {
      if (v != arch.a()) {
        out.add(new Cell(v, arch.b()));
      }
    }
    for (int v = 0; v < 4; v++) {
      if (v != arch.b()) {
        out.add(new Cell(arch.a(), v));
      }
    }
    return out;
  }

  @Override
  public int distance(Cell x, Cell y) {
    return (x.a() != y.a() ? 1 : 0) + (x.b() != y.b() ? 1 : 0);
  }

  @Override
  public int maxDistance() {
    return 2;
  }

  @Override
  public String canonicalKey(Cell arch) {
    return format(canonical(arch));
  }

  @Override
  public Cell canonical(Cell arch) {
    return new Cell(Math.min(arch.a(), arch.b()), Math.max(arch.a(), arch.b()));
  }

  @Override
  public boolean isTrainable(Cell arch) {
    return arch.a() != 0 || arch.b() != 0;
  }

  @Override
  public int encodingLength() {
    return 2;
  }

  @Override
  public int encodingChoices(int position) {
    return 4;
  }

  @Override
  public int[] encode(Cell arch) {
    return new int[] {arch.a(), arch.b()};
  }

  @Override
  public NetworkCost cost(Cell arch, Skeleton skeleton) {
    return new NetworkCost(10L * (arch.a() + arch.b()), (long) skeleton.channels() * arch.a());
  }

  @Override
  public Optional<Cell> decode(int[] encoding) {
    if (encoding.length != 2) {
      throw new IllegalArgumentException("tiny encodings have 2 entries, got "
          + encoding.length);
    }
    return Optional.of(new Cell(encoding[0], encoding[1]));
  }
}
