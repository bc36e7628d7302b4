// Stand-alone test driver for the lmnas_cuda_* kernels: checks every GPU result against plain CPU
// reference implementations written here from the Java semantics (PairwiseRankingLoss,
// KendallTau, SparseKendallTau, BatchAssembler), on random inputs with ties and on the edge
// sizes n = 0, 1, 2; prints one PASS/FAIL line per check and one TIME line per kernel and size
// (cudaEvent time per call on the GPU, std::chrono time of the CPU reference); exits 1 when a
// check fails.
//
// Without a GPU it still runs the host checks (the CPU references against brute force and
// against the real CPU library, native/src/main/cpp/lmnas_kernels.cpp, linked in; the device
// arithmetic of lmnas_cuda_device.cuh emulated on the host; the host-side argument checks of the
// API) and then exits 2, or 0 with --allow-no-gpu (CI: proves the kernels compile and link).
//
// Usage: lmnas_cuda_driver [--allow-no-gpu] [--seed N] [--quick]
#include <cuda_runtime.h>

#include <algorithm>
#include <cstdarg>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "lmnas_cuda.h"
#include "lmnas_kernels.h"  // the CPU library: the driver's references must agree with it
#include "../src/lmnas_cuda_device.cuh"

namespace {

using Rng = std::mt19937_64;

// ---- reporting ------------------------------------------------------------------------------

int g_checks = 0;
int g_failures = 0;

void check(bool ok, const std::string& name, const std::string& detail = "") {
  g_checks++;
  if (ok) {
    std::printf("PASS %s\n", name.c_str());
  } else {
    g_failures++;
    std::printf("FAIL %s%s%s\n", name.c_str(), detail.empty() ? "" : ": ", detail.c_str());
  }
  std::fflush(stdout);
}

std::string fmt(const char* format, ...) __attribute__((format(printf, 1, 2)));
std::string fmt(const char* format, ...) {
  char buf[512];
  va_list args;
  va_start(args, format);
  std::vsnprintf(buf, sizeof buf, format, args);
  va_end(args);
  return buf;
}

double now_ms() {
  using Clock = std::chrono::steady_clock;
  return std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch()).count();
}

/** CPU time of one call of f in ms (best of `reps`). */
double cpu_time(int reps, const std::function<void()>& f) {
  double best = 1e300;
  for (int r = 0; r < reps; r++) {
    double t0 = now_ms();
    f();
    best = std::min(best, now_ms() - t0);
  }
  return best;
}

void report_time(const std::string& what, double gpuMs, double cpuMs) {
  std::printf("TIME %-52s gpu %10.4f ms  cpu %10.4f ms  (cpu/gpu %.1fx)\n", what.c_str(), gpuMs,
      cpuMs, gpuMs > 0 ? cpuMs / gpuMs : 0.0);
  std::fflush(stdout);
}

bool same_double(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0
      || (a == 0 && b == 0);
}

const char* kind_name(int kind) {
  return kind == LMNAS_HINGE ? "hinge" : kind == LMNAS_MARGIN_HINGE ? "margin-hinge" : "softplus";
}

// ---- CPU references -------------------------------------------------------------------------

/** PairwiseRankingLoss.evaluate on T inputs, in double; stops at the first bad pair. */
template <class T>
int ref_ranking_loss(const std::vector<T>& losses, const std::vector<int32_t>& better,
    const std::vector<int32_t>& worse, const T* weights, int kind, double param, double* value,
    std::vector<double>* grad, std::vector<double>* gradAbs, double* valueAbs) {
  int64_t n = static_cast<int64_t>(losses.size());
  int64_t m = static_cast<int64_t>(better.size());
  if (n < 1 || m < 1) {
    return LMNAS_EINVAL;
  }
  grad->assign(n, 0.0);
  gradAbs->assign(n, 0.0);
  double total = 0.0;
  double totalAbs = 0.0;
  double scale = 1.0 / static_cast<double>(m);
  for (int64_t p = 0; p < m; p++) {
    int32_t b = better[p];
    int32_t w = worse[p];
    if (b < 0 || b >= n || w < 0 || w >= n) {
      return LMNAS_EINVAL;
    }
    double lb = losses[b];
    double lw = losses[w];
    if (!std::isfinite(lb) || !std::isfinite(lw)) {
      return LMNAS_ENONFINITE;
    }
    double x = lb - lw;
    double f;
    double slope;
    if (kind == LMNAS_HINGE) {
      f = x > 0 ? x : 0.0;
      slope = x > 0 ? 1.0 : 0.0;
    } else if (kind == LMNAS_MARGIN_HINGE) {
      f = std::max(0.0, x + param);
      slope = x + param > 0 ? 1.0 : 0.0;
    } else {
      double z = param * x;
      f = (std::max(z, 0.0) + std::log1p(std::exp(-std::fabs(z)))) / param;
      slope = z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
    }
    double wt = weights == nullptr ? 1.0 : static_cast<double>(weights[p]);
    if (!(wt >= 0) || !std::isfinite(wt)) {
      return LMNAS_EINVAL;
    }
    total += wt * f;
    totalAbs += std::fabs(wt * f);
    double g = scale * wt * slope;
    (*grad)[b] += g;
    (*grad)[w] -= g;
    (*gradAbs)[b] += std::fabs(g);
    (*gradAbs)[w] += std::fabs(g);
  }
  *value = total * scale;
  *valueAbs = totalAbs * scale;
  return LMNAS_OK;
}

struct Counts {
  int64_t pairs = 0;
  int64_t xTies = 0;
  int64_t yTies = 0;
  int64_t jointTies = 0;
  int64_t discordant = 0;

  bool operator==(const Counts& o) const {
    return pairs == o.pairs && xTies == o.xTies && yTies == o.yTies && jointTies == o.jointTies
        && discordant == o.discordant;
  }

  std::string str() const {
    return fmt("pairs %lld, x ties %lld, y ties %lld, joint ties %lld, discordant %lld",
        (long long)pairs, (long long)xTies, (long long)yTies, (long long)jointTies,
        (long long)discordant);
  }
};

Counts from_api(const lmnas_cuda_kendall_counts& c) {
  Counts r;
  r.pairs = c.pairs;
  r.xTies = c.x_ties;
  r.yTies = c.y_ties;
  r.jointTies = c.joint_ties;
  r.discordant = c.discordant;
  return r;
}

/** KendallTau.tauB's formula. */
double tau_of(const Counts& c) {
  int64_t xUntied = c.pairs - c.xTies;
  int64_t yUntied = c.pairs - c.yTies;
  if (xUntied == 0 || yUntied == 0) {
    return NAN;
  }
  int64_t num = c.pairs - c.xTies - c.yTies + c.jointTies - 2 * c.discordant;
  return static_cast<double>(num) / std::sqrt(static_cast<double>(xUntied) * yUntied);
}

std::vector<int> stable_argsort(const std::vector<double>& key) {
  std::vector<int> perm(key.size());
  std::iota(perm.begin(), perm.end(), 0);
  std::stable_sort(perm.begin(), perm.end(), [&](int a, int b) { return key[a] < key[b]; });
  return perm;
}

int64_t run_pairs(const std::vector<double>& v, const std::vector<double>* w) {
  int64_t total = 0;
  int64_t run = 1;
  for (size_t i = 1; i <= v.size(); i++) {
    if (i < v.size() && v[i] == v[i - 1] && (w == nullptr || (*w)[i] == (*w)[i - 1])) {
      run++;
    } else {
      total += run * (run - 1) / 2;
      run = 1;
    }
  }
  return v.empty() ? 0 : total;
}

