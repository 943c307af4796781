import Foundation
import KioskAPI

// One JSON object per line: where the contract declares the sample's schema, and the sample
// as the daemon or a client encodes it. Read by scripts/check-api-contract.
for sample in try APISamples.all() {
    let line: [String: String] = ["method": sample.method, "path": sample.path, "status": sample.status, "name": sample.name]
    var text = try APICoding.string(line)
    text.removeLast()   // the closing brace: the sample goes in as raw JSON, not as a string
    print(text + ",\"value\":" + sample.json + "}")
}
