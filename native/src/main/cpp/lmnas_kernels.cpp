// CPU implementation of the C API in lmnas_kernels.h. Each kernel reproduces one Java reference
// of the engine (named at each function) operation for operation where the result is a floating
// point sum, so that the Java and native results agree to the last bit or to libm's last ulp;
// the tests in native/src/test/java check that.
//
// No exception leaves this file: every entry point catches std::bad_alloc (LMNAS_ENOMEM) and any
// other exception (LMNAS_EINVAL), because a C++ exception crossing JNI would take the JVM down.

#include "lmnas_kernels.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <new>
#include <thread>
#include <utility>
#include <vector>

namespace {

// ---------------------------------------------------------------------------------------------
// Ranking loss (org.landmarknas.landmark.PairwiseRankingLoss with HingeLoss, MarginHingeLoss,
// SoftplusLoss).

// The hinges are written as selects, not branches: about half of the pairs of a random set are
// active, so a branch on x > 0 mispredicts often (3.8 ms vs 2.9 ms for Java on 499,500 pairs
// before this; RankingLossBenchmark). std::max(0.0, x) is (0.0 < x) ? x : 0.0, Java's rule.
struct Hinge {
  double value(double x) const { return std::max(0.0, x); }
  double derivative(double x) const { return 0.0 < x ? 1.0 : 0.0; }
};

struct MarginHinge {
  double margin;
  double value(double x) const { return std::max(0.0, x + margin); }
  double derivative(double x) const { return 0.0 < x + margin ? 1.0 : 0.0; }
};

struct Softplus {
  double beta;
  // log(1 + e^z) = max(z, 0) + log1p(e^-|z|): the exponent is never positive, so no overflow.
  double value(double x) const {
    double z = beta * x;
    return (std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z)))) / beta;
  }
  double derivative(double x) const {
    double z = beta * x;
    if (z >= 0) {
      return 1.0 / (1.0 + std::exp(-z));
    }
    double e = std::exp(z);
    return e / (1.0 + e);
  }
};

// The pair loop of PairwiseRankingLoss.evaluate: the same operations in the same order
// (total += w f(x); g = (scale w) f'(x); grad[b] += g; grad[w] -= g), so the f64 result equals
// the Java one up to libm. acc[n] is zeroed here and receives the gradient in double. Validation
// happens inside the loop (one pass over the pairs); on failure the caller discards acc.
//
// Pair lists are usually grouped by the worse landmark (all pairs: (0,1), (0,2), ..., (1,2),
// ...), and then grad[w] -= g is a chain through memory: each subtraction waits for the store of
// the previous one. The loop keeps grad[w] of the current worse landmark in a register while w
// repeats, which turns that chain into register subtractions (same operations, same order, same
// result). With the selects above this took the kernel alone from 3.5 to 2.2 ms on 499,500 pairs
// (a C++ micro-benchmark); in RankingLossBenchmark it is then at par with the JIT-compiled Java.
template <bool kWeighted, typename T, typename Loss>
int pair_loop(const T* losses, int64_t n, const int32_t* better, const int32_t* worse,
    const T* weights, int64_t m, const Loss& loss, double* total_out, double* acc) {
  std::fill(acc, acc + n, 0.0);
  const double scale = 1.0 / static_cast<double>(m);
  double total = 0;
  int64_t held = -1;     // the worse landmark whose gradient sits in held_grad
  double held_grad = 0;  // acc[held], not yet stored
  for (int64_t p = 0; p < m; p++) {
    const int32_t b = better[p];
    const int32_t w = worse[p];
    if (b < 0 || b >= n || w < 0 || w >= n) {
      return LMNAS_EINVAL;
    }
    const double lb = static_cast<double>(losses[b]);
    const double lw = static_cast<double>(losses[w]);
    if (!std::isfinite(lb) || !std::isfinite(lw)) {
      return LMNAS_ENONFINITE;
    }
    double weight = 1.0;
    if (kWeighted) {
      weight = static_cast<double>(weights[p]);
      if (!(weight >= 0) || !std::isfinite(weight)) {
        return LMNAS_EINVAL;
      }
    }
    const double x = lb - lw;
    total += weight * loss.value(x);
    const double g = scale * weight * loss.derivative(x);
    if (w != held) {
      if (held >= 0) {
        acc[held] = held_grad;
      }
      held = w;
      held_grad = acc[w];
    }
    if (b == held) {
      held_grad += g;  // a pair (w, w): x = 0, but keep Java's two steps
    } else {
      acc[b] += g;
    }
    held_grad -= g;
  }
  if (held >= 0) {
    acc[held] = held_grad;
  }
  *total_out = total * scale;
  return LMNAS_OK;
}

