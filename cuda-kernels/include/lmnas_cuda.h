// The GPU twins of native/src/main/cpp/lmnas_kernels.h: same kernels, same checks, same return
// codes, prefixed lmnas_cuda_. One difference: the batch augmentation checks its indices on the
// device, so a refused batch has written the other images (the CPU checks every index first;
// the Java binding does too, before it uploads). Every array argument is DEVICE memory
// (contiguous, e.g. a CUDA tensor's data_ptr) unless its comment says host; nothing is copied to
// the host except the Kendall results. Each call runs on the device that holds its data and
// restores the caller's current device. `stream` is a cudaStream_t passed as void* so that this
// header stays plain C (NULL = the legacy default stream). Scratch memory comes from the
// stream-ordered allocator (cudaMallocAsync), so a call does not synchronise the device, only,
// where stated, its stream; where the device has no such allocator, the cudaFree of the plain
// one does. Scratch that cannot be allocated is LMNAS_ENOMEM.
//
// Errors that can only be seen on the device (an index out of range, a non-finite loss) are
// reported in one of two ways, chosen by the caller:
//   status == NULL  the call waits for its stream and returns the code (simple, blocking);
//   status != NULL  the call returns LMNAS_OK once the work is queued and the kernel stores the
//                   code (LMNAS_OK or a negative LMNAS_E*) into the device int *status, in stream
//                   order, so a training step can check it later without a sync.
// Host-checkable errors (null pointers, bad sizes or kinds) return LMNAS_EINVAL at once; a failed
// CUDA runtime call returns LMNAS_ECUDA. A non-sticky error that an earlier call of the caller
// left pending (cudaGetLastError) is cleared before any work is launched, not reported as this
// call's failure.
// No function throws or prints.
#ifndef LMNAS_CUDA_H
#define LMNAS_CUDA_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The codes and loss kinds of lmnas_kernels.h (identical definitions, so including both is fine). */
#define LMNAS_OK 0
#define LMNAS_EINVAL (-1)   /* a size, index or kind out of range, or a null pointer */
#define LMNAS_ENONFINITE (-2) /* a landmark loss used by a pair is NaN or infinite */
#define LMNAS_ECUDA (-3)    /* a CUDA runtime call failed (GPU functions only) */
#define LMNAS_ENOMEM (-4)   /* scratch memory could not be allocated */

#define LMNAS_HINGE 0        /* max(0, x);                       f' = x > 0 */
#define LMNAS_MARGIN_HINGE 1 /* max(0, x + param);               f' = x + param > 0 */
#define LMNAS_SOFTPLUS 2     /* log(1 + exp(param x)) / param;  f' = sigmoid(param x) */

/*
 * Landmark ranking regulariser and its gradient in one fused kernel (lmnas_ranking_loss_*):
 *   R        = (1/m) sum_p w_p f(L[b_p] - L[w_p])
 *   dR/dL[k] = (1/m) sum_p w_p f'(x_p) ([k == b_p] - [k == w_p])
 * One launch gathers L[better], L[worse] from the landmark-loss vector, evaluates f and f',
 * reduces R and scatters dR/dL; the last block to finish writes *value and all n entries of grad
 * (no precondition on grad's contents). Arithmetic and accumulation are in double, as on the CPU;
 * the f32 variant reads float losses/weights and rounds value and grad to float once.
 * losses[n]; better[m], worse[m] index losses; weights[m] or NULL (all 1); value[1]; grad[n]
 * (all device). m >= 1, n >= 1; param: margin >= 0 (MARGIN_HINGE), beta > 0 (SOFTPLUS), ignored
 * by HINGE. Errors: the first pair (in index order) with an index outside [0, n) gives
 * LMNAS_EINVAL, or with a NaN/infinite L[better] or L[worse] LMNAS_ENONFINITE; *value and grad
 * are then unspecified. R is deterministic run to run; grad is summed with double atomics, so its
 * last double bits may vary with scheduling (invisible after the f32 rounding in practice).
 */
