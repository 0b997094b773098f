/// The person referred. `id` is pseudonymous; name and date of birth are personal data.
public struct Subject: Equatable, Sendable {
    public let id: RecordID
    public let name: String?
    public let age: StatedAge
    public let ageDisputed: Bool
    public let sex: Sex
    public let nationality: Country?
    public let languages: [LanguageTag]
    public let interpreterNeeded: Bool

    public init(id: RecordID, name: String?, age: StatedAge, ageDisputed: Bool, sex: Sex,
                nationality: Country?, languages: [LanguageTag], interpreterNeeded: Bool) {
        self.id = id
        self.name = name
        self.age = age
        self.ageDisputed = ageDisputed
        self.sex = sex
        self.nationality = nationality
        self.languages = languages
        self.interpreterNeeded = interpreterNeeded
    }
}

/// Consent to the referral. A child's is not required (CHESHIRE: a child
/// cannot consent to their own exploitation); an adult's must be signed (HESTIA).
public enum Consent: Equatable, Sendable {
    case notRequiredChild
    case signed(on: CivilDate)
}

/// Why a referral cannot be made.
public enum ReferralRefusal: Error, Equatable, CustomStringConvertible {
    /// An adult who has not signed consent: make a duty-to-notify record instead.
    case adultWithoutConsent
    case bornAfterReferral
    case noExploitationType
    case consentSignedAfterReferral
    case countyLinesWithoutCriminal

    public var description: String {
        switch self {
        case .adultWithoutConsent:
            return "an adult can be referred to the NRM only with consent, given by signing the referral form (HESTIA); without it, make an anonymous duty-to-notify record with 'nrm-referral notify'"
        case .bornAfterReferral: return "the date of birth is after the referral date"
        case .noExploitationType: return "give at least one exploitation type (not-specified if unknown)"
        case .consentSignedAfterReferral: return "consent is signed after the referral date; a referral needs consent when it is made"
        case .countyLinesWithoutCriminal: return "county lines is a form of criminal exploitation: add criminal to the exploitation types, or leave out the county-lines flag"
        }
    }
}

/// A referral to the National Referral Mechanism. The only way to build one
/// checks the consent rule, so an adult referral without consent cannot exist.
public struct Referral: Record, Equatable, Sendable {
    public static let kind = "referral"
    public static let fields = ["id", "received", "first-responder", "competent-authority", "subject",
                                "treated-as", "age-basis", "age-assessment", "exploitation", "county-lines", "indicators", "consent", "account"]

    public let id: RecordID
    public let received: CivilDate
    public let firstResponder: FirstResponder
    public let competentAuthority: CompetentAuthority?
    public let subject: Subject
    public let ageBasis: AgeBasis
    /// The sound age assessment that settled a disputed age, when one did.
    public let ageAssessment: RecordID?
    public let exploitation: [ExploitationType]
    /// A county lines case, flagged as the Home Office statistics flag it since 2019
    /// (DOMAIN "Current practice"); written only when true, so older records read the same.
    public let countyLines: Bool
    public let indicators: [String]
    public let consent: Consent
    /// The free-text account: personal data.
    public let account: String?

    public var treatedAs: AgeGroup { ageBasis.treatedAs }

    /// `consentSignedOn` is the date the subject signed the form, if they did.
    /// `settlement` is what a sound age assessment found, where the age is
    /// disputed (`AgePresumption.settlement`); without one a disputed age means a child.
    /// Indicators must come from `IndicatorCatalogue` (checked by the caller's reader).
    public init(id: RecordID, received: CivilDate, firstResponder: FirstResponder, competentAuthority: CompetentAuthority?,
                subject: Subject, exploitation: [ExploitationType], indicators: [String],
                consentSignedOn: CivilDate?, account: String?, settlement: AgeSettlement? = nil,
                countyLines: Bool = false) throws(ReferralRefusal) {
        if case .dateOfBirth(let dob) = subject.age, dob > received { throw .bornAfterReferral }
        guard !exploitation.isEmpty else { throw .noExploitationType }
        if countyLines, !exploitation.contains(.criminal) { throw .countyLinesWithoutCriminal }
        let basis = AgePresumption.basis(for: subject.age, disputed: subject.ageDisputed, on: received, settlement: settlement)
        ageAssessment = basis.restsOnAssessment ? settlement?.assessment : nil
        if basis.isChild {
            consent = .notRequiredChild
        } else {
            guard let signed = consentSignedOn else { throw .adultWithoutConsent }
            guard signed <= received else { throw .consentSignedAfterReferral }
            consent = .signed(on: signed)
        }
        self.id = id
        self.received = received
        self.firstResponder = firstResponder
        self.competentAuthority = competentAuthority
        self.subject = subject
        self.ageBasis = basis
        self.exploitation = exploitation
        self.countyLines = countyLines
        self.indicators = indicators
        self.account = account
    }

    public var json: JSONValue {
        var s = JSONObjectBuilder()
        s.set("id", subject.id.rawValue)
        s.set("name", subject.name)
        switch subject.age {
        case .dateOfBirth(let d): s.set("dob", d)
        case .claimedAge(let n): s.set("claimed-age", n)
        }
        s.set("age-disputed", subject.ageDisputed)
        s.set("sex", subject.sex)
        s.set("nationality", subject.nationality?.code)
        s.set("languages", subject.languages.map(\.rawValue))
        s.set("interpreter-needed", subject.interpreterNeeded)

        var c = JSONObjectBuilder()
        switch consent {
        case .notRequiredChild: c.set("status", "not-required-child")
        case .signed(let on): c.set("status", "signed"); c.set("signed-on", on)
        }

        var b = Self.envelope()
        b.set("id", id.rawValue)
        b.set("received", received)
        b.set("first-responder", firstResponder)
        b.set("competent-authority", competentAuthority)
        b.set("subject", s.value)
        b.set("treated-as", treatedAs)
        b.set("age-basis", ageBasis)
        b.set("age-assessment", ageAssessment?.rawValue)
        b.set("exploitation", exploitation)
        if countyLines { b.set("county-lines", true) }
        b.set("indicators", indicators)
        b.set("consent", c.value)
        b.set("account", account)
        return b.value
    }

