package org.landmarknas.metric;

/**
 * Stable argsorts of {@code double} keys on primitive {@code int} permutations: a merge sort, so
 * equal keys keep their previous relative order (which the metrics rely on for documented tie
 * rules), and no boxing. Memory: one scratch array of the permutation's length.
 */
final class IndexOrder {

  private IndexOrder() {}

  /** Indices 0..n-1 ordered by ascending key; equal keys stay in index order. */
  static int[] ascending(double[] key) {
    int[] perm = new int[key.length];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = i;
    }
    sortAscending(perm, key, new int[perm.length]);
    return perm;
  }

  /** Indices 0..n-1 ordered by descending key; equal keys stay in index order. */
  static int[] descending(double[] key) {
    int[] perm = new int[key.length];
    for (int i = 0; i < perm.length; i++) {
      perm[i] = i;
    }
    sort(perm, key, new int[perm.length], 0, perm.length, true);
    return perm;
  }

  /**
   * Reorders {@code perm} in place by ascending {@code key[perm[i]]}, keeping the current order
   * among equal keys; {@code scratch} must be at least as long as {@code perm}.
   */
  static void sortAscending(int[] perm, double[] key, int[] scratch) {
    sort(perm, key, scratch, 0, perm.length, false);
  }

  private static void sort(int[] a, double[] key, int[] tmp, int lo, int hi, boolean desc) {
    if (hi - lo < 2) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    sort(a, key, tmp, lo, mid, desc);
    sort(a, key, tmp, mid, hi, desc);
    // Take from the right only when strictly before the left element: that keeps it stable.
    int i = lo;
    int j = mid;
    int k = lo;
    while (i < mid && j < hi) {
      double l = key[a[i]];
      double r = key[a[j]];
      boolean rightFirst = desc ? r > l : r < l;
      tmp[k++] = rightFirst ? a[j++] : a[i++];
    }
    while (i < mid) {
      tmp[k++] = a[i++];
    }
    while (j < hi) {
      tmp[k++] = a[j++];
    }
    System.arraycopy(tmp, lo, a, lo, hi - lo);
  }
}