int64_t count_inversions(std::vector<double>& a, std::vector<double>& tmp, size_t lo, size_t hi) {
  if (hi - lo < 2) {
    return 0;
  }
  size_t mid = (lo + hi) / 2;
  int64_t swaps = count_inversions(a, tmp, lo, mid) + count_inversions(a, tmp, mid, hi);
  size_t i = lo;
  size_t j = mid;
  size_t k = lo;
  while (i < mid && j < hi) {
    if (a[j] < a[i]) {
      swaps += static_cast<int64_t>(mid - i);
      tmp[k++] = a[j++];
    } else {
      tmp[k++] = a[i++];
    }
  }
  while (i < mid) {
    tmp[k++] = a[i++];
  }
  while (j < hi) {
    tmp[k++] = a[j++];
  }
  std::copy(tmp.begin() + lo, tmp.begin() + hi, a.begin() + lo);
  return swaps;
}

/** KendallTau.tauB's counts (Knight, O(n log n)); the caller checked for NaN. */
Counts ref_kendall(const std::vector<double>& x, const std::vector<double>& y) {
  size_t n = x.size();
  Counts c;
  c.pairs = static_cast<int64_t>(n) * (static_cast<int64_t>(n) - 1) / 2;
  if (n < 2) {
    c.pairs = 0;
    return c;
  }
  std::vector<int> perm = stable_argsort(y);
  std::stable_sort(perm.begin(), perm.end(), [&](int a, int b) { return x[a] < x[b]; });
  std::vector<double> xs(n);
  std::vector<double> ys(n);
  for (size_t i = 0; i < n; i++) {
    xs[i] = x[perm[i]];
    ys[i] = y[perm[i]];
  }
  c.xTies = run_pairs(xs, nullptr);
  c.jointTies = run_pairs(xs, &ys);
  std::vector<double> tmp(n);
  c.discordant = count_inversions(ys, tmp, 0, n);
  c.yTies = run_pairs(ys, nullptr);
  return c;
}

/** The same counts by definition, O(n^2), to check ref_kendall itself. */
Counts brute_kendall(const std::vector<double>& x, const std::vector<double>& y) {
  Counts c;
  size_t n = x.size();
  for (size_t i = 0; i < n; i++) {
    for (size_t j = i + 1; j < n; j++) {
      bool tx = x[i] == x[j];
      bool ty = y[i] == y[j];
      c.pairs++;
      c.xTies += tx;
      c.yTies += ty;
      c.jointTies += tx && ty;
      c.discordant += (x[i] < x[j] && y[i] > y[j]) || (x[i] > x[j] && y[i] < y[j]);
    }
  }
  return c;
}

/** SparseKendallTau.of with fractions: the literal walk; returns LMNAS_EINVAL on bad input. */
int ref_sparse(const std::vector<double>& pred, const std::vector<double>& gt, Counts* counts) {
  size_t n = gt.size();
  for (size_t i = 0; i < n; i++) {
    if (std::isnan(pred[i]) || !(gt[i] >= 0.0 && gt[i] <= 1.0)) {
      return LMNAS_EINVAL;
    }
  }
  std::vector<int> byGt = stable_argsort(gt);
  std::vector<int> rank(n);
  int r = -1;
  double prevBin = std::floor(0.0 * 1000.0);
  for (int i : byGt) {
    double bin = std::floor(gt[i] * 1000.0);
    if (bin > prevBin) {
      r++;
    }
    prevBin = bin;
    rank[i] = r;
  }
  std::vector<int> byPred = stable_argsort(pred);
  std::vector<double> x(n);
  std::vector<double> y(n);
  for (size_t i = 0; i < n; i++) {
    x[i] = rank[byGt[i]];
    y[i] = rank[byPred[i]];
  }
  *counts = ref_kendall(x, y);
  return LMNAS_OK;
}

/** BatchAssembler.writeAugmented, row by row as the Java code does it. */
struct AugmentCase {
  int32_t channels;
  int32_t height;
  int32_t width;
  int64_t count;
  int64_t batch;
  std::vector<uint8_t> images;
  std::vector<int32_t> index;
  std::vector<int32_t> dy;
  std::vector<int32_t> dx;
  std::vector<uint8_t> flip;
  std::vector<float> table;
  bool shift = true;
  bool mirror = true;
};

void ref_augment(const AugmentCase& a, std::vector<float>* out) {
  int32_t h = a.height;
  int32_t w = a.width;
  int64_t per = static_cast<int64_t>(a.channels) * h * w;
  out->assign(per * a.batch, 0.0f);
  for (int64_t k = 0; k < a.batch; k++) {
    int32_t dy = a.shift ? a.dy[k] : 0;
    int32_t dx = a.shift ? a.dx[k] : 0;
    bool flip = a.mirror && a.flip[k] != 0;
    const uint8_t* in = a.images.data() + a.index[k] * per;
    float* o = out->data() + k * per;
    int32_t x0 = std::min(w, std::max(0, -dx));
    int32_t x1 = std::max(x0, std::min(w, w - dx));
    for (int32_t c = 0; c < a.channels; c++) {
      const float* t = a.table.data() + c * 256;
      for (int32_t y = 0; y < h; y++) {
        float* row = o + (static_cast<int64_t>(c) * h + y) * w;
        int32_t sy = y + dy;
        if (sy < 0 || sy >= h) {
          std::fill(row, row + w, t[0]);
          continue;
        }
        const uint8_t* src = in + (static_cast<int64_t>(c) * h + sy) * w + dx;
        if (!flip) {
          std::fill(row, row + x0, t[0]);
          for (int32_t x = x0; x < x1; x++) {
            row[x] = t[src[x]];
          }
          std::fill(row + x1, row + w, t[0]);
        } else {
          std::fill(row + w - x0, row + w, t[0]);
          for (int32_t x = x0; x < x1; x++) {
            row[w - 1 - x] = t[src[x]];
          }
          std::fill(row, row + w - x1, t[0]);
        }
      }
    }
  }
}

// ---- random inputs --------------------------------------------------------------------------

/** Tie patterns for score vectors. */
enum class Pattern { kDistinct, kFewValues, kSignedZeros, kConstant, kSorted, kReversed };

const char* pattern_name(Pattern p) {
  switch (p) {
    case Pattern::kDistinct: return "distinct";
    case Pattern::kFewValues: return "ties";
    case Pattern::kSignedZeros: return "zeros+inf";
    case Pattern::kConstant: return "constant";
    case Pattern::kSorted: return "sorted";
    default: return "reversed";
  }
}

std::vector<double> scores(Rng& rng, size_t n, Pattern p) {
  std::vector<double> v(n);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::uniform_int_distribution<int> few(0, 9);
  for (size_t i = 0; i < n; i++) {
    switch (p) {
      case Pattern::kDistinct: v[i] = u(rng); break;
      case Pattern::kFewValues: v[i] = few(rng); break;
      case Pattern::kSignedZeros: {
        int k = few(rng);
        v[i] = k < 3 ? 0.0 : k < 6 ? -0.0 : k == 6 ? INFINITY : k == 7 ? -INFINITY : 1.5;
        break;
      }
      case Pattern::kConstant: v[i] = 3.25; break;
      case Pattern::kSorted: v[i] = static_cast<double>(i / 3); break;
      default: v[i] = -static_cast<double>(i / 2); break;
    }
  }
  return v;
}

/** Accuracies as fractions clustered like a search space's (many share a 0.1 % bin). */
std::vector<double> accuracies(Rng& rng, size_t n, bool coarse) {
  std::normal_distribution<double> normal(0.88, 0.04);
  std::uniform_int_distribution<int> special(0, 99);
  std::vector<double> v(n);
  for (size_t i = 0; i < n; i++) {
    double a = std::min(1.0, std::max(0.0, normal(rng)));
    a = std::round(a * (coarse ? 1000.0 : 1e4)) / (coarse ? 1000.0 : 1e4);
    int s = special(rng);
    if (s == 0) {
      a = 0.0;  // bin 0 keeps rank -1
    } else if (s == 1) {
      a = 0.0004;
    } else if (s == 2) {
      a = 1.0;
    }
    v[i] = a;
  }
  return v;
}

// ---- device memory --------------------------------------------------------------------------

