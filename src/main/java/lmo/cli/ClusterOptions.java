package lmo.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import lmo.actor.cluster.ClusterSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of a coordinating JVM ({@code run --cluster}, {@code resume --cluster}). */
final class ClusterOptions {

    @Option(names = "--cluster", description = "run as the coordinator of a Pekko cluster (workers: lmo node --join HOST:PORT)")
    boolean cluster;

    @Option(names = "--host", paramLabel = "H", defaultValue = ClusterSettings.DEFAULT_HOST,
            description = "address to bind and advertise (default ${DEFAULT-VALUE}: loopback only)")
    String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + ClusterSettings.DEFAULT_PORT,
            description = "cluster port of this JVM (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--min-nodes", paramLabel = "K", defaultValue = "1",
            description = "members needed to run, this JVM included (default ${DEFAULT-VALUE})")
    int minNodes;

    @Option(names = "--start-nodes", paramLabel = "N",
            description = "members to wait for before starting (default: --min-nodes)")
    Integer startNodes;

    @Option(names = "--join-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long to wait for --start-nodes members (default ${DEFAULT-VALUE})")
    int joinTimeout;

    @Option(names = "--rejoin-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "after losing members, how long to wait for --min-nodes again before exit code 4 (default ${DEFAULT-VALUE})")
    int rejoinTimeout;

    @Option(names = "--config", paramLabel = "FILE", description = "Pekko configuration file, e.g. conf/cluster-local.conf")
    Path config;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** Seconds, or null: lmo.cluster.silence-limit of the configuration (default 60 s). */
    Integer silenceLimit;

    @Option(names = "--silence-limit", paramLabel = "SECONDS",
            description = "a member that owes an answer and shows no progress for this long is treated as lost"
                    + " (default: lmo.cluster.silence-limit of --config, 60)")
    void silenceLimit(int seconds) {
        if (seconds < 1) {
            throw new ParameterException(spec.commandLine(), "--silence-limit: must be >= 1 second, got " + seconds);
        }
        silenceLimit = seconds;
    }

    /** Why the options cannot be used, or null. */
    String problem() {
        if (minNodes < 1) return "--min-nodes: must be >= 1, got " + minNodes;
        if (startNodes() < minNodes) return "--start-nodes: must be >= --min-nodes (" + minNodes + "), got " + startNodes;
        if (port < 0 || port > 65535) return "--port: must be in 0..65535, got " + port;
        if (joinTimeout < 1 || rejoinTimeout < 1) return "--join-timeout and --rejoin-timeout: must be >= 1 second";
        if (config != null && !config.toFile().isFile()) return "--config: file not found: " + config;
        return cluster ? portProblem(host, port) : null;
    }

    /**
     * Why this JVM cannot listen on {@code host:port} right now (taken, or not an address of this machine), or null;
     * checked before anything is written, so a taken port leaves no run directory behind.
     */
    static String portProblem(String host, int port) {
        if (port == 0) return null;
        try (java.net.ServerSocket s = new java.net.ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new java.net.InetSocketAddress(host, port));
            return null;
        } catch (java.io.IOException | SecurityException | IllegalArgumentException e) {
            return "--port " + port + ": cannot listen on " + host + ": " + e.getMessage();
        }
    }

    int startNodes() { return startNodes == null ? minNodes : startNodes; }

    Duration joinTimeout() { return Duration.ofSeconds(joinTimeout); }

    Duration rejoinTimeout() { return Duration.ofSeconds(rejoinTimeout); }

    ClusterSettings settings() {
        return new ClusterSettings(host, port, List.of(), ClusterSettings.COORDINATOR, config,
                silenceLimit == null ? null : Duration.ofSeconds(silenceLimit));
    }
}
