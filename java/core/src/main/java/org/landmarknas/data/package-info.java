/**
 * Image data for super-net training, in plain Java: reading data sets, splitting them, and
 * assembling normalized, augmented batches as {@code float[]} for the torch layer to copy into
 * tensors. Nothing here touches libtorch.
 *
 * <h2>Reading</h2>
 *
 * <p>{@link DataLocation} finds a data set's directory ({@code --data-dir}, then {@code
 * LMNAS_DATA_DIR}, then the default, which only Fashion-MNIST has) and its {@link
 * ImageDatasetReader}: {@link FashionMnistReader} for the IDX files of Fashion-MNIST, {@link
 * Cifar10BinaryReader} for the binary version of CIFAR-10. A reader returns an {@link
 * ImageDataset}: train and test {@link ImageData} plus the {@link Normalization} to use. Malformed
 * files raise {@link DataFormatException} naming the file and what was expected.
 *
 * <pre>{@code
 * ImageDataset ds = DataLocation.system().load("fashion-mnist", Optional.empty());
 * }</pre>
 *
 * <h2>Memory layout</h2>
 *
 * <p>An {@code ImageData} is two flat arrays: unsigned pixel bytes in NCHW order and label bytes.
 * There is no object per image; Fashion-MNIST's 60,000 training images are one 47 MB array.
 *
 * <h2>Training batches</h2>
 *
 * <ol>
 *   <li>{@link DataSplit} splits the training indices by seed into a super-net part and a rank
 *       part (half and half by default) and fingerprints the split for provenance.
 *   <li>{@link BatchOrder} shuffles a part at the start of each epoch.
 *   <li>{@link BatchAssembler} fills caller-owned {@code float[]} and {@code long[]} arrays with
 *       normalized pixels and labels, optionally with the random crop and flip of an {@link
 *       Augmentation}, without allocating.
 * </ol>
 *
 * <pre>{@code
 * DataSplit split = DataSplit.of(ds.train().count(), seed);
 * BatchAssembler batches = new BatchAssembler(ds.train(), ds.normalization(),
 *     Augmentation.CIFAR_STANDARD);
 * float[] x = new float[batchSize * batches.floatsPerImage()];
 * long[] y = new long[batchSize];
 * int[] order = BatchOrder.epochOrder(split.supernet(), epochRng);
 * for (int from = 0; from + batchSize <= order.length; from += batchSize) {
 *   batches.fill(order, from, batchSize, true, stepRng, x, y);
 *   // hand x and y to the torch layer
 * }
 * }</pre>
 *
 * <p>All randomness comes from a {@link java.util.SplittableRandom} the caller passes in.
 */
package org.landmarknas.data;