template <typename T, typename Loss>
int weighted_or_not(const T* losses, int64_t n, const int32_t* better, const int32_t* worse,
    const T* weights, int64_t m, const Loss& loss, double* total, double* acc) {
  return weights != nullptr
      ? pair_loop<true>(losses, n, better, worse, weights, m, loss, total, acc)
      : pair_loop<false>(losses, n, better, worse, weights, m, loss, total, acc);
}

template <typename T>
int dispatch_pairs(const T* losses, int64_t n, const int32_t* better, const int32_t* worse,
    const T* weights, int64_t m, int kind, double param, double* total, double* acc) {
  switch (kind) {
    case LMNAS_HINGE:
      return weighted_or_not(losses, n, better, worse, weights, m, Hinge{}, total, acc);
    case LMNAS_MARGIN_HINGE:
      return weighted_or_not(losses, n, better, worse, weights, m, MarginHinge{param}, total, acc);
    case LMNAS_SOFTPLUS:
      return weighted_or_not(losses, n, better, worse, weights, m, Softplus{param}, total, acc);
    default:
      return LMNAS_EINVAL;
  }
}

// Kind and parameter as the Java records validate them; the hinge ignores its parameter.
bool valid_loss(int kind, double param) {
  switch (kind) {
    case LMNAS_HINGE:
      return true;
    case LMNAS_MARGIN_HINGE:
      return std::isfinite(param) && param >= 0;
    case LMNAS_SOFTPLUS:
      return std::isfinite(param) && param > 0;
    default:
      return false;
  }
}

bool valid_ranking_args(const void* losses, int64_t n, const void* better, const void* worse,
    int64_t m, int kind, double param, const void* value, const void* grad) {
  return losses != nullptr && better != nullptr && worse != nullptr && value != nullptr
      && grad != nullptr && n >= 1 && m >= 1 && valid_loss(kind, param);
}

// ---------------------------------------------------------------------------------------------
// Kendall tau-b (org.landmarknas.metric.KendallTau), Knight's O(n log n) method.

int64_t pairs_of(int64_t run) { return run * (run - 1) / 2; }

// tau-b from the four pair counts, with the Java reference's arithmetic.
double tau_from_counts(int64_t n, int64_t x_ties, int64_t y_ties, int64_t joint_ties,
    int64_t discordant) {
  const int64_t total = pairs_of(n);
  const int64_t x_untied = total - x_ties;
  const int64_t y_untied = total - y_ties;
  if (x_untied == 0 || y_untied == 0) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const int64_t c_minus_d = total - x_ties - y_ties + joint_ties - 2 * discordant;
  return static_cast<double>(c_minus_d)
      / std::sqrt(static_cast<double>(x_untied) * static_cast<double>(y_untied));
}

// Stable argsorts by LSD radix sort. Comparison sorts of random doubles spend most of their time
// in mispredicted branches (std::sort of 100,000 (value, index) pairs: ~9 ms here); eight
// counting passes of one byte each have no data-dependent branches, and passes whose byte is the
// same for every key (the sign and exponent bytes of values in a narrow range) are skipped.

// A key whose unsigned order is the numeric order of d, with -0.0 equal to 0.0 as in Java's
// comparisons (d + 0.0 turns -0.0 into 0.0). NaN never gets here.
uint64_t order_key(double d) {
  d += 0.0;
  uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return (u >> 63) != 0 ? ~u : (u | (uint64_t{1} << 63));
}

struct Keyed {
  uint64_t key;
  int32_t index;
};

