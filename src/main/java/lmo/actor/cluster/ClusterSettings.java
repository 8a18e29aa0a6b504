package lmo.actor.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where a JVM sits in a cluster: the address it binds and advertises ({@code host:port}; port 0 picks a free one),
 * the seed nodes it joins, its role, and an optional configuration file layered under these settings.
 *
 * @param host hostname or IP to bind and advertise; 127.0.0.1 unless given explicitly
 * @param seeds {@code host:port} of the seed nodes; empty means "this JVM is the seed" (the coordinator)
 * @param role {@code coordinator} or {@code worker}
 * @param configFile a HOCON file (e.g. {@code conf/cluster-local.conf}) read before the built-in defaults, or null
 * @param silenceLimit overrides {@code lmo.cluster.silence-limit} of the configuration, or null
 */
public record ClusterSettings(String host, int port, List<String> seeds, String role, Path configFile,
                              Duration silenceLimit) {

    public static final String COORDINATOR = "coordinator";
    public static final String WORKER = "worker";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 25520;

    public ClusterSettings {
        seeds = List.copyOf(seeds);
        for (String s : seeds) parseHostPort(s);
        if (silenceLimit != null && (silenceLimit.isNegative() || silenceLimit.isZero())) {
            throw new IllegalArgumentException("the silence limit must be positive, got " + silenceLimit);
        }
    }

    /** Settings that take the silence limit from the configuration. */
    public ClusterSettings(String host, int port, List<String> seeds, String role, Path configFile) {
        this(host, port, seeds, role, configFile, null);
    }

    /** {@code [host, port]} of a {@code host:port} string. */
    public static Object[] parseHostPort(String s) {
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1) throw new IllegalArgumentException("expected HOST:PORT, got '" + s + "'");
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            if (port < 1 || port > 65535) throw new NumberFormatException();
            return new Object[] {s.substring(0, colon), port};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected HOST:PORT with a port in 1..65535, got '" + s + "'");
        }
    }
}
