import FolioSupport

/// Splits an amount rounded to the cent over parts whose exact values add up to it before
/// rounding, so that the rounded parts add up to the rounded whole: the largest remainder method.
///
/// With `eᵢ` the exact parts (all ≥ 0), `rᵢ = round(eᵢ)` (half-up, cents) and `T = round(Σ eᵢ)`,
/// the residual `k = T − Σ rᵢ` (in cents) goes one cent at a time to the parts that rounding
/// treated worst: for `k > 0` a cent is added to the `k` parts with the largest `eᵢ − rᵢ`, for
/// `k < 0` one is taken from the `|k|` parts with the smallest; equal remainders go to the
/// earlier part. Nothing depends on anything but the inputs and their order.
///
/// Why every part stays within a cent of its exact value (docs/invoice-input.md has it too):
/// in cents, `dᵢ = eᵢ − rᵢ ∈ [−½, ½)` and, since `Σ rᵢ` is a whole number of cents,
/// `k = round(Σ dᵢ)`, i.e. `k − ½ ≤ Σ dᵢ < k + ½`. If `k > 0` and fewer than `k` parts had
/// `dᵢ > 0`, then `Σ dᵢ < (k − 1)/2 ≤ k − ½` (or `Σ dᵢ ≤ 0` when none had), a contradiction;
/// so the `k` parts that get a cent all have `dᵢ > 0`, and `eᵢ − (rᵢ + 1) = dᵢ − 1 ∈ (−1, −½)`.
/// Symmetrically, for `k < 0` at least `|k|` parts have `dᵢ < 0` (else
/// `Σ dᵢ ≥ −(|k| − 1)/2 ≥ ½ − |k| > Σ dᵢ`), and `eᵢ − (rᵢ − 1) = dᵢ + 1 ∈ [½, 1)`. Each part
/// is therefore `eᵢ` rounded either down or up to the cent: less than 0.01 away, never negative,
/// and a part whose exact value is a whole number of cents (0 included) never moves.
enum CentDistribution {
    /// The parts, in input order, each `exact[i]` rounded down or up to the cent, adding up to
    /// `round(Σ exact)`. `exact` must not be empty nor hold a negative value.
    static func distribute(_ exact: [ExactDecimal]) throws(ExactDecimalError) -> [ExactDecimal] {
        precondition(!exact.isEmpty, "nothing to distribute over")
        let total = try sum(exact).rounded(scale: 2)
        var parts = exact.map { $0.rounded(scale: 2) }
        var remainders: [ExactDecimal] = []
        remainders.reserveCapacity(exact.count)
        for (e, r) in zip(exact, parts) { remainders.append(try e - r) }
        let residual = try cents(total - sum(parts))

        if residual != 0 {
            let order = parts.indices.sorted { a, b in
                if remainders[a] != remainders[b] {
                    return residual > 0 ? remainders[a] > remainders[b] : remainders[a] < remainders[b]
                }
                return a < b
            }
            let cent = try ExactDecimal(significand: residual > 0 ? 1 : -1, scale: 2)
            precondition(residual.magnitude <= UInt128(order.count), "residual of \(residual) cents over \(order.count) parts")
            for index in order.prefix(Int(residual.magnitude)) { parts[index] = try parts[index] + cent }
        }

        // The proof above, checked: a failure here is a defect, never a property of the input.
        let oneCent = try ExactDecimal(significand: 1, scale: 2)
        for (e, p) in zip(exact, parts) {
            precondition(!e.isNegative, "negative part \(e)")
            let (over, under) = try (p - e, e - p)
            precondition(over < oneCent && under < oneCent && !p.isNegative, "part \(p) is not within a cent of \(e)")
        }
        let partsSum = try sum(parts)
        precondition(partsSum == total, "parts add up to \(partsSum), not \(total)")
        return parts
    }

    static func sum(_ values: [ExactDecimal]) throws(ExactDecimalError) -> ExactDecimal {
        var total = ExactDecimal.zero
        for value in values { total = try total + value }
        return total
    }

    /// A whole number of cents (`-0.02` → -2); `amount` has at most 2 places.
    static func cents(_ amount: ExactDecimal) throws(ExactDecimalError) -> Int128 {
        let scaled = try (amount * ExactDecimal(100)).normalized
        precondition(scaled.scale == 0, "\(amount) is not a whole number of cents")
        return scaled.significand
    }
}