// Sorts items by key, stably (equal keys keep their order); tmp is scratch of the same size.
// Below 256 items the 8 x 256 counters cost more than a comparison sort.
void radix_sort(std::vector<Keyed>& items, std::vector<Keyed>& tmp) {
  const size_t n = items.size();
  if (n < 256) {
    std::stable_sort(items.begin(), items.end(),
        [](const Keyed& a, const Keyed& b) { return a.key < b.key; });
    return;
  }
  std::vector<size_t> count(8 * 256, 0);
  for (const Keyed& it : items) {
    for (int d = 0; d < 8; d++) {
      count[d * 256 + ((it.key >> (8 * d)) & 255)]++;
    }
  }
  Keyed* src = items.data();
  Keyed* dst = tmp.data();
  for (int d = 0; d < 8; d++) {
    size_t* c = &count[d * 256];
    if (c[(src[0].key >> (8 * d)) & 255] == n) {
      continue;  // every key has this byte: the pass would not move anything
    }
    size_t offset = 0;
    for (int v = 0; v < 256; v++) {
      const size_t k = c[v];
      c[v] = offset;
      offset += k;
    }
    for (size_t i = 0; i < n; i++) {
      dst[c[(src[i].key >> (8 * d)) & 255]++] = src[i];
    }
    std::swap(src, dst);
  }
  if (src != items.data()) {
    items.swap(tmp);
  }
}

// Indices 0..n-1 by ascending v, equal values in index order (Java's IndexOrder.ascending).
std::vector<Keyed> stable_ascending(const double* v, int64_t n) {
  std::vector<Keyed> items(static_cast<size_t>(n));
  std::vector<Keyed> tmp(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) {
    items[i] = Keyed{order_key(v[i]), static_cast<int32_t>(i)};
  }
  radix_sort(items, tmp);
  return items;
}

// Number of pairs i < j with ranks[i] > ranks[j], ranks in [0, range): each element counts the
// earlier ones above it in a Fenwick tree over the rank values. For 100,000 random ranks this
// takes 3.2 ms here against 8.3 ms for a branch-free merge sort (whose merge is a chain of
// dependent loads); the count is a property of the sequence, so it equals the Java merge sort's.
int64_t count_inversions(const int32_t* ranks, int64_t n, int32_t range) {
  std::vector<int32_t> tree(static_cast<size_t>(range) + 1, 0);
  int64_t inversions = 0;
  for (int64_t i = 0; i < n; i++) {
    const int32_t v = ranks[i] + 1;
    int64_t not_above = 0;
    for (int32_t k = v; k > 0; k -= k & -k) {
      not_above += tree[k];
    }
    inversions += i - not_above;
    for (int32_t k = v; k <= range; k += k & -k) {
      tree[k]++;
    }
  }
  return inversions;
}

// Knight's method on radix argsorts: sort by y, giving y's ties and a dense rank per value; sort
// that order stably by x, giving the (x, y) order with x's and the joint ties; the inversions of
// the y ranks in (x, y) order are the discordant pairs (within an x-tie the ys are ascending).
// Java's KendallTau does the same with two stable merge sorts and a counting merge sort.
double kendall_tau_b(const double* x, const double* y, int64_t n) {
  if (n < 2) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  const std::vector<Keyed> by_y = stable_ascending(y, n);
  std::vector<int32_t> y_rank(static_cast<size_t>(n));
  int64_t y_ties = 0;
  int64_t y_run = 1;
  int32_t rank = 0;
  y_rank[by_y[0].index] = 0;
  for (int64_t i = 1; i < n; i++) {
    if (by_y[i].key == by_y[i - 1].key) {
      y_run++;
    } else {
      y_ties += pairs_of(y_run);
      y_run = 1;
      rank++;
    }
    y_rank[by_y[i].index] = rank;
  }
  y_ties += pairs_of(y_run);

  std::vector<Keyed> by_xy(static_cast<size_t>(n));
  std::vector<Keyed> tmp(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) {
    const int32_t k = by_y[i].index;
    by_xy[i] = Keyed{order_key(x[k]), k};
  }
  radix_sort(by_xy, tmp);

  int64_t x_ties = 0;
  int64_t joint_ties = 0;
  int64_t x_run = 1;
  int64_t joint_run = 1;
  for (int64_t i = 1; i < n; i++) {
    if (by_xy[i].key == by_xy[i - 1].key) {
      x_run++;
      if (y_rank[by_xy[i].index] == y_rank[by_xy[i - 1].index]) {
        joint_run++;
      } else {
        joint_ties += pairs_of(joint_run);
        joint_run = 1;
      }
    } else {
      x_ties += pairs_of(x_run);
      joint_ties += pairs_of(joint_run);
      x_run = 1;
      joint_run = 1;
    }
  }
  x_ties += pairs_of(x_run);
  joint_ties += pairs_of(joint_run);

  std::vector<int32_t> ys(static_cast<size_t>(n));
  for (int64_t i = 0; i < n; i++) {
    ys[i] = y_rank[by_xy[i].index];
  }
  const int64_t discordant = count_inversions(ys.data(), n, rank + 1);
  return tau_from_counts(n, x_ties, y_ties, joint_ties, discordant);
}

