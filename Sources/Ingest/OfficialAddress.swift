/// Where the official publication of a document lives, derived from an identifier the
/// document states. Only identifiers whose publisher has a stable address scheme count:
/// KOOP publications (officielebekendmakingen.nl), court decisions by ECLI
/// (rechtspraak.nl's deeplink service) and BWB laws (wetten.overheid.nl). Nothing is
/// guessed: a document without such an identifier has no URL.
enum OfficialAddress {
    /// KOOP identifier prefixes: Kamerstukken, Kamervragen and answers, Handelingen,
    /// and the official gazettes (Staatsblad, Staatscourant, Gemeenteblad, Provinciaal
    /// blad, Waterschapsblad, Blad gemeenschappelijke regeling, Tractatenblad).
    static let koopPrefixes = [
        "kst-", "ah-tk-", "ah-ek-", "kv-tk-", "kv-ek-", "h-tk-", "h-ek-", "blg-", "stb-", "stcrt-", "gmb-", "prb-",
        "wsb-", "bgr-", "trb-",
    ]

    static func isKOOPIdentifier(_ identifier: String) -> Bool {
        koopPrefixes.contains { identifier.hasPrefix($0) } && identifier.utf8.count <= 64
            && identifier.utf8.allSatisfy { ($0 < 0x80 && ByteClass.isLetter($0)) || ByteClass.isDigit($0) || $0 == UInt8(ascii: "-") }
    }

    static func koop(_ identifier: String) -> String {
        "https://zoek.officielebekendmakingen.nl/\(identifier).html"
    }

    /// `ECLI:NL:HR:2019:123` → the rechtspraak.nl deeplink.
    static func ecli(_ ecli: String) -> String? {
        guard ecli.hasPrefix("ECLI:"), ecli.split(separator: ":").count == 5 else { return nil }
        return "https://deeplink.rechtspraak.nl/uitspraak?id=\(ecli)"
    }

    /// A BWB id (`BWBR0002458`), with the version date when the file is one version.
    static func bwb(_ identifier: String, version date: String?) -> String? {
        guard identifier.hasPrefix("BWB"), identifier.utf8.count == 11 else { return nil }
        return "https://wetten.overheid.nl/\(identifier)" + (date.map { "/\($0)" } ?? "")
    }

    /// A Kamerstuk by dossier and number (`28345`, `252`), as its footer names it; a
    /// dossier with a roman-numeral part (`36200 XV`) is written with a dash.
    static func kamerstuk(dossier: String, number: String) -> String? {
        let dossierPart = dossier.split(separator: " ").joined(separator: "-")
        let identifier = "kst-\(dossierPart)-\(number)"
        return isKOOPIdentifier(identifier) ? koop(identifier) : nil
    }

    /// The address for what a reader found, in order of trust: an address the file
    /// states, its KOOP identifier, an ECLI, a BWB id, its own Kamerstuk number.
    static func derive(id: String, metadata: DocumentMetadata) -> String? {
        if let url = metadata.url { return url }
        if let identifier = metadata.identifier ?? (isKOOPIdentifier(id) ? id : nil), isKOOPIdentifier(identifier) {
            return koop(identifier)
        }
        for identifier in metadata.identifiers {
            if let url = ecli(identifier) ?? bwb(identifier, version: metadata.version) { return url }
        }
        if let identifier = metadata.identifiers.first(where: isKOOPIdentifier) { return koop(identifier) }
        if metadata.ownKamerstuk, let dossier = metadata.dossiers.first, let number = metadata.documentNumber {
            return kamerstuk(dossier: dossier, number: number)
        }
        return nil
    }
}
