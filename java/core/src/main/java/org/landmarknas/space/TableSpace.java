package org.landmarknas.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.landmarknas.random.SeededShuffle;

/**
 * The architectures of a table as a search space of their own: what a search on a published
 * sample (NASLib's 500 NB101 cells, 725 NB301 genotypes) moves through. NB201's table holds the
 * whole space, so a mutation always lands on a scored cell; a sample holds a few hundred of
 * 10^5 to 10^13 architectures, where almost every mutation of the full space leaves it. Here a
 * mutation moves to one of the {@code reach} members nearest to the parent (by the space's
 * distance), uniformly. Nearest alone (reach 1-3) traps an evolution in small clusters of
 * near-copies; on both NASLib samples reach 10 did as well as any of 3, 5, 15 and 30
 * ({@code SearchOnSampleTest}). Notation, encoding, distance, equivalence and cost are the
 * underlying space's, so the same architectures keep the same {@link #id}.
 *
 * @param <A> the architecture type
 */
public final class TableSpace<A> implements SearchSpace<A> {

  private final SearchSpace<A> space;
  private final List<A> members;
  private final Set<A> memberSet;
  private final int reach;
  private final Map<A, List<A>> nearestByMember = new ConcurrentHashMap<>();

  /** The default reach of a mutation: the 10 nearest members. */
  public static final int DEFAULT_REACH = 10;

  /** The space of {@code members} within {@code space}, mutations reaching the 10 nearest. */
  public TableSpace(SearchSpace<A> space, List<A> members) {
    this(space, members, DEFAULT_REACH);
  }

  /**
   * The space of {@code members} (distinct, at least 2) within {@code space}, a mutation
   * reaching the {@code reach} (at least 1) nearest members.
   *
   * @throws IllegalArgumentException if fewer than 2 members, one is listed twice, or reach is below 1
   */
  public TableSpace(SearchSpace<A> space, List<A> members, int reach) {
    if (reach < 1) {
      throw new IllegalArgumentException("a table space's reach must be at least 1, got "
          + reach);
    }
    this.reach = reach;
    this.space = Objects.requireNonNull(space, "space");
    this.members = List.copyOf(members);
    this.memberSet = new LinkedHashSet<>(this.members);
    if (memberSet.size() != this.members.size()) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "a table space lists each architecture once; %d of %d are repeats",
          this.members.size() - memberSet.size(), this.members.size()));
    }
    if (this.members.size() < 2) {
      throw new IllegalArgumentException(
          "a table space needs at least 2 architectures to move between, got " + members.size());
    }
  }

  /** The table's architectures, in table order. */
  public List<A> members() {
    return members;
  }

  @Override
  public String id() {
    return space.id();
  }

  @Override
  public A parse(String text) {
    return space.parse(text);
  }

  @Override
  public String format(A arch) {
    return space.format(arch);
  }

  @Override
  public long size() {
    return members.size();
  }

  @Override
  public Optional<List<A>> enumerate() {
    return Optional.of(members);
  }

  @Override
  public OptionalLong classCount() {
    Set<String> keys = new HashSet<>();
    members.forEach(a -> keys.add(space.canonicalKey(a)));
    return OptionalLong.of(keys.size());
  }

  @Override
  public A sample(SplittableRandom rng) {
    return members.get(rng.nextInt(members.size()));
  }

  @Override
  public List<A> sampleDistinct(int n, SplittableRandom rng) {
    List<A> order = new ArrayList<>(members);
    SeededShuffle.shuffle(order, rng);
    List<A> drawn = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    for (A a : order) {
      if (drawn.size() == n) {
        break;
      }
      if (space.isTrainable(a) && classes.add(space.canonicalKey(a))) {
        drawn.add(a);
      }
    }
    if (drawn.size() < n) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "the table holds %d classes of trainable architectures, %d requested", drawn.size(),
          n));
    }
    return drawn;
  }

  /** One of the {@code reach} members nearest to {@code arch}, uniformly; never {@code arch}. */
  @Override
  public A mutate(A arch, SplittableRandom rng) {
    List<A> options = neighbours(arch);
    return options.get(rng.nextInt(options.size()));
  }

  /**
   * The {@code reach} members other than {@code arch} nearest to it (ties by table order), in
   * order of distance.
   */
  @Override
  public List<A> neighbours(A arch) {
    // an evolution's parents are members: each member's list is computed once
    return memberSet.contains(arch) ? nearestByMember.computeIfAbsent(arch, this::nearestTo)
        : nearestTo(arch);
  }

  private List<A> nearestTo(A arch) {
    List<int[]> byDistance = new ArrayList<>(); // {distance, table index}
    for (int i = 0; i < members.size(); i++) {
      A m = members.get(i);
      if (!m.equals(arch)) {
        byDistance.add(new int[] {space.distance(arch, m), i});
      }
    }
    byDistance.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0])
        : Integer.compare(x[1], y[1]));
    List<A> closest = new ArrayList<>(reach);
    for (int[] e : byDistance.subList(0, Math.min(reach, byDistance.size()))) {
      closest.add(members.get(e[1]));
    }
    return List.copyOf(closest);
  }

  @Override
  public int distance(A a, A b) {
    return space.distance(a, b);
  }

  @Override
  public int maxDistance() {
    return space.maxDistance();
  }

  @Override
  public String canonicalKey(A arch) {
    return space.canonicalKey(arch);
  }

  @Override
  public A canonical(A arch) {
    return space.canonical(arch);
  }

  @Override
  public boolean isTrainable(A arch) {
    return space.isTrainable(arch);
  }

  @Override
  public int encodingLength() {
    return space.encodingLength();
  }

  @Override
  public int encodingChoices(int position) {
    return space.encodingChoices(position);
  }

  @Override
  public int[] encode(A arch) {
    return space.encode(arch);
  }

  @Override
  public NetworkCost cost(A arch, Skeleton skeleton) {
    return space.cost(arch, skeleton);
  }

  /** The architecture {@code encoding} names, where it is a member of the table. */
  @Override
  public Optional<A> decode(int[] encoding) {
    return space.decode(encoding).filter(memberSet::contains);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s table of %d", space.id(), members.size());
  }
}
