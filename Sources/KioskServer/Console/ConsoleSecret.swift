import CLibCrypto

/// Comparing secrets (CSRF tokens) without telling an attacker, by the time it takes, how many
/// leading characters were right.
enum ConsoleSecret {
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count, !x.isEmpty else { return false }
        return CRYPTO_memcmp(x, y, x.count) == 0
    }
}