    public init(reading r: FieldReader) throws {
        let s = try r.object("subject")
        try s.allowOnly(["id", "name", "dob", "claimed-age", "age-disputed", "sex", "nationality", "languages", "interpreter-needed"])
        let dob = try s.optionalDate("dob")
        let claimed = try s.optionalInt("claimed-age", in: StatedAge.claimedAgeRange)
        let age: StatedAge
        switch (dob, claimed) {
        case (let d?, nil): age = .dateOfBirth(d)
        case (nil, let n?): age = .claimedAge(n)
        case (nil, nil): throw RecordError("field subject.dob or subject.claimed-age is needed: give the date of birth, or the age claimed")
        case (_?, _?): throw RecordError("fields subject.dob and subject.claimed-age are both given; give one")
        }
        let languages = try s.unique("languages", try s.stringArray("languages").enumerated().map { k, t in
            guard let tag = LanguageTag(t) else { throw RecordError("field subject.languages[\(k)]: '\(t.prefix(20))' is not a language tag such as en, sq or pt-br") }
            return tag
        })
        let subject = Subject(id: try s.id("id"), name: try s.optionalText("name"), age: age,
                              ageDisputed: try s.bool("age-disputed"), sex: try s.code("sex"),
                              nationality: try s.country("nationality"), languages: languages,
                              interpreterNeeded: try s.bool("interpreter-needed"))

        let consentFields = try r.object("consent")
        try consentFields.allowOnly(["status", "signed-on"])
        let signedOn: CivilDate?
        switch try consentFields.string("status") {
        case "signed": signedOn = try consentFields.date("signed-on")
        case "not-required-child":
            guard consentFields.object["signed-on"] == nil else { throw RecordError("field consent.signed-on goes only with status signed") }
            signedOn = nil
        default: throw RecordError("field consent.status: is not signed or not-required-child")
        }
        let indicators = try readIndicators(r)
        let storedBasis: AgeBasis = try r.code("age-basis")
        let storedGroup: AgeGroup = try r.code("treated-as")
        // A basis resting on an age assessment cannot be worked out again from
        // the referral alone: it is taken as recorded, with the assessment named.
        var settlement: AgeSettlement?
        if storedBasis.restsOnAssessment {
            guard subject.ageDisputed, try r.optionalString("age-assessment") != nil else {
                throw RecordError("field age-basis: \(storedBasis.rawValue) needs subject.age-disputed true and the age-assessment that settled it")
            }
            settlement = AgeSettlement(assessment: try r.id("age-assessment"), treatedAs: storedBasis.treatedAs)
        }
        do {
            try self.init(id: try r.id("id"), received: try r.date("received"), firstResponder: try r.code("first-responder"),
                          competentAuthority: try r.optionalCode("competent-authority"), subject: subject,
                          exploitation: try r.codes("exploitation"), indicators: indicators,
                          consentSignedOn: signedOn, account: try r.optionalText("account"), settlement: settlement,
                          countyLines: try r.optionalBool("county-lines") ?? false)
        } catch let refusal as ReferralRefusal {
            throw RecordError(refusal.description)
        }
        if ageAssessment == nil, try r.optionalString("age-assessment") != nil {
            throw RecordError("field age-assessment goes only with an age-basis of assessed-under-18 or assessed-18-or-over")
        }
        // The stored treatment must be the one the rules give: a record that says
        // "adult" for someone the rules treat as a child is wrong, not a choice.
        guard storedBasis == ageBasis, storedGroup == treatedAs else {
            throw RecordError("fields treated-as and age-basis say \(storedGroup.rawValue) (\(storedBasis.rawValue)) but the subject's age gives \(treatedAs.rawValue) (\(ageBasis.rawValue)) on the referral date")
        }
        if case .notRequiredChild = consent, try consentFields.string("status") == "signed" {
            throw RecordError("field consent.status: a child's referral records consent as not-required-child")
        }
    }
}

/// What the case fold and the statistics need of a referral: small, so that a
/// million referrals fit in memory (no name, no account, no indicators).
public struct ReferralFacts: Equatable, Sendable {
    public let id: RecordID
    public let subject: RecordID
    public let received: CivilDate
    public let treatedAs: AgeGroup
    /// The exploitation types, in the order given (the 2019 statistics count them all).
    public let exploitation: [ExploitationType]
    public let countyLines: Bool
    public let sex: Sex
    public let nationality: Country?
    public let firstResponder: FirstResponder

    /// The first exploitation type listed, taken as the primary one.
    public var primaryExploitation: ExploitationType { exploitation.first ?? .notSpecified }
}

public extension Referral {
    var facts: ReferralFacts {
        ReferralFacts(id: id, subject: subject.id, received: received, treatedAs: treatedAs,
                      exploitation: exploitation, countyLines: countyLines, sex: subject.sex,
                      nationality: subject.nationality, firstResponder: firstResponder)
    }
}
