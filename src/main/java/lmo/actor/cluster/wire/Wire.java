package lmo.actor.cluster.wire;

import lmo.engine.Order;
import lmo.engine.ShardReport;

/**
 * The cross-JVM codec of lmo's bulk messages: {@link Order}s, {@link ShardReport}s and {@link BlockStates}, as raw
 * little-endian bytes. Pure (no actors, no Pekko); thread-safe (stateless).
 *
 * <pre>
 * every message    i8 version (= {@value #VERSION})  i8 tag  body...          (nothing after the body)
 *
 * tag  1  Order.Partials   i64 seq  i64 step  i32 round  summaries?
 * tag  2  Order.Apply      i64 seq  i64 step  i8 flags (bit 0 update, bit 1 thenPartials)  i32 stage
 *                            doubles? stageScale  summaries?
 * tag  3  Order.Normalize  i64 seq  i64 step  doubles? factors
 * tag  4  Order.Rollback   i64 seq  i64 step
 * tag  5  Order.Collect    i64 seq  i64 step
 * tag  6  Order.Tasks      i64 seq  i32 count S, then per summary: i64 step  summaries? (never -1)
 *                          i32 count T, then per task: i8 kind (0 STEP, 1 EVALUATE, 2 COLLECT, 3 PARTIAL,
 *                            4 PICK, 5 SAMPLE)
 *                            i32 block  i64 step  i32 summary (index into the S summaries; -1 = none)  f64 massFactor
 *                            i32 take (PICK 4, SAMPLE 5: the picks of the block's population; else 0)
 * tag  7  Order.Pick       i64 seq  i64 step  i8 flags (bit 0 live sample)  i32 P, then P x i32 take
 * tag 16  ShardReport      i32 shard  i64 seq  i64 computeNanos  i32 count (-1 = null list), then per block report:
 *                            i32 block  doubles? partial  doubles? x  doubles? m  doubles? metrics
 *                            f64 massBefore  f64 massAfter  i32 diverged  string? problem  doubles? s
 * tag 32  BlockStates      i64 epoch  i32 shard  i64 startStep  string? scenarioYaml  i32 count, then per block:
 *                            i32 population  i32 index  i64 firstId  i32 dim  doubles x  doubles m
 *                            i32 solverWidth  doubles s  (never null)
 *
 * summaries?       i32 rounds (-1 = null), then per round: i8 kind, then  (decoded with the step of their order,
 *                                                                     or, in Order.Tasks, the i64 step before them)
 *                    kind 0  (round not reduced yet: null)
 *                    kind 1  SUM     doubles
 *                    kind 2  GATHER  i32 populations P, then per population: i32 dim, doubles x, doubles m,
 *                                    i32 solverWidth, doubles s
 *                  then doubles global (the model's global state of the step; never null, often empty)
 * doubles?         i32 n (-1 = null), then n x f64 (raw IEEE-754 bits: NaN payloads, -0.0, subnormals kept)
 * string?          i32 n (-1 = null), then n bytes of UTF-8
 * i8/i32/i64/f64   1/4/8/8 bytes, little-endian
 * </pre>
 *
 * <p>Decoding validates everything it reads: the version, the tag (a report handed to {@link #decodeOrder} is
 * named as such), every length against the bytes that remain, flags, task kinds and summary indices, UTF-8, and that
 * no bytes trail the message.
 * Any violation is an {@link IllegalArgumentException} starting with {@code "lmo wire: "}. Arrays are copied with
 * bulk little-endian view copies (a plain memory copy on little-endian hardware). Encoding refuses, with an
 * {@link IllegalArgumentException}, what could not come back exactly: a string with an unpaired surrogate, a
 * {@link lmo.particles.Gathered} with null or mismatched arrays, a null element in a list, a task without a kind or
 * whose summary index is neither -1 nor one of its order's summaries.
 *
 * <p>A message is one {@code byte[]}, so it is limited to 2 GiB; larger states must be sent as several messages.
 * Frames are much smaller than that: see {@link Chunker} and {@link BulkCodec} for how a message crosses Artery.
 */
public final class Wire {
    /** The format version written in byte 0; a decoder rejects any other. */
    public static final int VERSION = 6;

