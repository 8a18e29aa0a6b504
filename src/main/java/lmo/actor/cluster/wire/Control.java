package lmo.actor.cluster.wire;

/**
 * A small control message between JVMs (placement, hosting, failures), serialized with Jackson CBOR: the
 * cluster configuration binds {@code "lmo.actor.cluster.wire.Control" = jackson-cbor}. Bulk arrays never travel this way;
 * they go as {@link Chunk}s.
 */
public interface Control {}