/**
 * A failed CUDA call around a check (allocation, copy, poisoning memset, sync, timing event) ends
 * the driver: carried on, the check would compare against whatever the memory held and report a
 * kernel failure, or a pass, that is not the kernel's. A kernel fault is sticky and surfaces at
 * the next such call, so the error may be the previous kernel call's rather than this call's.
 */
void setup(cudaError_t err, const char* what) {
  if (err != cudaSuccess) {
    std::printf("FAIL CUDA error at %s (this call's, or a fault of the kernel call before it):"
        " %s\n", what, cudaGetErrorString(err));
    std::exit(1);
  }
}

template <class T>
class DeviceArray {
 public:
  explicit DeviceArray(size_t n) : n_(n) {
    setup(cudaMalloc(&ptr_, std::max<size_t>(1, n) * sizeof(T)), "cudaMalloc");
  }
  explicit DeviceArray(const std::vector<T>& host) : DeviceArray(host.size()) {
    setup(cudaMemcpy(ptr_, host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice),
        "cudaMemcpy to the device");
  }
  DeviceArray(const DeviceArray&) = delete;
  DeviceArray& operator=(const DeviceArray&) = delete;
  ~DeviceArray() { cudaFree(ptr_); }

  T* get() const { return ptr_; }

  std::vector<T> download() const {
    std::vector<T> host(n_);
    setup(cudaMemcpy(host.data(), ptr_, n_ * sizeof(T), cudaMemcpyDeviceToHost),
        "cudaMemcpy to the host");
    return host;
  }

 private:
  size_t n_;
  T* ptr_ = nullptr;
};

/** GPU time of one call of f in ms: cudaEvent time over `reps` calls after one warm-up call. */
double gpu_time(int reps, const std::function<void()>& f) {
  f();
  setup(cudaDeviceSynchronize(), "warm-up call");
  cudaEvent_t start;
  cudaEvent_t stop;
  setup(cudaEventCreate(&start), "cudaEventCreate");
  setup(cudaEventCreate(&stop), "cudaEventCreate");
  setup(cudaEventRecord(start), "cudaEventRecord");
  for (int r = 0; r < reps; r++) {
    f();
  }
  setup(cudaEventRecord(stop), "cudaEventRecord");
  setup(cudaEventSynchronize(stop), "timed calls");
  float ms = 0;
  setup(cudaEventElapsedTime(&ms, start, stop), "cudaEventElapsedTime");
  cudaEventDestroy(start);
  cudaEventDestroy(stop);
  return ms / reps;
}

// ---- host checks (no GPU needed) ------------------------------------------------------------

/** The merge-sort arithmetic of the kernels, run on the host pass by pass. */
void emulate_merge_sort(std::vector<double>& keys, std::vector<int>& vals, int64_t* inversions) {
  int64_t n = static_cast<int64_t>(keys.size());
  std::vector<double> k2(n);
  std::vector<int> v2(n);
  *inversions = 0;
  for (int64_t width = 1; width < n; width *= 2) {
    for (int64_t i = 0; i < n; i++) {
      lmnas_cuda::MergeSlot s = lmnas_cuda::merge_slot(keys.data(), i, width, n);
      k2[s.dest] = keys[i];
      v2[s.dest] = vals[i];
      *inversions += s.inversions;
    }
    keys.swap(k2);
    vals.swap(v2);
  }
}

