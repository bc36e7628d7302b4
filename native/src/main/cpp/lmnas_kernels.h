// The C API of landmark-nas's own kernels. One header for both back ends: native/ implements it
// in C++ for the CPU (bound to Java with JavaCPP), cuda-kernels/ implements the lmnas_cuda_*
// twins for the GPU. Pointers are raw tensor memory (contiguous, host memory for the CPU
// functions, device memory for the CUDA ones); nothing is copied or allocated by the caller's
// side. Every function returns 0 on success or a negative LMNAS_E* code; none throws.
#ifndef LMNAS_KERNELS_H
#define LMNAS_KERNELS_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LMNAS_OK 0
#define LMNAS_EINVAL (-1)   /* a size, index or kind out of range, or a null pointer */
#define LMNAS_ENONFINITE (-2) /* a landmark loss used by a pair is NaN or infinite */
#define LMNAS_ECUDA (-3)    /* a CUDA runtime call failed (GPU functions only) */
#define LMNAS_ENOMEM (-4)   /* scratch memory could not be allocated */

/* Per-pair ranking loss f(x), x = L[better] - L[worse] (positive = pair out of order). */
#define LMNAS_HINGE 0        /* max(0, x);                       f' = x > 0 */
#define LMNAS_MARGIN_HINGE 1 /* max(0, x + param);               f' = x + param > 0 */
#define LMNAS_SOFTPLUS 2     /* log(1 + exp(param x)) / param;  f' = sigmoid(param x) */

/*
 * Landmark ranking regulariser and its gradient in one pass (PairwiseRankingLoss in Java):
 *   R        = (1/m) sum_p w_p f(L[b_p] - L[w_p])
 *   dR/dL[k] = (1/m) sum_p w_p f'(x_p) ([k == b_p] - [k == w_p])
 * losses[n]; better[m], worse[m] index losses; weights[m] or NULL (all 1); grad[n] is
 * overwritten. m >= 1. Accumulates in double. The f32 variant reads/writes float tensors.
 * Weights must be finite and >= 0 (LMNAS_EINVAL otherwise); param must be finite, >= 0 for the
 * margin hinge and > 0 for softplus (ignored by the hinge). On an error grad is zeroed and value
 * is left unchanged.
 */
int lmnas_ranking_loss_f64(const double* losses, int64_t n, const int32_t* better,
    const int32_t* worse, const double* weights, int64_t m, int kind, double param,
    double* value, double* grad);
int lmnas_ranking_loss_f32(const float* losses, int64_t n, const int32_t* better,
    const int32_t* worse, const float* weights, int64_t m, int kind, double param,
    float* value, float* grad);

/* Kendall tau-b of (x, y), O(n log n) (Knight's algorithm); NaN when undefined (n < 2 or either
 * side constant), as KendallTau.tauB in Java. A NaN in x or y, or n > 2^31 - 1, is LMNAS_EINVAL. */
int lmnas_kendall_tau_b(const double* x, const double* y, int64_t n, double* tau);

/* Sparse Kendall tau (SparseKendallTau in Java): gt are accuracies as fractions in [0, 1],
 * binned into 0.1 % steps with the reference's dense-rank rule, stable sort of pred. NaN when
 * n < 2 or all of gt share one bin; a NaN in pred, a gt outside [0, 1] or n > 2^31 - 1 is
 * LMNAS_EINVAL. */
int lmnas_sparse_kendall_tau(const double* pred, const double* gt, int64_t n, double* tau);

/*
 * Batch assembly with augmentation (BatchAssembler in Java): for image k of the batch, source
 * image index[k] of images (uint8, [count][channels][height][width]) is shifted by (dy[k],
 * dx[k]) with zero (black) padding, mirrored when flip[k] != 0, and mapped through
 * table[channel * 256 + byte] (normalisation precomputed per channel and byte value) into
 * out[batch][channels][height][width] (float). The random draws are the caller's, so results
 * do not depend on the thread count. dy/dx/flip may be NULL for no augmentation.
 * threads <= 0 uses all cores. Any dy/dx is allowed (a shift beyond the image gives black);
 * an index outside [0, count) is LMNAS_EINVAL, checked before anything is written.
 */
int lmnas_augment_batch(const uint8_t* images, int64_t count, int32_t channels, int32_t height,
    int32_t width, const int32_t* index, const int32_t* dy, const int32_t* dx,
    const uint8_t* flip, int64_t batch, const float* table, float* out, int32_t threads);

#ifdef __cplusplus
}
#endif

#endif
