/// What a RIDE (Representación Impresa del Documento Electrónico) shows, as the texts to print:
/// amounts are the document's own decimal texts, never recomputed, and every label is already
/// in words. The reader of the signed XML fills it; `RIDERenderer` lays it out.
public struct RIDE: Sendable, Equatable {
    public struct Issuer: Sendable, Equatable {
        public var legalName: String
        public var tradeName: String?
        public var ruc: String
        public var headOfficeAddress: String
        public var establishmentAddress: String?
        public var specialTaxpayer: String?
        /// "SI" or "NO" as the document says; nil when it does not.
        public var keepsAccounts: String?

        public init(legalName: String, tradeName: String?, ruc: String, headOfficeAddress: String,
                    establishmentAddress: String?, specialTaxpayer: String?, keepsAccounts: String?) {
            self.legalName = legalName
            self.tradeName = tradeName
            self.ruc = ruc
            self.headOfficeAddress = headOfficeAddress
            self.establishmentAddress = establishmentAddress
            self.specialTaxpayer = specialTaxpayer
            self.keepsAccounts = keepsAccounts
        }
    }

    public struct Buyer: Sendable, Equatable {
        public var name: String
        public var identification: String
        public var address: String?
        public var issueDate: String

        public init(name: String, identification: String, address: String?, issueDate: String) {
            self.name = name
            self.identification = identification
            self.address = address
            self.issueDate = issueDate
        }
    }

    /// A name and a value: an additional field, an item's detail.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    public struct Item: Sendable, Equatable {
        public var code: String
        public var auxiliaryCode: String?
        public var description: String
        public var quantity: String
        public var unitPrice: String
        public var discount: String
        public var total: String
        public var details: [Field]

        public init(code: String, auxiliaryCode: String?, description: String, quantity: String, unitPrice: String,
                    discount: String, total: String, details: [Field]) {
            self.code = code
            self.auxiliaryCode = auxiliaryCode
            self.description = description
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.discount = discount
            self.total = total
            self.details = details
        }
    }

    /// A row of the totals block; `emphasized` prints it bold (the total).
    public struct Amount: Sendable, Equatable {
        public var label: String
        public var value: String
        public var emphasized: Bool
        public init(_ label: String, _ value: String, emphasized: Bool = false) {
            self.label = label
            self.value = value
            self.emphasized = emphasized
        }
    }

    public struct Payment: Sendable, Equatable {
        public var method: String
        public var amount: String
        /// "30 dias", when the payment has a term.
        public var term: String?
        public init(method: String, amount: String, term: String?) {
            self.method = method
            self.amount = amount
            self.term = term
        }
    }

    /// "FACTURA".
    public var title: String
    /// "001-001-000000042".
    public var number: String
    /// "PRUEBAS" or "PRODUCCIÓN".
    public var environment: String
    /// "NORMAL".
    public var emission: String
    public var accessKey: String
    public var authorizationNumber: String?
    public var authorizationDate: String?
    public var issuer: Issuer
    public var buyer: Buyer
    public var items: [Item]
    public var totals: [Amount]
    public var payments: [Payment]
    public var additionalFields: [Field]

    public init(title: String, number: String, environment: String, emission: String, accessKey: String,
                authorizationNumber: String?, authorizationDate: String?, issuer: Issuer, buyer: Buyer, items: [Item],
                totals: [Amount], payments: [Payment], additionalFields: [Field]) {
        self.title = title
        self.number = number
        self.environment = environment
        self.emission = emission
        self.accessKey = accessKey
        self.authorizationNumber = authorizationNumber
        self.authorizationDate = authorizationDate
        self.issuer = issuer
        self.buyer = buyer
        self.items = items
        self.totals = totals
        self.payments = payments
        self.additionalFields = additionalFields
    }
}