void host_checks(Rng& rng) {
  std::printf("== host checks: CPU references and the kernels' arithmetic emulated on the host\n");
  // The CPU Kendall reference against its definition.
  bool refOk = true;
  std::string refDetail;
  for (size_t n : {0, 1, 2, 3, 7, 64, 300, 1500}) {
    for (Pattern px : {Pattern::kDistinct, Pattern::kFewValues, Pattern::kSignedZeros,
             Pattern::kConstant}) {
      for (Pattern py : {Pattern::kDistinct, Pattern::kFewValues, Pattern::kSignedZeros,
               Pattern::kReversed}) {
        std::vector<double> x = scores(rng, n, px);
        std::vector<double> y = scores(rng, n, py);
        Counts a = ref_kendall(x, y);
        Counts b = brute_kendall(x, y);
        if (!(a == b) && refOk) {
          refOk = false;
          refDetail = fmt("n=%zu %s/%s: knight {%s} brute {%s}", n, pattern_name(px),
              pattern_name(py), a.str().c_str(), b.str().c_str());
        }
      }
    }
  }
  check(refOk, "cpu reference: Knight's tau-b counts == O(n^2) counts", refDetail);

  // The sparse Kendall tau test vectors of SparseKendallTauTest (percent * 0.01 -> fractions).
  {
    const double gt1[] = {91.23, 91.27, 91.31, 92.05, 92.09, 93.50, 93.51, 94.37};
    const double pr1[] = {60.1, 58.0, 61.5, 63.2, 62.9, 65.0, 64.2, 66.3};
    const double gt2[] = {88.52, 90.13, 90.17, 91.00, 91.04, 91.08, 92.66, 93.12, 93.19, 94.05};
    const double pr2[] = {55.0, 61.2, 57.3, 60.0, 62.5, 59.1, 64.0, 63.3, 66.1, 65.7};
    std::vector<double> g1, p1(pr1, pr1 + 8), g2, p2(pr2, pr2 + 10);
    for (double g : gt1) g1.push_back(g * 0.01);
    for (double g : gt2) g2.push_back(g * 0.01);
    Counts c1, c2;
    ref_sparse(p1, g1, &c1);
    ref_sparse(p2, g2, &c2);
    double plain1 = tau_of(ref_kendall(p1, g1));
    double plain2 = tau_of(ref_kendall(p2, g2));
    check(tau_of(c1) == 1.0 && std::fabs(plain1 - 0.785714) < 1e-6
            && std::fabs(tau_of(c2) - 0.75) < 1e-12 && std::fabs(plain2 - 0.688889) < 1e-6,
        "cpu reference: design-note S-KdT vectors (1.0 / 0.75, plain 0.785714 / 0.688889)",
        fmt("got %.6f / %.6f, plain %.6f / %.6f", tau_of(c1), tau_of(c2), plain1, plain2));
  }

  // Merge ranks: stable order and strict inversion count, against std::stable_sort and brute.
  bool mergeOk = true;
  std::string mergeDetail;
  for (size_t n : {0, 1, 2, 3, 5, 31, 32, 33, 1000, 1024, 1025, 3000}) {
    for (Pattern p : {Pattern::kDistinct, Pattern::kFewValues, Pattern::kSignedZeros,
             Pattern::kReversed, Pattern::kConstant}) {
      std::vector<double> keys = scores(rng, n, p);
      std::vector<double> original = keys;
      std::vector<int> vals(n);
      std::iota(vals.begin(), vals.end(), 0);
      int64_t inversions = 0;
      emulate_merge_sort(keys, vals, &inversions);
      std::vector<int> expect = stable_argsort(original);
      std::vector<double> copy = original;
      std::vector<double> tmp(n);
      int64_t expectInv = count_inversions(copy, tmp, 0, n);
      if ((vals != expect || inversions != expectInv) && mergeOk) {
        mergeOk = false;
        mergeDetail = fmt("n=%zu %s: inversions %lld vs %lld, order %s", n, pattern_name(p),
            (long long)inversions, (long long)expectInv, vals == expect ? "same" : "differs");
      }
      // Tie pairs by the kernels' run-start search, alone and lexicographic with a second key.
      int64_t tied = 0;
      for (int64_t i = 0; i < static_cast<int64_t>(n); i++) {
        tied += lmnas_cuda::tied_before<double>(keys.data(), nullptr, i);
      }
      if (tied != run_pairs(keys, nullptr) && mergeOk) {
        mergeOk = false;
        mergeDetail = fmt("n=%zu %s: tied_before sum %lld vs runs %lld", n, pattern_name(p),
            (long long)tied, (long long)run_pairs(keys, nullptr));
      }
    }
  }
  check(mergeOk, "emulated merge ranks: stable order, strict inversions, tie runs", mergeDetail);

  // Sparse bins: the kernel's bin_ranks, against the literal walk of the reference.
  bool binsOk = true;
  std::string binsDetail;
  for (size_t n : {1, 2, 10, 500, 5000}) {
    std::vector<double> gt = accuracies(rng, n, n % 2 == 0);
    std::vector<int> byGt = stable_argsort(gt);
    std::vector<unsigned long long> count(lmnas_cuda::kBins, 0);  // the kernel's count type
    for (double g : gt) {
      count[lmnas_cuda::accuracy_bin(g)]++;
    }
    std::vector<int32_t> rankOfBin(lmnas_cuda::kBins);
    std::vector<int64_t> cumulative(lmnas_cuda::kBins);
    lmnas_cuda::bin_ranks(count.data(), rankOfBin.data(), cumulative.data());
    int walk = -1;
    double prev = 0.0;
    for (size_t pos = 0; pos < n; pos++) {
      double bin = std::floor(gt[byGt[pos]] * 1000.0);
      walk += bin > prev;
      prev = bin;
      int fromBins = rankOfBin[lmnas_cuda::accuracy_bin(gt[byGt[pos]])];
      int64_t b = lmnas_cuda::upper_bound(cumulative.data(), int64_t{0},
          int64_t{lmnas_cuda::kBins}, static_cast<int64_t>(pos));
      if ((walk != fromBins || rankOfBin[b] != walk) && binsOk) {
        binsOk = false;
        binsDetail = fmt("n=%zu position %zu: walk %d, by bin %d, by count %d", n, pos, walk,
            fromBins, rankOfBin[b]);
      }
    }
  }
  check(binsOk, "emulated sparse bins: dense ranks from bin counts == reference walk", binsDetail);

  // Augmentation: per-pixel source mapping against the row-wise Java logic.
  bool augOk = true;
  std::string augDetail;
  for (int shape = 0; shape < 4; shape++) {
    AugmentCase a;
    a.channels = shape == 0 ? 1 : 3;
    a.height = shape == 2 ? 1 : 5 + shape;
    a.width = shape == 2 ? 1 : 7 - shape;
    a.count = 3;
    a.batch = 40;
    int64_t per = static_cast<int64_t>(a.channels) * a.height * a.width;
    a.images.resize(per * a.count);
    for (auto& b : a.images) b = static_cast<uint8_t>(rng() & 255);
    a.table.resize(a.channels * 256);
    for (size_t i = 0; i < a.table.size(); i++) a.table[i] = 0.5f * i - 100.0f;
    std::uniform_int_distribution<int> shift(-a.width - 1, a.width + 1);
    for (int64_t k = 0; k < a.batch; k++) {
      a.index.push_back(static_cast<int32_t>(rng() % a.count));
      a.dy.push_back(shift(rng));
      a.dx.push_back(shift(rng));
      a.flip.push_back(static_cast<uint8_t>(rng() & 1));
    }
    std::vector<float> expect;
    ref_augment(a, &expect);
    for (int64_t k = 0; k < a.batch && augOk; k++) {
      for (int32_t c = 0; c < a.channels; c++) {
        for (int32_t y = 0; y < a.height; y++) {
          for (int32_t x = 0; x < a.width; x++) {
            int64_t s = lmnas_cuda::augment_source(a.height, a.width, c, y, x, a.dy[k], a.dx[k],
                a.flip[k] != 0);
            float got = a.table[c * 256 + (s < 0 ? 0 : a.images[a.index[k] * per + s])];
            float want = expect[k * per + (static_cast<int64_t>(c) * a.height + y) * a.width + x];
            if (got != want && augOk) {
              augOk = false;
              augDetail = fmt("shape %d image %lld pixel (%d,%d,%d)", shape, (long long)k, c, y,
                  x);
            }
          }
        }
      }
    }
  }
  check(augOk, "emulated augmentation: per-pixel source == row-wise reference", augDetail);

  // Pair losses: values and slopes, and no overflow far out.
  bool lossOk = true;
  for (double x : {-1e6, -30.0, -1.0, -0.0, 0.0, 1e-9, 0.5, 40.0, 1e6}) {
    double f, s;
    lmnas_cuda::pair_loss(LMNAS_HINGE, 0.0, x, &f, &s);
    lossOk &= f == std::max(0.0, x) && s == (x > 0 ? 1.0 : 0.0);
    lmnas_cuda::pair_loss(LMNAS_MARGIN_HINGE, 0.25, x, &f, &s);
    lossOk &= f == std::max(0.0, x + 0.25) && s == (x + 0.25 > 0 ? 1.0 : 0.0);
    lmnas_cuda::pair_loss(LMNAS_SOFTPLUS, 2.0, x, &f, &s);
    lossOk &= std::isfinite(f) && s >= 0.0 && s <= 1.0 && f >= std::max(0.0, x) - 1e-12;
  }
  check(lossOk, "pair losses: hinge, margin hinge, finite softplus at extreme x");

  // Host-side argument checks of the API: these return before any CUDA call.
  float fv = 0;
  float fg = 0;
  int32_t idx = 0;
  double tau = 0;
  lmnas_cuda_kendall_counts kc;
  bool argsOk = true;
  argsOk &= lmnas_cuda_ranking_loss_f32(nullptr, 1, &idx, &idx, nullptr, 1, LMNAS_HINGE, 0, &fv,
      &fg, nullptr, nullptr) == LMNAS_EINVAL;
  argsOk &= lmnas_cuda_ranking_loss_f32(&fv, 0, &idx, &idx, nullptr, 1, LMNAS_HINGE, 0, &fv, &fg,
      nullptr, nullptr) == LMNAS_EINVAL;
  argsOk &= lmnas_cuda_ranking_loss_f32(&fv, 1, &idx, &idx, nullptr, 0, LMNAS_HINGE, 0, &fv, &fg,
      nullptr, nullptr) == LMNAS_EINVAL;
  argsOk &= lmnas_cuda_ranking_loss_f32(&fv, 1, &idx, &idx, nullptr, 1, 7, 0, &fv, &fg, nullptr,
      nullptr) == LMNAS_EINVAL;
  argsOk &= lmnas_cuda_ranking_loss_f32(&fv, 1, &idx, &idx, nullptr, 1, LMNAS_MARGIN_HINGE, -0.5,
      &fv, &fg, nullptr, nullptr) == LMNAS_EINVAL;
  argsOk &= lmnas_cuda_ranking_loss_f32(&fv, 1, &idx, &idx, nullptr, 1, LMNAS_SOFTPLUS, 0.0, &fv,
      &fg, nullptr, nullptr) == LMNAS_EINVAL;
  argsOk &= lmnas_cuda_kendall_tau_b(nullptr, nullptr, 0, &tau, &kc, nullptr) == LMNAS_OK
      && std::isnan(tau) && kc.n == 0 && kc.pairs == 0;
  argsOk &= lmnas_cuda_kendall_tau_b(nullptr, nullptr, 3, &tau, nullptr, nullptr) == LMNAS_EINVAL;
  argsOk &= lmnas_cuda_kendall_tau_b(nullptr, nullptr, 0, nullptr, nullptr, nullptr)
      == LMNAS_EINVAL;
  argsOk &= lmnas_cuda_sparse_kendall_tau(nullptr, nullptr, 0, &tau, nullptr, nullptr) == LMNAS_OK
      && std::isnan(tau);
  argsOk &= lmnas_cuda_sparse_kendall_tau(nullptr, nullptr, -1, &tau, nullptr, nullptr)
      == LMNAS_EINVAL;
  argsOk &= lmnas_cuda_augment_batch(nullptr, 1, 0, 1, 1, nullptr, nullptr, nullptr, nullptr, 1,
      nullptr, nullptr, nullptr, nullptr) == LMNAS_EINVAL;
  check(argsOk, "api: host-side argument checks (null pointers, sizes, kinds, params, n = 0)");
}

