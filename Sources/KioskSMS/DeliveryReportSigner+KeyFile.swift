extension DeliveryReportSigner {
    /// The key file's name in the data directory.
    public static let keyFileName = "dlr.key"
    public typealias KeyFileError = SecretKeyFile.Failure

    /// The signer for the daemon whose data directory is `directory`: its key from `dlr.key`
    /// (hex), or a fresh random key written there (`SecretKeyFile`).
    public static func loadOrCreate(dataDirectory directory: String) throws -> DeliveryReportSigner {
        DeliveryReportSigner(key: try SecretKeyFile.loadOrCreate(
            directory: directory, name: keyFileName, length: keyLength,
            consequence: "reports for messages already sent will then be refused"
        ))
    }
}