int lmnas_cuda_ranking_loss_f32(const float* losses, int64_t n, const int32_t* better,
    const int32_t* worse, const float* weights, int64_t m, int kind, double param,
    float* value, float* grad, int32_t* status, void* stream);
int lmnas_cuda_ranking_loss_f64(const double* losses, int64_t n, const int32_t* better,
    const int32_t* worse, const double* weights, int64_t m, int kind, double param,
    double* value, double* grad, int32_t* status, void* stream);

/* The pair counts behind a Kendall tau-b (all exact integers; host struct). */
typedef struct lmnas_cuda_kendall_counts {
  int64_t n;          /* number of observations */
  int64_t pairs;      /* n0 = n (n - 1) / 2 */
  int64_t x_ties;     /* n1: pairs tied in x */
  int64_t y_ties;     /* n2: pairs tied in y */
  int64_t joint_ties; /* n3: pairs tied in both */
  int64_t discordant; /* D: pairs ordered oppositely by x and y (strictly in both) */
} lmnas_cuda_kendall_counts;

/*
 * Kendall tau-b of device arrays x[n], y[n] into the HOST double *tau (as lmnas_kendall_tau_b):
 *   tau_b = (n0 - n1 - n2 + n3 - 2 D) / sqrt((n0 - n1) (n0 - n2)),
 * NaN when n < 2 or either side is constant. -0.0 and 0.0 tie; infinities are ordinary values; a
 * NaN anywhere gives LMNAS_EINVAL. The counts are computed on the GPU with stable merge sorts
 * (O(n log^2 n) work, see README.md) and the formula is evaluated on the host in the same order
 * as the CPU code, so tau is bit-identical to the CPU result. counts (host) may be NULL.
 * Synchronous: waits for `stream`. n up to 2^31 - 1 (tested to 1e6).
 */
int lmnas_cuda_kendall_tau_b(const double* x, const double* y, int64_t n, double* tau,
    lmnas_cuda_kendall_counts* counts, void* stream);

/*
 * Sparse Kendall tau (lmnas_sparse_kendall_tau): gt[n] are accuracies as fractions in [0, 1],
 * binned to 0.1 % (floor(gt * 1000)) with the reference's dense-rank rule (rank starts at -1, the
 * bin [0, 0.1 %) keeps -1); x = binned ranks in ascending-gt order, y = binned ranks in the
 * STABLE ascending order of pred (tied predictions keep input order); result = tau-b(x, y) into
 * the host *tau. NaN when n < 2 or every accuracy shares one bin. LMNAS_EINVAL for a NaN pred or
 * a gt outside [0, 1]. counts (host, may be NULL) are those of tau-b(x, y). Synchronous.
 */
int lmnas_cuda_sparse_kendall_tau(const double* pred, const double* gt, int64_t n, double* tau,
    lmnas_cuda_kendall_counts* counts, void* stream);

/*
 * Batch assembly with augmentation (lmnas_augment_batch), one thread per output pixel: for image
 * k of the batch, source image index[k] of images (uint8, [count][channels][height][width]) is
 * shifted by (dy[k], dx[k]) with zero (black) padding, i.e. output (y, x) reads source
 * (y + dy[k], x' + dx[k]) with x' = width - 1 - x when flip[k] != 0 else x, and byte v of channel
 * c becomes table[c * 256 + v]; out is [batch][channels][height][width] float. dy, dx, flip may
 * each be NULL (no shift / no flip). batch == 0 does nothing. An index[k] outside [0, count)
 * gives LMNAS_EINVAL (that image's output is then unspecified).
 */
int lmnas_cuda_augment_batch(const uint8_t* images, int64_t count, int32_t channels,
    int32_t height, int32_t width, const int32_t* index, const int32_t* dy, const int32_t* dx,
    const uint8_t* flip, int64_t batch, const float* table, float* out, int32_t* status,
    void* stream);

#ifdef __cplusplus
}
#endif

#endif