// ---- GPU checks -----------------------------------------------------------------------------

template <class T>
void gpu_ranking_case(Rng& rng, int64_t n, int64_t m, int kind, double param, bool weighted,
    bool ties, bool timed, bool quick) {
  std::uniform_real_distribution<double> u(0.5, 3.0);
  std::uniform_int_distribution<int> few(0, 6);
  std::vector<T> losses(n);
  for (auto& l : losses) {
    l = static_cast<T>(ties ? 1.0 + 0.25 * few(rng) : u(rng));
  }
  std::vector<int32_t> better(m);
  std::vector<int32_t> worse(m);
  std::vector<T> weights(m);
  for (int64_t p = 0; p < m; p++) {
    better[p] = static_cast<int32_t>(rng() % n);
    worse[p] = static_cast<int32_t>(rng() % n);
    weights[p] = static_cast<T>(u(rng));
  }
  const char* type = sizeof(T) == 4 ? "f32" : "f64";
  std::string name = fmt("ranking_loss_%s n=%lld m=%lld %s%s%s", type, (long long)n,
      (long long)m, kind_name(kind), weighted ? " weighted" : "", ties ? " ties" : "");
  double refValue = 0;
  double refAbs = 0;
  std::vector<double> refGrad;
  std::vector<double> refGradAbs;
  const T* hw = weighted ? weights.data() : nullptr;
  ref_ranking_loss<T>(losses, better, worse, hw, kind, param, &refValue, &refGrad, &refGradAbs,
      &refAbs);

  DeviceArray<T> dLosses(losses);
  DeviceArray<int32_t> dBetter(better);
  DeviceArray<int32_t> dWorse(worse);
  DeviceArray<T> dWeights(weights);
  DeviceArray<T> dValue(1);
  DeviceArray<T> dGrad(n);
  auto call = [&](int32_t* status) {
    if constexpr (sizeof(T) == 4) {
      return lmnas_cuda_ranking_loss_f32(dLosses.get(), n, dBetter.get(), dWorse.get(),
          weighted ? dWeights.get() : nullptr, m, kind, param, dValue.get(), dGrad.get(), status,
          nullptr);
    } else {
      return lmnas_cuda_ranking_loss_f64(dLosses.get(), n, dBetter.get(), dWorse.get(),
          weighted ? dWeights.get() : nullptr, m, kind, param, dValue.get(), dGrad.get(), status,
          nullptr);
    }
  };
  // Poison grad: the kernel must overwrite every entry.
  setup(cudaMemset(dGrad.get(), 0x7f, n * sizeof(T)), "poisoning the gradient");
  int rc = call(nullptr);
  T value = dValue.download()[0];
  std::vector<T> grad = dGrad.download();
  double eps = sizeof(T) == 4 ? 1.2e-7 : 0.0;
  bool ok = rc == LMNAS_OK;
  std::string detail = rc == LMNAS_OK ? "" : fmt("returned %d", rc);
  // Double sums in another order: ~1e-13 of the summed magnitudes, plus one f32 rounding.
  double refV = static_cast<double>(static_cast<T>(refValue));
  if (ok && !(std::fabs(value - refV) <= eps * std::fabs(refV) + 1e-12 * refAbs)) {
    ok = false;
    detail = fmt("value %.17g vs cpu %.17g", (double)value, refV);
  }
  for (int64_t k = 0; ok && k < n; k++) {
    double want = static_cast<double>(static_cast<T>(refGrad[k]));
    if (!(std::fabs(grad[k] - want) <= eps * std::fabs(want) + 1e-12 * refGradAbs[k])) {
      ok = false;
      detail = fmt("grad[%lld] %.17g vs cpu %.17g", (long long)k, (double)grad[k], want);
    }
  }
  // The asynchronous form: status lands on the device, the call returns at once.
  DeviceArray<int32_t> dStatus(1);
  setup(cudaMemset(dStatus.get(), 0x55, sizeof(int32_t)), "poisoning the status");
  int rcAsync = call(dStatus.get());
  setup(cudaDeviceSynchronize(), "the asynchronous call");
  int32_t status = dStatus.download()[0];
  T valueAsync = dValue.download()[0];
  if (ok && (rcAsync != LMNAS_OK || status != LMNAS_OK
                || std::memcmp(&valueAsync, &value, sizeof value) != 0)) {
    ok = false;
    detail = fmt("async: returned %d, status %d, value %s", rcAsync, status,
        std::memcmp(&valueAsync, &value, sizeof value) == 0 ? "same" : "differs");
  }
  check(ok, name, detail);
  if (timed) {
    int reps = quick ? 5 : 20;
    double gpu = gpu_time(reps, [&] { call(dStatus.get()); });
    double cpu = cpu_time(quick ? 1 : 3, [&] {
      ref_ranking_loss<T>(losses, better, worse, hw, kind, param, &refValue, &refGrad,
          &refGradAbs, &refAbs);
    });
    report_time(name, gpu, cpu);
  }
}

template <class T>
void gpu_ranking_errors(Rng& rng) {
  const char* type = sizeof(T) == 4 ? "f32" : "f64";
  int64_t n = 6;
  int64_t m = 50;
  std::vector<T> losses(n, static_cast<T>(1));
  std::vector<int32_t> better(m);
  std::vector<int32_t> worse(m);
  for (int64_t p = 0; p < m; p++) {
    better[p] = static_cast<int32_t>(rng() % n);
    worse[p] = static_cast<int32_t>(rng() % n);
  }
  struct Case {
    const char* what;
    int badIndexAt;   // pair with an index out of range, or -1
    int nanLoss;      // landmark with a NaN loss, or -1
    int badWeightAt;  // pair with a negative (even) or NaN (odd) weight, or -1
    int expect;
  };
  // Landmark 5 is used by pair 10 only; landmark 4 by pair 30 only (set below).
  const Case cases[] = {
      {"index out of range", 20, -1, -1, LMNAS_EINVAL},
      {"NaN landmark loss", -1, 5, -1, LMNAS_ENONFINITE},
      {"first bad pair wins (NaN at 10, index at 20)", 20, 5, -1, LMNAS_ENONFINITE},
      {"first bad pair wins (index at 5, NaN at 10)", 5, 5, -1, LMNAS_EINVAL},
      {"negative weight", -1, -1, 12, LMNAS_EINVAL},
      {"NaN weight", -1, -1, 13, LMNAS_EINVAL},
      {"first bad pair wins (NaN loss at 10, weight at 12)", -1, 5, 12, LMNAS_ENONFINITE},
  };
  for (const Case& c : cases) {
    std::vector<T> l = losses;
    std::vector<int32_t> b = better;
    std::vector<int32_t> w = worse;
    for (int64_t p = 0; p < m; p++) {
      b[p] = static_cast<int32_t>(p % 4);
      w[p] = static_cast<int32_t>((p + 1) % 4);
    }
    b[10] = 5;
    b[30] = 4;
    if (c.badIndexAt >= 0) {
      w[c.badIndexAt] = c.badIndexAt % 2 == 0 ? static_cast<int32_t>(n) : -1;
    }
    if (c.nanLoss >= 0) {
      l[c.nanLoss] = static_cast<T>(NAN);
    }
    std::vector<T> wts(m, static_cast<T>(1));
    if (c.badWeightAt >= 0) {
      wts[c.badWeightAt] = c.badWeightAt % 2 == 0 ? static_cast<T>(-1) : static_cast<T>(NAN);
    }
    double v, va;
    std::vector<double> g, ga;
    int expectCpu = ref_ranking_loss<T>(l, b, w, wts.data(), LMNAS_HINGE, 0, &v, &g, &ga, &va);
    DeviceArray<T> dl(l);
    DeviceArray<int32_t> db(b);
    DeviceArray<int32_t> dw(w);
    DeviceArray<T> dwt(wts);
    DeviceArray<T> dv(1);
    DeviceArray<T> dg(n);
    DeviceArray<int32_t> ds(1);
    int rc;
    int rcAsync;
    if constexpr (sizeof(T) == 4) {
      rc = lmnas_cuda_ranking_loss_f32(dl.get(), n, db.get(), dw.get(), dwt.get(), m,
          LMNAS_HINGE, 0, dv.get(), dg.get(), nullptr, nullptr);
      rcAsync = lmnas_cuda_ranking_loss_f32(dl.get(), n, db.get(), dw.get(), dwt.get(), m,
          LMNAS_HINGE, 0, dv.get(), dg.get(), ds.get(), nullptr);
    } else {
      rc = lmnas_cuda_ranking_loss_f64(dl.get(), n, db.get(), dw.get(), dwt.get(), m,
          LMNAS_HINGE, 0, dv.get(), dg.get(), nullptr, nullptr);
      rcAsync = lmnas_cuda_ranking_loss_f64(dl.get(), n, db.get(), dw.get(), dwt.get(), m,
          LMNAS_HINGE, 0, dv.get(), dg.get(), ds.get(), nullptr);
    }
    setup(cudaDeviceSynchronize(), "the asynchronous call");
    int status = ds.download()[0];
    check(rc == c.expect && expectCpu == c.expect && rcAsync == LMNAS_OK && status == c.expect,
        fmt("ranking_loss_%s error: %s", type, c.what),
        fmt("gpu %d, cpu %d, async returned %d with status %d, expected %d", rc, expectCpu,
            rcAsync, status, c.expect));
  }
}

