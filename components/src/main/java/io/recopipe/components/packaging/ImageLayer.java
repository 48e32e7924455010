package io.recopipe.components.packaging;

/**
 * One layer blob of an image tarball, located and hashed, so image descriptions and extraction
 * agree on which bytes a layer is.
 *
 * @param entry the blob's path inside the tarball (e.g. {@code <hex>.tar.gz})
 * @param digest {@code sha256:…} of the blob as stored (compressed when it is)
 * @param size the blob size in bytes
 * @param diffId {@code sha256:…} of the uncompressed layer tar, from the config (may be empty)
 * @param compressed whether the blob is gzip-compressed
 */
public record ImageLayer(
    String entry, String digest, long size, String diffId, boolean compressed) {}
