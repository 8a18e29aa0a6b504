package lmo.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import lmo.actor.cluster.ClusterConfig;
import lmo.actor.cluster.ClusterSettings;
import lmo.actor.NodeGuardian;
import org.apache.pekko.actor.typed.ActorSystem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code lmo node --join HOST:PORT}: a worker JVM. It joins the coordinator's cluster, hosts the shards placed on
 * it, and when the coordinator is gone starts afresh and waits to join the next one (at the same seed address),
 * until stopped (Ctrl-C) or, with {@code --once}, after one run. A coordinator whose settings differ from this
 * JVM's (frame size, lmo build, --jar, Java build: see {@code docs/cluster.md}) refuses it: it then exits with
 * code 2, naming the differences.
 */
@Command(name = "node", mixinStandardHelpOptions = true, description = "Start a worker JVM that joins a cluster.")
final class NodeCommand implements Callable<Integer> {

    @Option(names = "--join", paramLabel = "HOST:PORT",
            description = "the coordinator (seed node) to join; default: the seed-nodes of --config")
    String join;

    @Option(names = "--host", paramLabel = "H", defaultValue = ClusterSettings.DEFAULT_HOST,
            description = "address to bind and advertise (default ${DEFAULT-VALUE}: loopback only)")
    String host;

    @Option(names = "--port", paramLabel = "P", defaultValue = "0", description = "cluster port of this JVM (default: any free)")
    int port;

    @Option(names = "--config", paramLabel = "FILE", description = "Pekko configuration file, e.g. conf/cluster-local.conf")
    Path config;

    @Option(names = "--once", description = "exit when the first coordinator is gone instead of waiting for the next")
    boolean once;

    @picocli.CommandLine.Mixin
    JarOptions jars = new JarOptions();

    @Override
    public Integer call() throws InterruptedException {
        String problem = jars.apply();
        if (problem != null) {
            System.err.println(problem);
            return Main.BAD_INPUT;
        }
        if (config != null && !config.toFile().isFile()) {
            System.err.println("--config: file not found: " + config);
            return Main.BAD_INPUT;
        }
        if (join == null && (config == null || !ClusterConfig.hasSeeds(config))) {
            System.err.println("--join: give the coordinator's HOST:PORT, or a --config file with pekko.cluster.seed-nodes");
            return Main.BAD_INPUT;
        }
        ClusterSettings settings;
        try {
            settings = new ClusterSettings(host, port, join == null ? List.of() : List.of(join), ClusterSettings.WORKER, config);
        } catch (IllegalArgumentException e) {
            System.err.println("--join: " + e.getMessage());
            return Main.BAD_INPUT;
        }
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicReference<String> refused = new AtomicReference<>();
        AtomicReference<ActorSystem<?>> current = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            ActorSystem<?> s = current.get();
            if (s != null) {
                s.terminate();
                s.getWhenTerminated().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                        .exceptionally(t -> null).join();
            }
        }));
        do {
            ActorSystem<?> system = ActorSystem.create(NodeGuardian.create(new ScenarioSimulations(), refused::set),
                    ClusterConfig.SYSTEM, ClusterConfig.of(settings));
            current.set(system);
            System.out.println("lmo node " + system.address() + ": joining "
                    + system.settings().config().getStringList("pekko.cluster.seed-nodes"));
            System.out.flush();
            system.getWhenTerminated().toCompletableFuture().join();
            if (refused.get() != null) {
                System.err.println("lmo node: refused by " + refused.get() + "; give every member the same settings"
                        + " (--config, --jar, lmo build, Java) and start it again");
                return Main.BAD_INPUT;
            }
            if (!stopping.get() && !once) System.out.println("lmo node: coordinator gone; waiting for the next one");
        } while (!stopping.get() && !once);
        return Main.OK;
    }
}