void gpu_ranking(Rng& rng, bool quick) {
  std::printf("== ranking loss (fused gather + loss + reduction + gradient)\n");
  struct Shape {
    int64_t n;
    int64_t m;
    bool timed;
  };
  std::vector<Shape> shapes = {{1, 1, false}, {2, 1, false}, {2, 3, false}, {30, 435, true},
      {100, 10000, true}, {5000, 100000, true}, {200, 1000000, true}};
  if (quick) {
    shapes.pop_back();
  }
  for (const Shape& s : shapes) {
    for (int kind : {LMNAS_HINGE, LMNAS_MARGIN_HINGE, LMNAS_SOFTPLUS}) {
      double param = kind == LMNAS_MARGIN_HINGE ? 0.1 : kind == LMNAS_SOFTPLUS ? 2.0 : 0.0;
      bool timed = s.timed && kind == LMNAS_HINGE;
      gpu_ranking_case<float>(rng, s.n, s.m, kind, param, false, true, timed, quick);
      gpu_ranking_case<float>(rng, s.n, s.m, kind, param, true, false, timed && s.m > 1000,
          quick);
      gpu_ranking_case<double>(rng, s.n, s.m, kind, param, kind == LMNAS_SOFTPLUS, true,
          timed && s.m > 1000, quick);
    }
  }
  gpu_ranking_errors<float>(rng);
  gpu_ranking_errors<double>(rng);
}

void gpu_kendall_case(const std::string& label, const std::vector<double>& x,
    const std::vector<double>& y, bool timed, bool quick) {
  size_t n = x.size();
  Counts expect = ref_kendall(x, y);
  double expectTau = n < 2 ? NAN : tau_of(expect);
  DeviceArray<double> dx(x);
  DeviceArray<double> dy(y);
  double tau = 0;
  lmnas_cuda_kendall_counts c;
  int rc = lmnas_cuda_kendall_tau_b(dx.get(), dy.get(), static_cast<int64_t>(n), &tau, &c,
      nullptr);
  Counts got = from_api(c);
  std::string name = fmt("kendall_tau_b n=%zu %s", n, label.c_str());
  check(rc == LMNAS_OK && got == expect && same_double(tau, expectTau) && c.n == (int64_t)n, name,
      fmt("rc %d, tau %.17g vs cpu %.17g, gpu {%s} cpu {%s}", rc, tau, expectTau,
          got.str().c_str(), expect.str().c_str()));
  if (timed) {
    double gpu = gpu_time(quick ? 2 : 5, [&] {
      lmnas_cuda_kendall_tau_b(dx.get(), dy.get(), static_cast<int64_t>(n), &tau, nullptr,
          nullptr);
    });
    double cpu = cpu_time(1, [&] { ref_kendall(x, y); });
    report_time(name, gpu, cpu);
  }
}

/** An error an earlier, unrelated call left pending is not this call's failure. */
void gpu_stale_error() {
  std::printf("== an unrelated pending error\n");
  std::vector<double> x = {1, 2, 3, 4};
  std::vector<double> y = {1, 3, 2, 4};
  DeviceArray<double> dx(x);
  DeviceArray<double> dy(y);
  void* huge = nullptr;
  cudaError_t provoked = cudaMalloc(&huge, static_cast<size_t>(1) << 62);  // 4 EiB: refused
  double tau = 0;
  int rc = lmnas_cuda_kendall_tau_b(dx.get(), dy.get(), 4, &tau, nullptr, nullptr);
  check(provoked == cudaErrorMemoryAllocation && rc == LMNAS_OK
          && same_double(tau, tau_of(ref_kendall(x, y))),
      "kendall_tau_b after a caller's failed cudaMalloc -> OK",
      fmt("provoked %s, rc %d, tau %.17g", cudaGetErrorString(provoked), rc, tau));
}

void gpu_kendall(Rng& rng, bool quick) {
  std::printf("== Kendall tau-b\n");
  std::vector<size_t> sizes = {0, 1, 2, 3, 5, 100, 1023, 1024, 1025, 2049, 4097, 100000};
  for (size_t n : sizes) {
    for (Pattern px : {Pattern::kDistinct, Pattern::kFewValues, Pattern::kSignedZeros,
             Pattern::kSorted}) {
      for (Pattern py : {Pattern::kDistinct, Pattern::kFewValues, Pattern::kReversed}) {
        if (n >= 100000 && py != Pattern::kFewValues) {
          continue;
        }
        gpu_kendall_case(fmt("%s/%s", pattern_name(px), pattern_name(py)), scores(rng, n, px),
            scores(rng, n, py), false, quick);
      }
    }
    if (n >= 2 && n <= 1025) {
      std::vector<double> x = scores(rng, n, Pattern::kDistinct);
      gpu_kendall_case("constant/distinct (NaN)", scores(rng, n, Pattern::kConstant), x, false,
          quick);
      gpu_kendall_case("identical (tau 1)", x, x, false, quick);
    }
  }
  size_t big = quick ? 100000 : 1000000;
  gpu_kendall_case("distinct/distinct", scores(rng, big, Pattern::kDistinct),
      scores(rng, big, Pattern::kDistinct), true, quick);
  gpu_kendall_case("ties/ties", scores(rng, big, Pattern::kFewValues),
      scores(rng, big, Pattern::kFewValues), true, quick);
  // A NaN is rejected, also for n = 1.
  for (size_t n : {1, 1000}) {
    std::vector<double> x = scores(rng, n, Pattern::kDistinct);
    std::vector<double> y = x;
    y[n / 2] = NAN;
    DeviceArray<double> dx(x);
    DeviceArray<double> dy(y);
    double tau = 0;
    int rc = lmnas_cuda_kendall_tau_b(dx.get(), dy.get(), static_cast<int64_t>(n), &tau, nullptr,
        nullptr);
    check(rc == LMNAS_EINVAL, fmt("kendall_tau_b n=%zu NaN input -> EINVAL", n),
        fmt("returned %d", rc));
  }
}

