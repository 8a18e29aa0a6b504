/**
 * lmo's cross-JVM wire for bulk messages: raw little-endian bytes, cut into frame-sized chunks.
 *
 * <pre>
 *   Order / ShardReport / BlockStates
 *        | Wire.encode                      (version byte, type tag, body; layouts in {@link lmo.actor.cluster.wire.Wire})
 *   byte[] payload (up to 2 GiB)
 *        | Chunker.split / BulkCodec.chunks (192 KiB pieces for the default 256 KiB Artery frame)
 *   Chunk(source, transfer, index, total, data)  -- wrapped as record X(Chunk chunk) implements Protocol, Bulk
 *        | ChunkSerializer (id 3142, bound to Bulk in lmo-wire.conf): header + raw data into the Artery frame
 *   ...Artery TCP...
 *        | ChunkSerializer: rebuilds the wrapper through its (Chunk) constructor
 *   Reassembler.accept (one per receiving actor) -> byte[] payload when the last piece arrives
 *        | Wire.decode / decodeOrder / decodeReport / decodeBlocks
 *   Order / ShardReport / BlockStates, bit for bit
 * </pre>
 *
 * <p>Small control messages (registration, acknowledgements, failures) are not for this package: they go as
 * Jackson CBOR records. A class must not be bound to both (do not let a {@link lmo.actor.cluster.wire.Bulk} wrapper
 * implement the CBOR marker interface).
 */
package lmo.actor.cluster.wire;
