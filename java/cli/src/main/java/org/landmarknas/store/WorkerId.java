package org.landmarknas.store;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The name a worker claims jobs under: {@code host/pid/random}. The pid alone is not unique once
 * workers run on several machines or containers (every container's first process is pid 1, and
 * two workers with one name would renew and release each other's leases); the host name says
 * where a job is being trained, and the random part keeps two workers apart even on hosts that
 * share a name.
 */
public final class WorkerId {
  private WorkerId() {}

  /** A new name for this process's worker. */
  public static String forThisProcess() {
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return hostName() + "/" + ProcessHandle.current().pid() + "/"
        + HexFormat.of().formatHex(random);
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
