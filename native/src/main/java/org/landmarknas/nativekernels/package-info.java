/**
 * landmark-nas's own C++ kernels, bound to Java with JavaCPP.
 *
 * <p>The C API lives in {@code native/src/main/cpp/lmnas_kernels.h} (the CUDA twins in {@code
 * cuda-kernels/} implement the same functions on the GPU); {@code lmnas_kernels.cpp} implements
 * it on the CPU. The javacpp Maven plugin compiles that file with the JNI code it generates for
 * {@link org.landmarknas.nativekernels.LmnasKernels} into {@code libjniLmnasKernels.so}, which
 * the jar carries under {@code org/landmarknas/nativekernels/linux-x86_64/} and {@code
 * Loader.load} unpacks on first use.
 *
 * <p>Start with the facades, one per kernel, each the counterpart of a Java reference in the
 * engine and checked against it by this module's tests:
 *
 * <ul>
 *   <li>{@link org.landmarknas.nativekernels.NativeRankingLoss}: the landmark ranking
 *       regulariser and its gradient (hinge, margin hinge, softplus; optional pair weights),
 *       f64 and f32 ({@code PairwiseRankingLoss});
 *   <li>{@link org.landmarknas.nativekernels.NativeKendallTau}: tau-b in O(n log n) ({@code
 *       KendallTau});
 *   <li>{@link org.landmarknas.nativekernels.NativeSparseKendallTau}: S-KdT ({@code
 *       SparseKendallTau});
 *   <li>{@link org.landmarknas.nativekernels.NativeBatchAugmentation}: crop with padding, flip
 *       and normalisation from bytes, multi-threaded, with draws from {@link
 *       org.landmarknas.nativekernels.AugmentationDraws} ({@code BatchAssembler}).
 * </ul>
 *
 * <p>Every facade method takes Java arrays or JavaCPP pointers (native memory such as a CPU
 * tensor's {@code data_ptr}), copies neither, and turns the kernels' status codes into {@code
 * IllegalArgumentException}s that name the offending argument. {@link
 * org.landmarknas.nativekernels.LmnasKernels} is the raw binding with the codes.
 *
 * <p>{@link org.landmarknas.nativekernels.TensorKernels} runs the same kernels on libtorch
 * tensors and picks the library by the tensors' device: CPU tensors go to the C++ kernels, CUDA
 * tensors to the CUDA kernels of {@code cuda-kernels/} through {@link
 * org.landmarknas.nativekernels.LmnasCudaKernels}, whose JNI library only a {@code -Pcuda} build
 * contains.
 *
 * <p>This package imports {@code org.bytedeco} and lives in its own module ({@code
 * landmark-nas-native}); the engine does not depend on it.
 */
package org.landmarknas.nativekernels;
