package lmo.actor.cluster.wire;

import java.io.NotSerializableException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.ByteBufferSerializer;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * Pekko serializer of {@link Bulk} messages ({@link Chunk}s and one-field wrappers of them), as raw bytes:
 *
 * <pre>
 * i8  version (= 1)
 * i32 n, then n bytes    source, UTF-8
 * i64 transfer
 * i32 index
 * i32 total
 * i32 length, then length bytes    data
 * (little-endian; {@link #headerBytes(Chunk)} = 25 + n bytes before the data)
 * </pre>
 *
 * <p>Identifier {@value #IDENTIFIER} (lmo's serializers use 3000–3999; Pekko reserves 0–40). The manifest is
 * {@value #CHUNK_MANIFEST} for a bare {@link Chunk}, and the wrapper's class name for anything else that implements
 * {@link Bulk} (see there for the rules a wrapper follows). The receiving side rebuilds a wrapper with its
 * {@code (Chunk)} constructor, found once per class and cached; the sending side checks that the constructor
 * exists before it sends, so a wrong wrapper fails at the sender, loudly.
 *
 * <p>Implements {@link ByteBufferSerializer}, so Artery writes the header and data straight into its frame buffer
 * and reads them back out of it: one copy of the data on each side. The chunk, header included, must fit in
 * {@code pekko.remote.artery.advanced.maximum-frame-size} (Artery drops a bigger message with only an ERROR in
 * the sender's log): {@link BulkCodec#forConfig} picks a chunk size that does.
 *
 * <p>Bind it (this is {@code lmo-wire.conf}):
 * <pre>
 * pekko.actor.serializers.lmo-chunk = "lmo.actor.cluster.wire.ChunkSerializer"
 * pekko.actor.serialization-bindings {
 *   "lmo.actor.cluster.wire.Chunk" = lmo-chunk
 *   "lmo.actor.cluster.wire.Bulk" = lmo-chunk
 * }
 * </pre>
 */
public final class ChunkSerializer extends SerializerWithStringManifest implements ByteBufferSerializer {
    /** This serializer's fixed id, the same on every node. */
    public static final int IDENTIFIER = 3142;
    /** The manifest of a bare {@link Chunk}. */
    public static final String CHUNK_MANIFEST = "C";

    private static final int VERSION = 1;
    private static final int FIXED_HEADER = 1 + 4 + 8 + 4 + 4 + 4;

    private final ClassLoader loader;
    private final ConcurrentHashMap<String, Function<Chunk, Object>> wrappers = new ConcurrentHashMap<>();

    /** The constructor Pekko calls: wrapper classes are loaded with the system's class loader. */
    public ChunkSerializer(ExtendedActorSystem system) {
        this(system.dynamicAccess().classLoader());
    }

    /** For use without an actor system (tests, tools). */
    public ChunkSerializer() {
        this(ChunkSerializer.class.getClassLoader());
    }

    private ChunkSerializer(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public int identifier() { return IDENTIFIER; }

    @Override
    public String manifest(Object o) {
        if (o instanceof Chunk) return CHUNK_MANIFEST;
        if (!(o instanceof Bulk)) throw notBulk(o);
        String name = o.getClass().getName();
        wrappers.computeIfAbsent(name, n -> factory(o.getClass()));
        return name;
    }

    /** Bytes the serialized form of {@code c} takes before its data. */
    public static int headerBytes(Chunk c) {
        return FIXED_HEADER + c.source().getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public byte[] toBinary(Object o) {
        Chunk c = chunkOf(o);
        byte[] source = c.source().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[FIXED_HEADER + source.length + c.data().length];
        write(c, source, ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN));
        return out;
    }

    @Override
    public void toBinary(Object o, ByteBuffer buf) {
        Chunk c = chunkOf(o);
        ByteOrder order = buf.order();
        try {
            write(c, c.source().getBytes(StandardCharsets.UTF_8), buf.order(ByteOrder.LITTLE_ENDIAN));
        } finally {
            buf.order(order);
        }
    }

    @Override
    public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
        return fromBinary(ByteBuffer.wrap(bytes), manifest);
    }

    @Override
    public Object fromBinary(ByteBuffer buf, String manifest) throws NotSerializableException {
        Function<Chunk, Object> wrap = CHUNK_MANIFEST.equals(manifest) ? null : wrapper(manifest);
        ByteOrder order = buf.order();
        Chunk c;
        try {
            c = read(buf.order(ByteOrder.LITTLE_ENDIAN));
        } finally {
            buf.order(order);
        }
        return wrap == null ? c : wrap.apply(c);
    }

    private static void write(Chunk c, byte[] source, ByteBuffer buf) {
        buf.put((byte) VERSION);
        buf.putInt(source.length);
        buf.put(source);
        buf.putLong(c.transfer());
        buf.putInt(c.index());
        buf.putInt(c.total());
        buf.putInt(c.data().length);
        buf.put(c.data());
    }

    private static Chunk read(ByteBuffer buf) {
        try {
            int version = buf.get() & 0xff;
            if (version != VERSION) {
                throw new IllegalArgumentException("lmo chunk: version " + version + " is not supported (this build reads "
                        + VERSION + ")");
            }
            byte[] source = new byte[length(buf, "source")];
            buf.get(source);
            long transfer = buf.getLong();
            int index = buf.getInt();
            int total = buf.getInt();
            int length = length(buf, "data");
            if (length != buf.remaining()) {
                throw new IllegalArgumentException("lmo chunk: " + (buf.remaining() - length)
                        + " bytes after the data");
            }
            byte[] data = new byte[length];
            buf.get(data);
            return new Chunk(new String(source, StandardCharsets.UTF_8), transfer, index, total, data);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("lmo chunk: truncated at byte " + buf.position(), e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("lmo chunk: ")) throw e;
            throw new IllegalArgumentException("lmo chunk: " + e.getMessage(), e);
        }
    }

    private static int length(ByteBuffer buf, String field) {
        int n = buf.getInt();
        if (n < 0 || n > buf.remaining()) {
            throw new IllegalArgumentException("lmo chunk: " + field + " length " + n + " but " + buf.remaining()
                    + " bytes remain");
        }
        return n;
    }

    private static Chunk chunkOf(Object o) {
        if (!(o instanceof Bulk)) throw notBulk(o);
        Chunk c = ((Bulk) o).chunk();
        if (c == null) throw new IllegalArgumentException("lmo chunk: " + o.getClass().getName() + " holds no chunk");
        return c;
    }

    private Function<Chunk, Object> wrapper(String manifest) throws NotSerializableException {
        Function<Chunk, Object> f = wrappers.get(manifest);
        if (f != null) return f;
        Class<?> cls;
        try {
            cls = Class.forName(manifest, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new NotSerializableException("lmo chunk: unknown manifest '" + manifest + "' (no such class here)");
        }
        try {
            f = factory(cls);
        } catch (IllegalArgumentException e) {
            throw new NotSerializableException(e.getMessage());
        }
        Function<Chunk, Object> previous = wrappers.putIfAbsent(manifest, f);
        return previous != null ? previous : f;
    }

    /** How to rebuild a wrapper of class {@code cls} around a received chunk: its {@code (Chunk)} constructor. */
    private static Function<Chunk, Object> factory(Class<?> cls) {
        if (!Bulk.class.isAssignableFrom(cls) || cls == Chunk.class || Modifier.isAbstract(cls.getModifiers())) {
            throw new IllegalArgumentException("lmo chunk: " + cls.getName() + " is not a concrete Bulk wrapper");
        }
        Constructor<?> ctor;
        try {
            ctor = cls.getDeclaredConstructor(Chunk.class);
            ctor.setAccessible(true);
        } catch (NoSuchMethodException | RuntimeException e) {
            throw new IllegalArgumentException("lmo chunk: " + cls.getName()
                    + " needs a constructor taking one Chunk (a record X(Chunk chunk) has it): " + e);
        }
        return chunk -> {
            try {
                return ctor.newInstance(chunk);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException("lmo chunk: new " + cls.getName() + "(chunk) failed: " + e.getCause(),
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("lmo chunk: new " + cls.getName() + "(chunk) failed: " + e, e);
            }
        };
    }

    private static IllegalArgumentException notBulk(Object o) {
        return new IllegalArgumentException("lmo chunk: cannot serialize "
                + (o == null ? "null" : o.getClass().getName()) + ", which is not a lmo.actor.cluster.wire.Bulk");
    }
}