    static final int PARTIALS = 1;
    static final int APPLY = 2;
    static final int NORMALIZE = 3;
    static final int ROLLBACK = 4;
    static final int COLLECT = 5;
    static final int TASKS = 6;
    static final int PICK = 7;
    static final int SHARD_REPORT = 16;
    static final int BLOCK_STATES = 32;

    /** Bytes of the version and tag. */
    static final int HEADER = 2;

    private Wire() {}

    public static byte[] encode(Order order) {
        if (order == null) throw new IllegalArgumentException("lmo wire: order is null");
        WireWriter w = start(OrderCodec.size(order), OrderCodec.tag(order));
        OrderCodec.write(w, order);
        return w.done();
    }

    public static Order decodeOrder(byte[] bytes) {
        WireReader r = new WireReader(bytes, "Order");
        int tag = header(r);
        if (!OrderCodec.isOrder(tag)) throw wrongKind(tag, "an Order");
        r.rename(name(tag));
        Order order = OrderCodec.read(r, tag);
        r.end();
        return order;
    }

    public static byte[] encode(ShardReport report) {
        if (report == null) throw new IllegalArgumentException("lmo wire: report is null");
        WireWriter w = start(ReportCodec.size(report), SHARD_REPORT);
        ReportCodec.write(w, report);
        return w.done();
    }

    public static ShardReport decodeReport(byte[] bytes) {
        WireReader r = new WireReader(bytes, "ShardReport");
        int tag = header(r);
        if (tag != SHARD_REPORT) throw wrongKind(tag, "a ShardReport");
        ShardReport report = ReportCodec.read(r);
        r.end();
        return report;
    }

    public static byte[] encode(BlockStates states) {
        if (states == null) throw new IllegalArgumentException("lmo wire: block states are null");
        WireWriter w = start(BlockStatesCodec.size(states), BLOCK_STATES);
        BlockStatesCodec.write(w, states);
        return w.done();
    }

    public static BlockStates decodeBlocks(byte[] bytes) {
        WireReader r = new WireReader(bytes, "BlockStates");
        int tag = header(r);
        if (tag != BLOCK_STATES) throw wrongKind(tag, "a BlockStates");
        BlockStates states = BlockStatesCodec.read(r);
        r.end();
        return states;
    }

    /**
     * Decodes whichever message {@code bytes} holds: an {@link Order}, a {@link ShardReport} or a
     * {@link BlockStates} (for a receiver that accepts several kinds; dispatch with {@code instanceof}).
     */
    public static Object decode(byte[] bytes) {
        WireReader r = new WireReader(bytes, "message");
        int tag = header(r);
        r.rename(name(tag));
        Object message;
        if (OrderCodec.isOrder(tag)) {
            message = OrderCodec.read(r, tag);
        } else if (tag == SHARD_REPORT) {
            message = ReportCodec.read(r);
        } else if (tag == BLOCK_STATES) {
            message = BlockStatesCodec.read(r);
        } else {
            throw new IllegalArgumentException("lmo wire: unknown tag " + tag);
        }
        r.end();
        return message;
    }

    private static WireWriter start(long bodySize, int tag) {
        WireWriter w = new WireWriter(HEADER + bodySize);
        w.i8(VERSION);
        w.i8(tag);
        return w;
    }

    private static int header(WireReader r) {
        int version = r.i8("version");
        if (version != VERSION) {
            throw new IllegalArgumentException("lmo wire: version " + version + " is not supported (this build reads "
                    + VERSION + ")");
        }
        return r.i8("tag");
    }

    private static IllegalArgumentException wrongKind(int tag, String expected) {
        return new IllegalArgumentException("lmo wire: tag " + tag + " (" + name(tag) + ") is not " + expected);
    }

    static String name(int tag) {
        switch (tag) {
            case PARTIALS: return "Order.Partials";
            case APPLY: return "Order.Apply";
            case NORMALIZE: return "Order.Normalize";
            case ROLLBACK: return "Order.Rollback";
            case COLLECT: return "Order.Collect";
            case TASKS: return "Order.Tasks";
            case PICK: return "Order.Pick";
            case SHARD_REPORT: return "ShardReport";
            case BLOCK_STATES: return "BlockStates";
            default: return "unknown tag";
        }
    }
}
