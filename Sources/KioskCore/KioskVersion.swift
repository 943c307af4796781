/// Kiosk's release number (`kiosk --version` adds the commit it was built from). Raise it
/// when a release is handed to halls; the journal's format is versioned by its migrations.
public enum KioskVersion {
    public static let number = "0.1.0"
}
