#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as its bytes (4 or 16); an IPv4-mapped IPv6 address
/// (`::ffff:192.0.2.1`, as a dual-stack socket reports IPv4 peers) is the IPv4 address.
struct IPAddress: Hashable, Sendable {
    let bytes: [UInt8]

    /// Reads `192.0.2.1`, `2001:db8::1`, and the forms found in `X-Forwarded-For`:
    /// `[2001:db8::1]`, `[2001:db8::1]:443`, `192.0.2.1:443`. Nil for anything else.
    init?(_ text: some StringProtocol) {
        var text = String(text.trimmingWhitespace())
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            text = String(text[text.index(after: text.startIndex) ..< close])
        } else if text.contains("."), let colon = text.firstIndex(of: ":"), text.filter({ $0 == ":" }).count == 1 {
            text = String(text[..<colon])
        }
        // The address structs are read as their bytes (network order) right where they
        // lie, inside the closures only.
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let all = withUnsafeBytes(of: v6) { Array($0) }
        bytes = all[..<12].elementsEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]) ? Array(all[12...]) : all
    }

    init(bytes: [UInt8]) { self.bytes = bytes }

    var isV4: Bool { bytes.count == 4 }

    /// The text form (`inet_ntop`'s: `192.0.2.1`, `2001:db8::1`).
    var text: String {
        var buffer = [CChar](repeating: 0, count: 64)
        var copy = bytes
        let family = isV4 ? AF_INET : AF_INET6
        // inet_ntop reads 4 or 16 bytes (the family says which; `bytes` has that many) and
        // writes at most `buffer.count` bytes with the NUL, during the call only.
        return copy.withUnsafeMutableBytes { raw in
            guard inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) != nil else { return "?" }
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
    }

    /// The first `length` bits, the rest zero.
    func masked(to length: Int) -> IPAddress {
        var result = bytes
        for index in result.indices {
            let bitsHere = min(8, max(0, length - index * 8))
            result[index] &= bitsHere == 8 ? 0xFF : ~(0xFF >> bitsHere)
        }
        return IPAddress(bytes: result)
    }
}

extension StringProtocol {
    fileprivate func trimmingWhitespace() -> SubSequence {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return self[start ..< Swift.max(start, end)]
    }
}

/// A peer whose `X-Forwarded-For` is believed: one address (`127.0.0.1`) or a range in
/// CIDR notation (`10.0.0.0/8`, `fd00::/8`). `kamerzoek serve --trusted-proxy`.
public struct TrustedProxy: Sendable, Equatable, CustomStringConvertible {
    let network: IPAddress
    let prefixLength: Int

    public static let loopbackV4 = TrustedProxy("127.0.0.1")!
    public static let loopbackV6 = TrustedProxy("::1")!

    /// Nil for text that is not an address or a range.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2, let address = IPAddress(parts[0]) else { return nil }
        let bits = address.bytes.count * 8
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0 ... bits).contains(length) else { return nil }
            prefixLength = length
        } else {
            prefixLength = bits
        }
        network = address.masked(to: prefixLength)
    }

    func contains(_ address: IPAddress) -> Bool {
        address.bytes.count == network.bytes.count && address.masked(to: prefixLength) == network
    }

    public var description: String {
        prefixLength == network.bytes.count * 8 ? network.text : "\(network.text)/\(prefixLength)"
    }
}

/// Who a request counts against for ``SearchLimits/perClient``.
///
/// The peer's address, unless the peer is a trusted proxy: then `X-Forwarded-For`, read
/// from the right (the entry the proxy itself added) leftwards past further trusted
/// proxies, to the first address that is not one. A client can write anything into the
/// header it sends, and a proxy such as nginx with `$proxy_add_x_forwarded_for` appends
/// the real peer to whatever came in, so only the entries that trusted proxies added are
/// believed, never the header of a peer that is not a trusted proxy. An entry that is not
/// an address ends the walk there (the last address believed counts).
///
/// IPv6 clients count by their /64 network, since one host usually holds a whole /64 and
/// could otherwise take a new address per request.
enum ClientAddress {
    static func key(peer: String?, forwardedFor: [String], trusted: [TrustedProxy]) -> String {
        guard let peer else { return "unknown" }
        guard var client = IPAddress(peer) else { return peer }
        if isTrusted(client, trusted) {
            let entries = forwardedFor.flatMap { $0.split(separator: ",") }
            for entry in entries.reversed() {
                guard let address = IPAddress(entry) else { break }
                client = address
                if !isTrusted(address, trusted) { break }
            }
        }
        return client.isV4 ? client.text : client.masked(to: 64).text + "/64"
    }

    private static func isTrusted(_ address: IPAddress, _ trusted: [TrustedProxy]) -> Bool {
        trusted.contains { $0.contains(address) }
    }
}
