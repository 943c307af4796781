import Foundation
import GRDB

/// The data directory's own files a journal backup carries beside the events: the daemon's
/// tokens (`tokens.json`) and the delivery-report key (`dlr.key`). Without them a hall restored
/// on a new machine would need every device's token issued again and every delivery report in
/// flight refused. Kept in the backup file's table `backup_file` (the backup is 0600, as they
/// are); a restore writes each back only where the directory has none, and the restored journal
/// does not keep the table.
enum BackupFiles {
    /// The files carried, by their name in the data directory.
    static let names = ["tokens.json", "dlr.key"]

    /// Copies the files of `dataDirectory` that exist into the backup `db`; returns their names.
    static func store(from dataDirectory: String, in db: Database) throws -> [String] {
        try db.execute(sql: "CREATE TABLE backup_file (name TEXT PRIMARY KEY, content BLOB NOT NULL)")
        var stored: [String] = []
        for name in names {
            guard let content = FileManager.default.contents(atPath: dataDirectory + "/" + name) else { continue }
            try db.execute(sql: "INSERT INTO backup_file (name, content) VALUES (?, ?)", arguments: [name, content])
            stored.append(name)
        }
        return stored
    }

    /// The files a backup carries (none for one taken before backups carried them).
    static func read(backup path: String) throws -> [(name: String, content: Data)] {
        var configuration = Configuration()
        configuration.readonly = true
        let backup = try DatabaseQueue(path: path, configuration: configuration)
        defer { try? backup.close() }
        return try backup.read { db in
            guard try db.tableExists("backup_file") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT name, content FROM backup_file ORDER BY name").compactMap { row in
                let name: String = row["name"]
                // Only the names a backup writes: a crafted file must not place others.
                return names.contains(name) ? (name, row["content"]) : nil
            }
        }
    }

    /// Drops the table from a journal about to be restored: the journal holds events, the
    /// directory its files.
    static func drop(in journal: String) throws {
        let queue = try DatabaseQueue(path: journal)
        defer { try? queue.close() }
        try queue.write { db in try db.execute(sql: "DROP TABLE IF EXISTS backup_file") }
    }
}
