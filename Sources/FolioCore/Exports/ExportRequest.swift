import FolioSupport

/// What an export is asked for: the documents `documents list` would list with the same
/// filter (one filter type, `DocumentFilter`: a filter added to the list is an export filter
/// too; its sort plays no part, the archive has its own order), the RIDE of each or not, and
/// whether every date is meant. A filter without a date range is refused unless `allTime`
/// says so, so that a forgotten `from`/`to` never exports a tenant's whole history by accident.
public struct ExportRequest: Sendable, Equatable {
    public var filter: DocumentFilter
    public var includeRide: Bool
    public var allTime: Bool

    public init(filter: DocumentFilter, includeRide: Bool = false, allTime: Bool = false) {
        self.filter = filter
        self.includeRide = includeRide
        self.allTime = allTime
    }

    /// Checks what needs no store: a period given or every date asked for, not both.
    func checkPeriod() throws(FolioError) {
        let dated = filter.from != nil || filter.to != nil
        if dated && allTime {
            throw .validation("a date range and every date were both asked for; give one of them", field: "allTime",
                              remedy: .chooseExportPeriod)
        }
        if !dated && !allTime {
            throw .validation("no emission dates given: an export covers a date range, or every date when that is asked for explicitly",
                              field: "filter.from", remedy: .chooseExportPeriod)
        }
    }

    /// The filters as the manifest and the export's row record them: handles resolved to ids
    /// (the same export asked by e-mail or by id is the same archive), every filter named,
    /// unset ones null, amounts as given.
    func filtersJSON(tenantId: String, issuerId: String?) -> JSONValue {
        let f = filter
        func text(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
        return .object([
            JSONMember("tenant", .string(tenantId)),
            JSONMember("issuer", text(issuerId)),
            JSONMember("documentType", text(f.documentType)),
            JSONMember("status", text(f.status?.rawValue)),
            JSONMember("from", text(f.from?.iso)),
            JSONMember("to", text(f.to?.iso)),
            JSONMember("allTime", .bool(allTime)),
            JSONMember("buyer", text(f.buyerIdentification)),
            JSONMember("buyerName", text(f.buyerName)),
            JSONMember("minTotal", text(f.minTotal?.description)),
            JSONMember("maxTotal", text(f.maxTotal?.description)),
            JSONMember("accessKeyPrefix", text(f.accessKeyPrefix)),
            JSONMember("includeRide", .bool(includeRide)),
        ])
    }
}
