/**
 * Search spaces: what an architecture is, how to write it down, and how to move around the space.
 * Plain Java; nothing here touches libtorch.
 *
 * <p>{@link org.landmarknas.space.SearchSpace} is what the engine needs of any space (parse and
 * format, sampling, mutation, neighbours, distance, canonical form, enumeration where finite,
 * the fixed-length encoding); the search strategies work through it, and {@link
 * org.landmarknas.space.SearchSpaces} maps a config's {@code space:} name to one. A space's test
 * extends the {@code SearchSpaceContract} test, which checks the contract on samples.
 *
 * <p>NAS-Bench-201 (arXiv:2001.00326) is the first space:
 *
 * <ul>
 *   <li>{@link org.landmarknas.space.Nb201Op} - the five edge ops, in the benchmark's order;
 *   <li>{@link org.landmarknas.space.Nb201Arch} - one cell (an op on each of 6 edges), its
 *       benchmark string form and its mixed-radix {@code code()} in 0..15624;
 *   <li>{@link org.landmarknas.space.Nb201Space} - the space as a whole: uniform {@code sample},
 *       single-edge {@code mutate}, Hamming {@code distance}, the full enumeration, and a
 *       {@code canonical} form that merges equivalent cells (see its assumptions there).
 * </ul>
 *
 * <p>A cell's {@code code()} is not its row in the benchmark table; that mapping belongs to
 * {@code org.landmarknas.bench.Nb201Table}. Randomness always comes in as a
 * {@link java.util.SplittableRandom} chosen by the caller.
 */
package org.landmarknas.space;