void gpu_sparse_case(const std::string& label, const std::vector<double>& pred,
    const std::vector<double>& gt, bool timed, bool quick) {
  size_t n = gt.size();
  Counts expect;
  int expectRc = ref_sparse(pred, gt, &expect);
  double expectTau = n < 2 ? NAN : tau_of(expect);
  DeviceArray<double> dp(pred);
  DeviceArray<double> dg(gt);
  double tau = 0;
  lmnas_cuda_kendall_counts c;
  int rc = lmnas_cuda_sparse_kendall_tau(dp.get(), dg.get(), static_cast<int64_t>(n), &tau, &c,
      nullptr);
  std::string name = fmt("sparse_kendall_tau n=%zu %s", n, label.c_str());
  if (expectRc != LMNAS_OK) {
    check(rc == expectRc, name, fmt("returned %d, cpu %d", rc, expectRc));
    return;
  }
  Counts got = from_api(c);
  check(rc == LMNAS_OK && got == expect && same_double(tau, expectTau), name,
      fmt("rc %d, tau %.17g vs cpu %.17g, gpu {%s} cpu {%s}", rc, tau, expectTau,
          got.str().c_str(), expect.str().c_str()));
  if (timed) {
    double gpu = gpu_time(quick ? 2 : 5, [&] {
      lmnas_cuda_sparse_kendall_tau(dp.get(), dg.get(), static_cast<int64_t>(n), &tau, nullptr,
          nullptr);
    });
    double cpu = cpu_time(1, [&] { ref_sparse(pred, gt, &expect); });
    report_time(name, gpu, cpu);
  }
}

void gpu_sparse(Rng& rng, bool quick) {
  std::printf("== sparse Kendall tau\n");
  {
    const double gt1[] = {91.23, 91.27, 91.31, 92.05, 92.09, 93.50, 93.51, 94.37};
    const double pr1[] = {60.1, 58.0, 61.5, 63.2, 62.9, 65.0, 64.2, 66.3};
    const double gt2[] = {88.52, 90.13, 90.17, 91.00, 91.04, 91.08, 92.66, 93.12, 93.19, 94.05};
    const double pr2[] = {55.0, 61.2, 57.3, 60.0, 62.5, 59.1, 64.0, 63.3, 66.1, 65.7};
    std::vector<double> g1, g2;
    for (double g : gt1) g1.push_back(g * 0.01);
    for (double g : gt2) g2.push_back(g * 0.01);
    gpu_sparse_case("design vector 1 (S-KdT 1.0)", std::vector<double>(pr1, pr1 + 8), g1, false,
        quick);
    gpu_sparse_case("design vector 2 (S-KdT 0.75)", std::vector<double>(pr2, pr2 + 10), g2, false,
        quick);
  }
  for (size_t n : {0, 1, 2, 3, 10, 1000, 1024, 1025, 5000, 15625}) {
    for (Pattern p : {Pattern::kDistinct, Pattern::kFewValues, Pattern::kSignedZeros,
             Pattern::kConstant}) {
      gpu_sparse_case(fmt("pred %s", pattern_name(p)), scores(rng, n, p),
          accuracies(rng, n, n % 2 == 1), false, quick);
    }
  }
  std::vector<double> oneBin(50, 0.9123);
  gpu_sparse_case("one bin (NaN)", scores(rng, 50, Pattern::kDistinct), oneBin, false, quick);
  for (double bad : {1.0001, -0.01, (double)NAN}) {
    std::vector<double> gt = accuracies(rng, 20, false);
    gt[7] = bad;
    gpu_sparse_case(fmt("gt %g -> EINVAL", bad), scores(rng, 20, Pattern::kDistinct), gt, false,
        quick);
  }
  {
    std::vector<double> pred = scores(rng, 20, Pattern::kDistinct);
    pred[3] = NAN;
    gpu_sparse_case("pred NaN -> EINVAL", pred, accuracies(rng, 20, false), false, quick);
  }
  size_t big = quick ? 100000 : 1000000;
  gpu_sparse_case("pred ties", scores(rng, big, Pattern::kFewValues), accuracies(rng, big, false),
      true, quick);
  gpu_sparse_case("pred distinct", scores(rng, big, Pattern::kDistinct),
      accuracies(rng, big, true), true, quick);
}

void gpu_augment_case(Rng& rng, int32_t channels, int32_t height, int32_t width, int64_t count,
    int64_t batch, bool shift, bool mirror, int badIndex, bool timed, bool quick) {
  AugmentCase a;
  a.channels = channels;
  a.height = height;
  a.width = width;
  a.count = count;
  a.batch = batch;
  a.shift = shift;
  a.mirror = mirror;
  int64_t per = static_cast<int64_t>(channels) * height * width;
  a.images.resize(per * count);
  for (auto& b : a.images) b = static_cast<uint8_t>(rng() & 255);
  a.table.resize(channels * 256);
  for (int c = 0; c < channels; c++) {
    double mean = 0.4 + 0.05 * c;
    double std = 0.25 + 0.01 * c;
    for (int v = 0; v < 256; v++) {
      a.table[c * 256 + v] = static_cast<float>((v / 255.0 - mean) / std);
    }
  }
  int pad = 4;
  std::uniform_int_distribution<int> off(-pad, pad);
  std::uniform_int_distribution<int> far(-width - 2, width + 2);
  for (int64_t k = 0; k < batch; k++) {
    a.index.push_back(static_cast<int32_t>(rng() % count));
    bool extreme = (rng() % 16) == 0;
    a.dy.push_back(extreme ? far(rng) : off(rng));
    a.dx.push_back(extreme ? far(rng) : off(rng));
    a.flip.push_back(static_cast<uint8_t>((rng() & 1) * (1 + rng() % 200)));
  }
  if (badIndex >= 0) {
    a.index[badIndex] = badIndex % 2 == 0 ? static_cast<int32_t>(count) : -1;
  }
  std::string name = fmt("augment_batch %dx%dx%d batch=%lld count=%lld%s%s%s", channels, height,
      width, (long long)batch, (long long)count, shift ? " shift" : "", mirror ? " flip" : "",
      badIndex >= 0 ? " bad index -> EINVAL" : "");
  DeviceArray<uint8_t> dImages(a.images);
  DeviceArray<int32_t> dIndex(a.index);
  DeviceArray<int32_t> dDy(a.dy);
  DeviceArray<int32_t> dDx(a.dx);
  DeviceArray<uint8_t> dFlip(a.flip);
  DeviceArray<float> dTable(a.table);
  DeviceArray<float> dOut(per * batch);
  auto call = [&](int32_t* status) {
    return lmnas_cuda_augment_batch(dImages.get(), count, channels, height, width, dIndex.get(),
        shift ? dDy.get() : nullptr, shift ? dDx.get() : nullptr, mirror ? dFlip.get() : nullptr,
        batch, dTable.get(), dOut.get(), status, nullptr);
  };
  int rc = call(nullptr);
  if (badIndex >= 0) {
    check(rc == LMNAS_EINVAL, name, fmt("returned %d", rc));
    return;
  }
  std::vector<float> expect;
  ref_augment(a, &expect);
  std::vector<float> got = dOut.download();
  size_t firstDiff = got.size();
  for (size_t i = 0; i < got.size(); i++) {
    if (std::memcmp(&got[i], &expect[i], sizeof(float)) != 0) {
      firstDiff = i;
      break;
    }
  }
  check(rc == LMNAS_OK && firstDiff == got.size(), name + " (bit-exact)",
      rc != LMNAS_OK ? fmt("returned %d", rc)
                     : fmt("float %zu: %.9g vs cpu %.9g", firstDiff, got[firstDiff],
                           expect[firstDiff]));
  if (timed) {
    DeviceArray<int32_t> dStatus(1);
    double gpu = gpu_time(quick ? 5 : 20, [&] { call(dStatus.get()); });
    double cpu = cpu_time(quick ? 1 : 3, [&] { ref_augment(a, &expect); });
    report_time(name, gpu, cpu);
  }
}

