package org.landmarknas.torch;

/** Versions of the native stack, for provenance records. */
public final class TorchInfo {
  private TorchInfo() {}

  /** The libtorch version of the JavaCPP preset on the class path. */
  public static String libtorchVersion() {
    Package p = org.bytedeco.pytorch.Tensor.class.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v != null ? v : "2.10.0 (preset 1.5.13)";
  }
}
