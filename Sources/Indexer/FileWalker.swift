import Foundation

/// Finds the files under the roots given to `kamerzoek index`.
///
/// Rules: hidden files and folders are skipped; symbolic links to files
/// are followed, links to folders are not (no loops); `metadata.xml` sidecars are read with
/// their document, not on their own; `README*` files describe a folder and are not
/// documents. Anything that cannot be listed becomes a warning, not an abort.
struct FileWalker {
    struct Result {
        var files: [SourceFile] = []
        var warnings: [String] = []
    }

    /// A root that does not exist is an error: the user named it, and a typo must not
    /// look like "everything under it was deleted" (which would prune the index).
    struct MissingRoot: Error, CustomStringConvertible {
        var path: String
        var description: String { "Cannot index \(path): no such file or folder." }
    }

    /// A folder by identity (device and inode), however a path spells it.
    struct FolderIdentity: Hashable {
        var device: UInt64
        var inode: UInt64

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
        }
    }

    /// `excluding`: folders never entered, such as the index's own folder when it lies
    /// under a root (`kamerzoek index .`); its files are not documents, and its lock file,
    /// being text, would otherwise be re-indexed on every run.
    static func walk(_ roots: [String], excluding excludedFolders: [String] = []) throws -> Result {
        var result = Result()
        var seen = Set<String>()
        var excluded = Set<FolderIdentity>()
        for folder in excludedFolders {
            var status = stat()
            if stat(folder, &status) == 0 { excluded.insert(FolderIdentity(status)) }
        }
        for root in roots {
            let normalized = normalize(root)
            var status = stat()
            guard stat(normalized, &status) == 0 else { throw MissingRoot(path: root) }
            if status.st_mode & S_IFMT == S_IFDIR {
                guard !excluded.contains(FolderIdentity(status)) else { continue }
                walkDirectory(normalized, root: normalized, into: &result, seen: &seen, excluded: excluded)
            } else {
                // A single file: its id is relative to the folder it sits in.
                let parent = (normalized as NSString).deletingLastPathComponent
                add(normalized, root: parent.isEmpty ? "." : parent, status: status, into: &result, seen: &seen)
            }
        }
        return result
    }

    private static func walkDirectory(_ directory: String, root: String, into result: inout Result, seen: inout Set<String>, excluded: Set<FolderIdentity>) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            result.warnings.append("\(directory): cannot list this folder (\(error.localizedDescription)); its files were left as they are.")
            return
        }
        for name in names where !isHidden(name) {
            let path = directory == "." ? name : "\(directory)/\(name)"
            var status = stat()
            guard lstat(path, &status) == 0 else {
                result.warnings.append("\(path): cannot read its attributes (\(String(cString: strerror(errno)))).")
                continue
            }
            switch status.st_mode & S_IFMT {
            case S_IFDIR:
                guard !excluded.contains(FolderIdentity(status)) else { continue }
                walkDirectory(path, root: root, into: &result, seen: &seen, excluded: excluded)
            case S_IFLNK:
                var target = stat()
                if stat(path, &target) != 0 {
                    result.warnings.append("\(path): a link to nothing readable (\(String(cString: strerror(errno)))); skipped.")
                } else if target.st_mode & S_IFMT == S_IFREG {
                    add(path, root: root, status: target, into: &result, seen: &seen)
                } else if target.st_mode & S_IFMT == S_IFDIR {
                    result.warnings.append("\(path): a link to a folder; not followed (links could loop).")
                }
            case S_IFREG:
                guard !isNotADocument(name) else { continue }
                add(path, root: root, status: status, into: &result, seen: &seen)
            default:
                result.warnings.append("\(path): not a regular file (a device, socket or pipe); skipped.")
            }
        }
    }

    private static func add(_ path: String, root: String, status: stat, into result: inout Result, seen: inout Set<String>) {
        guard seen.insert(path).inserted else { return }
        let nanoseconds = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        result.files.append(SourceFile(path: path, root: root, size: UInt64(status.st_size), modificationTime: nanoseconds))
    }

    /// `X/metadata.xml` and `X.metadata.xml` belong to `X.xml` (docs/INGEST.md, "XML").
    static func isSidecar(_ name: String) -> Bool {
        name == "metadata.xml" || name.hasSuffix(".metadata.xml")
    }

    // The skip rules, in one place: the walk applies them, and pruning asks them of a
    // path it no longer saw (``isWalkable(_:)``).

    /// Hidden files and folders are never entered.
    static func isHidden(_ name: String) -> Bool { name.hasPrefix(".") }

    /// A regular file that is read with another (a sidecar) or describes its folder (a README).
    static func isNotADocument(_ name: String) -> Bool { isSidecar(name) || name.hasPrefix("README") }

    /// Whether the walker would visit `path` (no hidden part, not a sidecar or README).
    static func isWalkable(_ path: String) -> Bool {
        let name = (path as NSString).lastPathComponent
        return !path.split(separator: "/").contains { isHidden(String($0)) && $0 != "." && $0 != ".." } && !isNotADocument(name)
    }

    /// `./Corpus//a.txt` → `Corpus/a.txt`; absolute paths under the working directory
    /// become relative, so the same file is one source however it was named.
    static func normalize(_ path: String) -> String {
        let working = FileManager.default.currentDirectoryPath
        var absolute = path.hasPrefix("/") ? path : working + "/" + path
        absolute = (absolute as NSString).standardizingPath
        if absolute == working { return "." }
        if absolute.hasPrefix(working + "/") { return String(absolute.dropFirst(working.count + 1)) }
        return absolute
    }
}
