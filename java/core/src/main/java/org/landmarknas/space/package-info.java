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
 * <p>NAS-Bench-101 (arXiv:1902.09635), config name {@code nb101}:
 *
 * <ul>
 *   <li>{@link org.landmarknas.space.Nb101Op} - the three interior ops and their codes;
 *   <li>{@link org.landmarknas.space.Nb101Arch} - one labelled 7-vertex spec and its pruning;
 *       {@link org.landmarknas.space.Nb101Graph} - the pruned cell the release hashes and builds;
 *   <li>{@link org.landmarknas.space.Nb101Notation} - the readable form and the published
 *       56-tuple key;
 *   <li>{@link org.landmarknas.space.Nb101Space} - validity, sampling, mutation, the 26-entry
 *       encoding, the release's module hash as canonical key and its stored cell as canonical
 *       form, and the network's cost ({@link org.landmarknas.space.Nb101Cost}).
 * </ul>
 *
 * <p>DARTS (arXiv:1806.09055, as NAS-Bench-301 samples it), config name {@code darts}:
 *
 * <ul>
 *   <li>{@link org.landmarknas.space.DartsOp} - the seven edge ops, in NASLib's order;
 *   <li>{@link org.landmarknas.space.DartsCell} - one cell: 4 nodes of two (input, op) edges;
 *       {@link org.landmarknas.space.DartsGenotype} - a normal and a reduction cell;
 *   <li>{@link org.landmarknas.space.DartsNotation} - the comma-free readable form, DARTS's
 *       {@code Genotype} string and the published compact key;
 *   <li>{@link org.landmarknas.space.DartsSpace} - sampling, mutation, the 32-entry encoding,
 *       edge order as the only merged symmetry, and the stand-alone network's cost.
 * </ul>
 *
 * <p>A cell's {@code code()} is not its row in the benchmark table; that mapping belongs to
 * {@code org.landmarknas.bench.Nb201Table}. Randomness always comes in as a
 * {@link java.util.SplittableRandom} chosen by the caller.
 */
package org.landmarknas.space;
