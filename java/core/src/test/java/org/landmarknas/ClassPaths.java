package org.landmarknas;

import java.util.List;

/** What the module boundary tests ask of a test's class path. */
public final class ClassPaths {
  private ClassPaths() {}

  /** Those of {@code classNames} that this test's class loader finds, in order. */
  public static List<String> loadable(List<String> classNames) {
    ClassLoader loader = ClassPaths.class.getClassLoader();
    return classNames.stream().filter(name -> {
      try {
        Class.forName(name, false, loader);
        return true;
      } catch (ClassNotFoundException e) {
        return false;
      }
    }).toList();
  }
}
