import Foundation

/// External programs that some tests use as independent verifiers (xmlsec1, signxml, bash, zsh,
/// fish, mandoc, unzip, pdftotext…).
///
/// Locally a missing tool skips its test with a visible notice; with `FOLIO_REQUIRE_TOOLS=1`
/// (set by `.ci/run`) the test runs anyway and fails, so CI can never pass by skipping.
public enum ExternalTool {
    /// Whether tests must not skip for a missing tool.
    public static var required: Bool {
        ProcessInfo.processInfo.environment["FOLIO_REQUIRE_TOOLS"] == "1"
    }

    /// The absolute path of `name` on PATH, if installed.
    public static func path(_ name: String) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for dir in dirs {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Use as `.enabled(if: ExternalTool.shouldRun("xmlsec1"), "needs xmlsec1")`: true when the tool
    /// is installed or when CI requires it (then the test fails loudly instead of skipping).
    public static func shouldRun(_ name: String) -> Bool {
        if path(name) != nil { return true }
        if required { return true }
        FileHandle.standardError.write(Data("notice: skipping tests that need '\(name)': not installed (CI installs it)\n".utf8))
        return false
    }

    /// Whether a Python module can be imported (for signxml).
    public static func pythonModuleAvailable(_ module: String) -> Bool {
        guard let python = path("python3") else { return false }
        let result = try? ProcessRunner.run([python, "-c", "import \(module)"])
        return result?.status == 0
    }

    /// Like `shouldRun`, for a Python module.
    public static func shouldRunPython(_ module: String) -> Bool {
        if pythonModuleAvailable(module) || required { return true }
        FileHandle.standardError.write(Data("notice: skipping tests that need Python module '\(module)': not installed (CI installs it)\n".utf8))
        return false
    }
}