void gpu_augment(Rng& rng, bool quick) {
  std::printf("== batch augmentation\n");
  gpu_augment_case(rng, 1, 28, 28, 100, 256, true, true, -1, true, quick);
  gpu_augment_case(rng, 3, 32, 32, 50, 256, true, true, -1, true, quick);
  gpu_augment_case(rng, 3, 32, 32, 50, 256, false, false, -1, false, quick);
  gpu_augment_case(rng, 3, 32, 32, 50, 256, false, true, -1, false, quick);
  gpu_augment_case(rng, 3, 1, 1, 3, 5, true, true, -1, false, quick);
  gpu_augment_case(rng, 2, 5, 7, 4, 9, true, true, -1, false, quick);
  gpu_augment_case(rng, 1, 1, 1, 1, 1, true, true, -1, false, quick);
  gpu_augment_case(rng, 3, 32, 32, 10, 64, true, true, 17, false, quick);
  gpu_augment_case(rng, 3, 32, 32, 10, 64, true, true, 40, false, quick);
  if (!quick) {
    gpu_augment_case(rng, 3, 32, 32, 5000, 1024, true, true, -1, true, quick);
  }
  // batch 0: nothing to do, OK, nothing touched (null pointers allowed).
  int rc = lmnas_cuda_augment_batch(nullptr, 0, 3, 32, 32, nullptr, nullptr, nullptr, nullptr, 0,
      nullptr, nullptr, nullptr, nullptr);
  check(rc == LMNAS_OK, "augment_batch batch=0 -> OK", fmt("returned %d", rc));
}

}  // namespace

/**
 * The driver's references against the CPU library the Java engine uses: the GPU checks compare
 * with the references, so this closes the chain GPU == reference == CPU library. Values to
 * rounding (another summation order), error codes, tau and augmentation exactly.
 */
void host_native_agreement(Rng& rng) {
  bool ok = true;
  std::string detail;
  std::uniform_real_distribution<double> u(0.5, 3.0);
  for (int kind : {LMNAS_HINGE, LMNAS_MARGIN_HINGE, LMNAS_SOFTPLUS}) {
    double param = kind == LMNAS_HINGE ? 0.0 : kind == LMNAS_MARGIN_HINGE ? 0.1 : 2.0;
    for (int64_t n : {1, 2, 30, 200}) {
      for (int64_t m : {1, 7, 435, 5000}) {
        for (int bad = 0; bad < 5; bad++) {  // 0 good, then index, NaN loss, -weight, NaN weight
          std::vector<double> losses(n);
          for (auto& l : losses) {
            l = u(rng);
          }
          std::vector<int32_t> better(m);
          std::vector<int32_t> worse(m);
          std::vector<double> weights(m);
          for (int64_t p = 0; p < m; p++) {
            better[p] = static_cast<int32_t>(rng() % n);
            worse[p] = static_cast<int32_t>(rng() % n);
            weights[p] = u(rng);
          }
          int64_t at = m / 2;
          if (bad == 1) {
            worse[at] = static_cast<int32_t>(n);
          } else if (bad == 2) {
            losses[better[at]] = NAN;
          } else if (bad == 3) {
            weights[at] = -1.0;
          } else if (bad == 4) {
            weights[at] = NAN;
          }
          double v;
          double va;
          std::vector<double> g;
          std::vector<double> ga;
          int want = ref_ranking_loss<double>(losses, better, worse, weights.data(), kind, param,
              &v, &g, &ga, &va);
          double nv = 0;
          std::vector<double> ng(n);
          int got = lmnas_ranking_loss_f64(losses.data(), n, better.data(), worse.data(),
              weights.data(), m, kind, param, &nv, ng.data());
          bool same = got == want;
          if (same && got == LMNAS_OK) {
            same = std::fabs(nv - v) <= 1e-12 * va + 1e-300;
            for (int64_t k = 0; same && k < n; k++) {
              same = std::fabs(ng[k] - g[k]) <= 1e-12 * ga[k] + 1e-300;
            }
          }
          if (!same && ok) {
            ok = false;
            detail = fmt("ranking loss %s n=%lld m=%lld case %d: library %d (%.17g), driver %d"
                " (%.17g)", kind_name(kind), (long long)n, (long long)m, bad, got, nv, want, v);
          }
        }
      }
    }
  }
  for (size_t n : {2, 3, 64, 1500}) {
    for (Pattern px : {Pattern::kDistinct, Pattern::kFewValues, Pattern::kSignedZeros}) {
      std::vector<double> x = scores(rng, n, px);
      std::vector<double> y = scores(rng, n, Pattern::kFewValues);
      double lib = 0;
      int rc = lmnas_kendall_tau_b(x.data(), y.data(), static_cast<int64_t>(n), &lib);
      double want = tau_of(ref_kendall(x, y));
      bool same = rc == LMNAS_OK && (lib == want || (std::isnan(lib) && std::isnan(want)));
      std::vector<double> gt(n);
      for (auto& a : gt) {
        a = 0.8 + 0.1 * std::uniform_real_distribution<double>(0, 1)(rng);
      }
      Counts c;
      double sparse = 0;
      int rcs = lmnas_sparse_kendall_tau(x.data(), gt.data(), static_cast<int64_t>(n), &sparse);
      int wantRc = ref_sparse(x, gt, &c);
      double wantSparse = tau_of(c);
      same = same && rcs == wantRc
          && (sparse == wantSparse || (std::isnan(sparse) && std::isnan(wantSparse)));
      if (!same && ok) {
        ok = false;
        detail = fmt("tau n=%zu %s: library tau-b %.17g (rc %d), driver %.17g; S-KdT library"
            " %.17g (rc %d), driver %.17g", n, pattern_name(px), lib, rc, want, sparse, rcs,
            wantSparse);
      }
    }
  }
  check(ok, "driver references == CPU library (ranking loss with its error codes, tau-b, S-KdT)",
      detail);
}

int main(int argc, char** argv) {
  bool allowNoGpu = false;
  bool quick = false;
  uint64_t seed = 20210601;
  for (int i = 1; i < argc; i++) {
    if (std::strcmp(argv[i], "--allow-no-gpu") == 0) {
      allowNoGpu = true;
    } else if (std::strcmp(argv[i], "--quick") == 0) {
      quick = true;
    } else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
      seed = std::strtoull(argv[++i], nullptr, 10);
    } else {
      std::fprintf(stderr, "usage: %s [--allow-no-gpu] [--seed N] [--quick]\n", argv[0]);
      return 64;
    }
  }
  std::printf("lmnas_cuda driver: seed %llu%s\n", (unsigned long long)seed,
      quick ? ", quick" : "");
  Rng rng(seed);
  host_checks(rng);
  host_native_agreement(rng);

  int devices = 0;
  cudaError_t err = cudaGetDeviceCount(&devices);
  if (err != cudaSuccess || devices == 0) {
    std::printf("no CUDA device (%s): GPU checks not run\n",
        err != cudaSuccess ? cudaGetErrorString(err) : "device count 0");
    std::printf("SUMMARY %d host checks, %d failed; GPU checks skipped\n", g_checks, g_failures);
    if (g_failures > 0) {
      return 1;
    }
    return allowNoGpu ? 0 : 2;
  }
  cudaDeviceProp prop;
  cudaGetDeviceProperties(&prop, 0);
  int runtime = 0;
  int driver = 0;
  cudaRuntimeGetVersion(&runtime);
  cudaDriverGetVersion(&driver);
  std::printf("device 0: %s, compute capability %d.%d, %d SMs, %.1f GiB; runtime %d, driver %d\n",
      prop.name, prop.major, prop.minor, prop.multiProcessorCount,
      prop.totalGlobalMem / 1073741824.0, runtime, driver);
  double t0 = now_ms();
  gpu_ranking(rng, quick);
  gpu_kendall(rng, quick);
  gpu_stale_error();
  gpu_sparse(rng, quick);
  gpu_augment(rng, quick);
  err = cudaDeviceSynchronize();
  check(err == cudaSuccess, "no CUDA error at the end", cudaGetErrorString(err));
  std::printf("SUMMARY %d checks, %d failed (%.1f s)\n", g_checks, g_failures,
      (now_ms() - t0) / 1000.0);
  return g_failures > 0 ? 1 : 0;
}