bool any_nan(const double* v, int64_t n) {
  for (int64_t i = 0; i < n; i++) {
    if (std::isnan(v[i])) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Sparse Kendall tau (org.landmarknas.metric.SparseKendallTau).
//
// The reference walks the architectures in ascending accuracy with a dense rank r = -1 and a
// previous bin floor(0.0 * 1000) = 0, and increments r whenever floor(acc * 1000) exceeds the
// previous bin. floor(acc * 1000) is non-decreasing in acc, so that walk gives every architecture
// in bin b the rank (number of occupied bins in (0, b]) - 1: a counting pass over the 1001 bins
// replaces the sort. x is then the ranks in ascending accuracy, i.e. each occupied bin's rank
// repeated by its count, and y lists the ranks in ascending order of pred (a stable sort).
//
// Knight's method would sort (x, y) and count inversions of y. Here x is already non-decreasing
// and its runs are the occupied bins, so a discordant pair is a pair of positions in different
// runs whose ys are out of order: walking the runs left to right, each y of a run is counted
// against the earlier runs' ys in a Fenwick tree over the <= 1001 rank values before the run is
// added. Ties: x and y hold the same multiset of ranks, so they have the same ties; joint ties
// are equal ys within one run. Every count is exact, so the result equals the Java one bit for
// bit.

constexpr int kBins = 1000;  // 0.1 % bins on fractions

double sparse_kendall_tau(const double* pred, const double* gt, int64_t n) {
  if (n < 2) {
    return std::numeric_limits<double>::quiet_NaN();
  }
  // Bin of each architecture, occupancy of each bin, and each bin's dense rank.
  std::vector<int32_t> bin(static_cast<size_t>(n));
  std::vector<int64_t> count(kBins + 1, 0);
  for (int64_t i = 0; i < n; i++) {
    bin[i] = static_cast<int32_t>(std::floor(gt[i] * static_cast<double>(kBins)));
    count[bin[i]]++;
  }
  std::vector<int32_t> bin_rank(kBins + 1);
  int32_t r = -1;
  for (int b = 0; b <= kBins; b++) {
    if (b > 0 && count[b] > 0) {
      r++;
    }
    bin_rank[b] = r;
  }
  const int32_t ranks = r + 2;  // rank values -1 .. r, shifted by one to index from 0

  // Ties of x (= ties of y): every occupied bin has its own rank (bin 0 keeps -1, the others
  // get 0, 1, ...), so the runs of x are exactly the occupied bins.
  int64_t x_ties = 0;
  for (int b = 0; b <= kBins; b++) {
    x_ties += pairs_of(count[b]);
  }

  // y in run order: position i of the accuracy order belongs to run (bin) of x[i], and holds
  // rank[byPred[i]]. Run boundaries follow from the bin counts in ascending bin order.
  const std::vector<Keyed> by_pred = stable_ascending(pred, n);
  std::vector<int64_t> tree(static_cast<size_t>(ranks) + 1, 0);  // Fenwick tree over y + 1
  std::vector<int64_t> seen(static_cast<size_t>(ranks), 0);      // y counts within one run
  int64_t discordant = 0;
  int64_t joint_ties = 0;
  int64_t inserted = 0;
  int64_t pos = 0;
  for (int b = 0; b <= kBins; b++) {
    const int64_t len = count[b];
    if (len == 0) {
      continue;
    }
    for (int64_t i = pos; i < pos + len; i++) {
      const int32_t yv = bin_rank[bin[by_pred[i].index]] + 1;
      // Earlier-run ys strictly greater than yv: inserted minus those <= yv.
      int64_t not_greater = 0;
      for (int32_t k = yv + 1; k > 0; k -= k & -k) {
        not_greater += tree[k];
      }
      discordant += inserted - not_greater;
      joint_ties += seen[yv]++;
    }
    for (int64_t i = pos; i < pos + len; i++) {
      const int32_t yv = bin_rank[bin[by_pred[i].index]] + 1;
      seen[yv] = 0;
      for (int32_t k = yv + 1; k <= ranks; k += k & -k) {
        tree[k]++;
      }
    }
    inserted += len;
    pos += len;
  }
  return tau_from_counts(n, x_ties, x_ties, joint_ties, discordant);
}

// ---------------------------------------------------------------------------------------------
// Batch augmentation (org.landmarknas.data.BatchAssembler, augmented fill).

struct AugmentJob {
  const uint8_t* images;
  int32_t channels;
  int32_t height;
  int32_t width;
  const int32_t* index;
  const int32_t* dy;
  const int32_t* dx;
  const uint8_t* flip;
  const float* table;
  float* out;
};

// Output pixel (y, x) of image k is source pixel (y + dy, x' + dx), x' = x or width-1-x when
// flipped, through the channel's table; positions outside the source read byte 0 (black).
void augment_range(const AugmentJob& job, int64_t first, int64_t last) {
  const int64_t h = job.height;
  const int64_t w = job.width;
  const int64_t plane = h * w;
  const int64_t per = plane * job.channels;
  for (int64_t k = first; k < last; k++) {
    const uint8_t* src = job.images + static_cast<int64_t>(job.index[k]) * per;
    float* dst = job.out + k * per;
    const int64_t dy = job.dy != nullptr ? job.dy[k] : 0;
    const int64_t dx = job.dx != nullptr ? job.dx[k] : 0;
    const bool flip = job.flip != nullptr && job.flip[k] != 0;
    // Crop columns x0 .. x1-1 read source columns x0+dx .. x1-1+dx; the rest is padding.
    const int64_t x0 = std::min(w, std::max<int64_t>(0, -dx));
    const int64_t x1 = std::max(x0, std::min(w, w - dx));
    for (int64_t c = 0; c < job.channels; c++) {
      const float* t = job.table + c * 256;
      const float black = t[0];
      for (int64_t y = 0; y < h; y++) {
        float* row = dst + c * plane + y * w;
        const int64_t sy = y + dy;
        if (sy < 0 || sy >= h) {
          std::fill(row, row + w, black);
          continue;
        }
        const uint8_t* in = src + c * plane + sy * w;
        if (!flip) {
          std::fill(row, row + x0, black);
          for (int64_t x = x0; x < x1; x++) {
            row[x] = t[in[x + dx]];
          }
          std::fill(row + x1, row + w, black);
        } else {
          // Crop column x lands in output column w-1-x.
          std::fill(row + (w - x0), row + w, black);
          float* last_col = row + (w - 1);
          for (int64_t x = x0; x < x1; x++) {
            last_col[-x] = t[in[x + dx]];
          }
          std::fill(row, row + (w - x1), black);
        }
      }
    }
  }
}

// Threads take chunks of images from a shared counter instead of fixed shares, and the calling
// thread works too: on a busy machine a worker may start late, and with fixed halves the caller
// would then wait for the whole of its share. With chunks the caller does the work a late worker
// has not claimed and waits at most for one chunk. (On the shared 2-core machine 2 threads were
// still slower than 1: benchmarks/README.md.) Which thread writes an image does not change it.
void augment_parallel(const AugmentJob& job, int64_t batch, int32_t threads) {
  const int64_t per = static_cast<int64_t>(job.channels) * job.height * job.width;
  int64_t want = threads > 0 ? threads : static_cast<int64_t>(std::thread::hardware_concurrency());
  // Below 64 K output floats per thread, starting a thread costs more than it saves.
  constexpr int64_t kMinFloatsPerThread = 1 << 16;
  want = std::min(want, std::max<int64_t>(1, batch * per / kMinFloatsPerThread));
  if (want <= 1) {
    augment_range(job, 0, batch);
    return;
  }
  // About 8 chunks per thread, each at least 16 K floats.
  const int64_t chunk = std::max<int64_t>(
      std::max<int64_t>(1, (1 << 14) / per), batch / (8 * want));
  std::atomic<int64_t> next{0};
  auto work = [&job, &next, batch, chunk] {
    for (int64_t first = next.fetch_add(chunk); first < batch; first = next.fetch_add(chunk)) {
      augment_range(job, first, std::min(batch, first + chunk));
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(static_cast<size_t>(want - 1));
  for (int64_t t = 1; t < want; t++) {
    try {
      workers.emplace_back(work);
    } catch (...) {
      break;  // no thread to be had: the caller does the rest
    }
  }
  work();
  for (std::thread& worker : workers) {
    worker.join();
  }
}

template <typename F>
int guarded(F&& body) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return LMNAS_ENOMEM;
  } catch (...) {
    return LMNAS_EINVAL;
  }
}

}  // namespace

extern "C" {

int lmnas_ranking_loss_f64(const double* losses, int64_t n, const int32_t* better,
    const int32_t* worse, const double* weights, int64_t m, int kind, double param,
    double* value, double* grad) {
  if (!valid_ranking_args(losses, n, better, worse, m, kind, param, value, grad)) {
    return LMNAS_EINVAL;
  }
  return guarded([&] {
    // The gradient accumulates in place; on failure grad is zeroed and value left alone.
    double total = 0;
    const int rc =
        dispatch_pairs(losses, n, better, worse, weights, m, kind, param, &total, grad);
    if (rc != LMNAS_OK) {
      std::fill(grad, grad + n, 0.0);
      return rc;
    }
    *value = total;
    return LMNAS_OK;
  });
}

int lmnas_ranking_loss_f32(const float* losses, int64_t n, const int32_t* better,
    const int32_t* worse, const float* weights, int64_t m, int kind, double param,
    float* value, float* grad) {
  if (!valid_ranking_args(losses, n, better, worse, m, kind, param, value, grad)) {
    return LMNAS_EINVAL;
  }
  return guarded([&] {
    // Landmark sets are small (tens to a few thousand), so the double accumulator lives on the
    // stack up to 1024 entries and on the heap beyond.
    constexpr int64_t kStack = 1024;
    double stack_acc[kStack];
    std::vector<double> heap_acc;
    double* acc = stack_acc;
    if (n > kStack) {
      heap_acc.resize(static_cast<size_t>(n));
      acc = heap_acc.data();
    }
    double total = 0;
    const int rc = dispatch_pairs(losses, n, better, worse, weights, m, kind, param, &total, acc);
    if (rc != LMNAS_OK) {
      std::fill(grad, grad + n, 0.0f);
      return rc;
    }
    for (int64_t k = 0; k < n; k++) {
      grad[k] = static_cast<float>(acc[k]);
    }
    *value = static_cast<float>(total);
    return LMNAS_OK;
  });
}

int lmnas_kendall_tau_b(const double* x, const double* y, int64_t n, double* tau) {
  if (tau == nullptr || n < 0 || n > std::numeric_limits<int32_t>::max()
      || (n > 0 && (x == nullptr || y == nullptr))) {
    return LMNAS_EINVAL;
  }
  if (any_nan(x, n) || any_nan(y, n)) {
    return LMNAS_EINVAL;
  }
  return guarded([&] {
    *tau = kendall_tau_b(x, y, n);
    return LMNAS_OK;
  });
}

int lmnas_sparse_kendall_tau(const double* pred, const double* gt, int64_t n, double* tau) {
  if (tau == nullptr || n < 0 || n > std::numeric_limits<int32_t>::max()
      || (n > 0 && (pred == nullptr || gt == nullptr))) {
    return LMNAS_EINVAL;
  }
  if (any_nan(pred, n)) {
    return LMNAS_EINVAL;
  }
  for (int64_t i = 0; i < n; i++) {
    if (!(gt[i] >= 0.0 && gt[i] <= 1.0)) {  // also rejects NaN
      return LMNAS_EINVAL;
    }
  }
  return guarded([&] {
    *tau = sparse_kendall_tau(pred, gt, n);
    return LMNAS_OK;
  });
}

int lmnas_augment_batch(const uint8_t* images, int64_t count, int32_t channels, int32_t height,
    int32_t width, const int32_t* index, const int32_t* dy, const int32_t* dx,
    const uint8_t* flip, int64_t batch, const float* table, float* out, int32_t threads) {
  if (count < 0 || channels < 1 || height < 1 || width < 1 || batch < 0) {
    return LMNAS_EINVAL;
  }
  if (batch == 0) {
    return LMNAS_OK;
  }
  if (images == nullptr || index == nullptr || table == nullptr || out == nullptr) {
    return LMNAS_EINVAL;
  }
  for (int64_t k = 0; k < batch; k++) {
    if (index[k] < 0 || index[k] >= count) {
      return LMNAS_EINVAL;
    }
  }
  return guarded([&] {
    const AugmentJob job{images, channels, height, width, index, dy, dx, flip, table, out};
    augment_parallel(job, batch, threads);
    return LMNAS_OK;
  });
}

}  // extern "C"
