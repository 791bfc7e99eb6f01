import FolioCore
import FolioSupport

extension StoredDocument: Presentable {
    static var columns: [Column<StoredDocument>] {
        [
            Column("ID") { $0.id },
            Column("ACCESS KEY") { $0.accessKey },
            Column("NUMBER") { $0.number },
            Column("DATE") { $0.issueDate },
            Column(text: "BUYER") { $0.buyerName },
            Column("TOTAL") { $0.total },
            Column("STATUS") { $0.status.rawValue },
        ]
    }
}

extension DocumentVerification: Presentable {
    var id: String { accessKey ?? source }

    static var columns: [Column<DocumentVerification>] {
        [
            Column("SOURCE") { $0.source },
            Column("VALID") { $0.valid ? "yes" : "no" },
            Column("ALGORITHM") { $0.signatureAlgorithm },
            Column("REFERENCES") { String($0.referenceCount) },
            Column("SIGNED") { $0.signingTime?.rfc3339 ?? "" },
            Column(text: "CERTIFICATE") { $0.certificateSubject ?? "" },
            Column(text: "FAILURES") { $0.failures.joined(separator: "; ") },
        ]
    }
}

extension DecodedAccessKey: Presentable {
    var id: String { key }

    /// `YYYY-MM-DD` as the key spells it (even when that date does not exist).
    var isoDate: String {
        zeroPadded(fields.year, 4) + "-" + zeroPadded(fields.month, 2) + "-" + zeroPadded(fields.day, 2)
    }

    var json: JSONValue {
        .object([
            JSONMember("accessKey", .string(key)),
            JSONMember("date", .string(isoDate)),
            JSONMember("documentType", .string(fields.documentTypeCode)),
            JSONMember("documentTypeName", documentTypeName.map(JSONValue.string) ?? .null),
            JSONMember("ruc", .string(fields.ruc)),
            JSONMember("environment", .int(fields.environment)),
            JSONMember("environmentName", .string(fields.environment == 1 ? "sandbox" : fields.environment == 2 ? "production" : "unknown")),
            JSONMember("establishment", .string(fields.establishment)),
            JSONMember("emissionPoint", .string(fields.emissionPoint)),
            JSONMember("sequential", .int(fields.sequential)),
            JSONMember("number", .string(fields.documentNumber)),
            JSONMember("numericCode", .string(fields.numericCode)),
            JSONMember("emissionType", .int(fields.emissionType)),
            JSONMember("checkDigit", .int(checkDigit)),
            JSONMember("expectedCheckDigit", .int(expectedCheckDigit)),
            JSONMember("checkDigitValid", .bool(checkDigitValid)),
            JSONMember("problems", .array(problems.map(JSONValue.string))),
        ])
    }

    static var columns: [Column<DecodedAccessKey>] {
        [
            Column("DATE") { $0.isoDate },
            Column("TYPE") { $0.fields.documentTypeCode },
            Column("RUC") { $0.fields.ruc },
            Column("ENV") { String($0.fields.environment) },
            Column("NUMBER") { $0.fields.documentNumber },
            Column("CODE") { $0.fields.numericCode },
            Column("CHECK") { $0.checkDigitValid ? "ok (\($0.checkDigit))" : "bad (\($0.checkDigit), expected \($0.expectedCheckDigit))" },
        ]
    }
}
