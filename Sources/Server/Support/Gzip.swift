internal import CZlib

/// gzip (RFC 1952) in one call, for response bodies: zlib's deflate with the gzip wrapper
/// (window bits 15 + 16), at zlib's default level, which on JSON and HTML of this size
/// costs well under a millisecond.
enum Gzip {
    static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        // deflateInit2 is a macro; this is what it expands to.
        let started = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        // Fails only for bad arguments or no memory, never for any input.
        precondition(started == Z_OK, "zlib deflateInit2 failed with status \(started)")
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, uLong(input.count)))
        var output = [UInt8](repeating: 0, count: capacity)
        // zlib reads `avail_in` bytes at `next_in` (never writes them: the field lacks
        // `const` only in its C declaration) and writes at most `avail_out` at `next_out`.
        // Both pointers are valid only inside these closures, so they are cleared before
        // the closures return; deflateEnd does not read them. An empty input may have no
        // address: zlib accepts a null `next_in` when `avail_in` is 0.
        let status: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { destination in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = destination.baseAddress
                stream.avail_out = uInt(destination.count)
                defer {
                    stream.next_in = nil
                    stream.next_out = nil
                }
                return deflate(&stream, Z_FINISH)
            }
        }
        // deflateBound leaves room for everything, so one call finishes the stream.
        precondition(status == Z_STREAM_END, "zlib deflate did not finish: status \(status)")
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }
}
