package lmo.actor.cluster.wire;

/**
 * A message that crosses JVMs as one {@link Chunk}, serialized by {@link ChunkSerializer} (the config binds
 * {@code "lmo.actor.cluster.wire.Bulk" = lmo-chunk}). {@link Chunk} itself is one; an actor protocol makes its own with a
 * one-field record, so that chunks can be told to typed actors of any protocol:
 *
 * <pre>{@code
 * public record ShardChunk(Chunk chunk) implements Shard.Command, Bulk {}
 * }</pre>
 *
 * <p>Rules for such a wrapper (checked by the serializer the first time it meets the class, on each side):
 * <ul>
 *   <li>it implements {@code Bulk} and holds nothing but the chunk: only {@link #chunk()} travels;</li>
 *   <li>it has a constructor taking exactly one {@link Chunk} (a record with the single component
 *       {@code Chunk chunk} has it), which the receiving side calls to rebuild it;</li>
 *   <li>it is not also bound to another serializer (do not let it implement a Jackson marker interface), or Pekko
 *       would have two candidates for it;</li>
 *   <li>no registration: the serializer sends the wrapper's class name as the manifest and finds the constructor by
 *       reflection, once per class.</li>
 * </ul>
 */
public interface Bulk {
    /** The chunk this message carries. */
    Chunk chunk();
}
