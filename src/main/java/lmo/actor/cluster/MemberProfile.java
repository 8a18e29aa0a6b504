package lmo.actor.cluster;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import lmo.actor.cluster.wire.Wire;
import lmo.model.game.UserPayoffs;

/**
 * What the members of one cluster run must agree on, by name: the settings the wire format depends on (Artery's
 * {@code maximum-frame-size}, the chunk size cut from it, lmo's wire version) and those the bits of the result depend
 * on (lmo's own code, the jars given with {@code --jar}, the Java VM build, the instruction set: DESIGN.md section 3
 * holds the hash for one JDK build on one instruction set), plus the Pekko version. The coordinator sends its profile
 * to every member that joins and the member answers with its own; both compare them, and a member whose profile
 * differs is refused (see {@code docs/cluster.md}). Values are readable strings; the order of the entries is fixed.
 *
 * @param settings setting name to value, in a fixed order
 */
public record MemberProfile(Map<String, String> settings) {
    static final String FRAME = "maximum-frame-size";
    static final String CHUNK = "chunk size";
    static final String WIRE = "wire version";
    static final String BUILD = "lmo build";
    static final String JARS = "--jar";
    static final String JAVA = "java";
    static final String ARCH = "os.arch";
    static final String PEKKO = "pekko";

    public MemberProfile {
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** The profile of this JVM running with the cluster configuration {@code config}. */
    public static MemberProfile of(Config config) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put(FRAME, bytes(config.getBytes("pekko.remote.artery.advanced.maximum-frame-size")));
        s.put(CHUNK, bytes(ClusterConfig.chunkBytes(config)));
        s.put(WIRE, String.valueOf(Wire.VERSION));
        s.put(BUILD, CodeDigest.ofLmo());
        s.put(JARS, jars(UserPayoffs.jars()));
        s.put(JAVA, System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.version"));
        s.put(ARCH, System.getProperty("os.arch"));
        s.put(PEKKO, config.hasPath("pekko.version") ? config.getString("pekko.version") : "unknown");
        return new MemberProfile(s);
    }

    /**
     * Every setting on which this profile and {@code other}'s differ, one line each:
     * {@code "maximum-frame-size: 32 KiB here, 256 KiB on <otherName>"}; empty if they agree.
     */
    public List<String> differences(MemberProfile other, String otherName) {
        Set<String> names = new LinkedHashSet<>(settings.keySet());
        names.addAll(other.settings().keySet());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String mine = settings.get(n);
            String theirs = other.settings().get(n);
            if (!Objects.equals(mine, theirs)) {
                out.add(n + ": " + (mine == null ? "(not checked)" : mine) + " here, "
                        + (theirs == null ? "(not checked)" : theirs) + " on " + otherName);
            }
        }
        return out;
    }

    /** {@code 256 KiB}, or a number of bytes. */
    static String bytes(long n) {
        if (n > 0 && n % (1024 * 1024) == 0) return n / (1024 * 1024) + " MiB";
        if (n > 0 && n % 1024 == 0) return n / 1024 + " KiB";
        return n + " bytes";
    }

    /** {@code none}, or the jars in order, each as its file name and the start of its SHA-256. */
    static String jars(List<Path> jars) {
        if (jars.isEmpty()) return "none";
        List<String> out = new ArrayList<>();
        for (Path j : jars) out.add(j.getFileName() + " sha256:" + CodeDigest.ofFile(j));
        return String.join(", ", out);
    }
}
