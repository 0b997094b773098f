// swift-tools-version:6.0
// The safeguarding tool suite. No package dependencies, by the user's choice:
// Foundation and the toolchain's test libraries only.
import PackageDescription

let tools = ["nrm-referral", "age-assess", "missing-child", "care-plan", "csv-report"]

let package = Package(
    name: "Safeguard",
    products: [.library(name: "SafeguardCore", targets: ["SafeguardCore"])]
        + tools.map { .executable(name: $0, targets: [$0]) },
    targets: [
        // The rules: records, folds, codecs. It neither prints nor exits.
        .target(name: "SafeguardCore"),
        // The command-line layer: flags, help, man pages, prompts, standard output and error.
        .target(name: "SafeguardCLI", dependencies: ["SafeguardCore"]),
        .testTarget(name: "SafeguardCoreTests", dependencies: ["SafeguardCore", "SafeguardCLI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SafeguardCore"]),
    ] + tools.map { .executableTarget(name: $0, dependencies: ["SafeguardCore", "SafeguardCLI"]) }
)
