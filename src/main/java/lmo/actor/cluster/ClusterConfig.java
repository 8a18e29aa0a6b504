package lmo.actor.cluster;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pekko configuration of a cluster JVM, in layers: the settings given on the command line, then the
 * configuration file if one is given (e.g. {@code conf/cluster-local.conf}), then {@code lmo-cluster.conf} (cluster
 * provider, Artery TCP bound to 127.0.0.1, split-brain resolver keeping the oldest member — the coordinator —, CBOR
 * for control messages and raw bytes for bulk chunks, lmo's silence limit), then the defaults.
 */
public final class ClusterConfig {
    /** The actor system name shared by every member. */
    public static final String SYSTEM = "lmo";
    /** How long a member that owes the coordinator an answer may show no progress (see {@code docs/cluster.md}). */
    public static final String SILENCE_LIMIT = "lmo.cluster.silence-limit";

    private ClusterConfig() {}

    public static Config of(ClusterSettings s) {
        Config fromFile = s.configFile() == null ? ConfigFactory.empty() : ConfigFactory.parseFile(s.configFile().toFile());
        Config base = fromFile.withFallback(ConfigFactory.parseResources("lmo-cluster.conf"))
                .withFallback(ConfigFactory.parseResources("lmo-wire.conf"))
                .withFallback(ConfigFactory.load());
        Config c = base
                .withValue("pekko.remote.artery.canonical.hostname", ConfigValueFactory.fromAnyRef(s.host()))
                .withValue("pekko.remote.artery.canonical.port", ConfigValueFactory.fromAnyRef(s.port()))
                .withValue("pekko.cluster.roles", ConfigValueFactory.fromIterable(List.of(s.role())));
        if (s.silenceLimit() != null) {
            c = c.withValue(SILENCE_LIMIT, ConfigValueFactory.fromAnyRef(s.silenceLimit().toMillis() + "ms"));
        }
        List<String> seeds = new ArrayList<>();
        if (s.seeds().isEmpty() && s.role().equals(ClusterSettings.COORDINATOR) && !fromFile.hasPath("pekko.cluster.seed-nodes")) {
            seeds.add(address(s.host() + ":" + s.port()));
        }
        for (String seed : s.seeds()) seeds.add(address(seed));
        if (!seeds.isEmpty()) c = c.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds));
        return c.resolve();
    }

    /** Whether a configuration file lists seed nodes. */
    public static boolean hasSeeds(java.nio.file.Path file) {
        Config c = ConfigFactory.parseFile(file.toFile()).resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true));
        return c.hasPath("pekko.cluster.seed-nodes") && !c.getStringList("pekko.cluster.seed-nodes").isEmpty();
    }

    /** {@code pekko://lmo@host:port}. */
    public static String address(String hostPort) {
        ClusterSettings.parseHostPort(hostPort);
        return "pekko://" + SYSTEM + "@" + hostPort;
    }

    /** The silence limit of {@code c} ({@link #SILENCE_LIMIT}); must be positive. */
    public static java.time.Duration silenceLimit(Config c) {
        java.time.Duration d = c.getDuration(SILENCE_LIMIT);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(SILENCE_LIMIT + " must be positive, got " + d);
        return d;
    }

    /** The largest chunk for bulk messages: 3/4 of the Artery frame size. */
    public static int chunkBytes(Config c) {
        return (int) (c.getBytes("pekko.remote.artery.advanced.maximum-frame-size") * 3 / 4);
    }
}
