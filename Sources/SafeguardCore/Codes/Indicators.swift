/// Where an indicator is seen. Child and adult settings follow SOLACE Annex 1
/// (L875-893); the last two add PLAN L249 and the Home Affairs Committee (DRIVER L41).
public enum IndicatorSetting: String, CodeList {
    case careHomesAndFosterFamilies = "care-homes-and-foster-families"
    case privateHomes = "private-homes"
    case schools
    case hospitalsAndGPs = "hospitals-and-gps"
    case asylumInterviews = "asylum-interviews"
    case street
    case massageParlours = "massage-parlours"
    case shopsRestaurantsFactories = "shops-restaurants-factories"
    case localAuthorityPremises = "local-authority-premises"
    case controlMethods = "control-methods"
    case domesticWorkers = "domestic-workers"

    public static let listName = "indicator setting"
    public var label: String {
        switch self {
        case .careHomesAndFosterFamilies: return "Care homes and foster families"
        case .privateHomes: return "Private homes"
        case .schools: return "Schools"
        case .hospitalsAndGPs: return "Hospitals and GP surgeries"
        case .asylumInterviews: return "Interviews with unaccompanied asylum-seeking children"
        case .street: return "On the streets"
        case .massageParlours: return "Massage parlours"
        case .shopsRestaurantsFactories: return "Shops, restaurants and factories"
        case .localAuthorityPremises: return "Local authority premises"
        case .controlMethods: return "Methods of control (any setting)"
        case .domesticWorkers: return "Domestic workers"
        }
    }
}

/// Whom an indicator applies to.
public enum IndicatorGroup: String, Sendable {
    case child, adult, any
}

/// One sign of trafficking. No single indicator is enough; several together
/// should raise suspicion (SOLACE L895).
public struct Indicator: Sendable, Hashable {
    public let code: String
    public let group: IndicatorGroup
    public let setting: IndicatorSetting
    public let text: String
    /// Who is likely to have first contact (SOLACE Annex 1, third column).
    public let firstContact: [String]
    public let source: String

    public func applies(to group: IndicatorGroup) -> Bool {
        self.group == .any || group == .any || self.group == group
    }
}

public enum IndicatorCatalogue {
    public static func indicator(_ code: String) -> Indicator? { byCode[code] }

    static let byCode: [String: Indicator] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    public static func unknownMessage(_ code: String) -> String {
        let shown = code.count > 40 ? String(code.prefix(40)) + "…" : code
        return "'\(shown)' is not in the indicator catalogue; run 'nrm-referral indicators' to list the codes"
    }

    /// The message for a code read from a record, which is not echoed.
    public static let unknownCodeMessage = "is not in the indicator catalogue; run 'nrm-referral indicators' to list the codes"

    public static let all: [Indicator] = {
        var list: [Indicator] = []
        func add(_ group: IndicatorGroup, _ setting: IndicatorSetting, _ contacts: [String], _ source: String, _ items: [(String, String)]) {
            for (code, text) in items {
                list.append(Indicator(code: code, group: group, setting: setting, text: text, firstContact: contacts, source: source))
            }
        }
        let annexChild = "SOLACE Annex 1, child victims (L875-884)"
        let annexAdult = "SOLACE Annex 1, adult victims (L885-893)"
        add(.child, .careHomesAndFosterFamilies, ["Foster carers", "Children's Services", "LSCBs"], annexChild, [
            ("child-history-of-missing", "Has a history of going missing and of unexplained moves"),
            ("child-unexplained-phone-calls", "Receives unexplained phone calls"),
            ("child-unexplained-money-goods", "Possesses money and goods not accounted for"),
            ("child-adults-loitering", "Adults loitering outside the place of residence"),
        ])
        add(.child, .privateHomes, ["Children's Services"], annexChild, [
            ("child-different-children-in-home", "Different children living in the same home at different times"),
            ("child-limited-freedom", "Child has limited freedom of movement"),
            ("child-excessive-housework", "Performs excessive housework chores and rarely leaves home"),
            ("child-malnourished", "Child is malnourished"),
            ("child-no-gp", "Has not been registered with or attended a GP practice"),
            ("child-no-school", "Has not been enrolled in a school"),
        ])
        add(.child, .schools, ["Teachers", "Children's Services"], annexChild, [
            ("child-unexplained-school-absence", "Unexplained periods of absence from school"),
            ("child-abuse-signs-school", "Signs of physical or sexual abuse"),
        ])
        add(.child, .hospitalsAndGPs, ["Children's Services", "A&E staff and GPs"], annexChild, [
            ("child-abuse-signs-health", "Shows signs of physical or sexual abuse"),
        ])
        add(.child, .asylumInterviews, ["Children's Services"], annexChild, [
            ("child-prepared-story", "Has prepared a story similar to those other children have given"),
            ("child-mistrust-authority", "Mistrust of authority figures"),
            ("child-phone-no-money", "Has a mobile phone but no money"),
        ])
        add(.child, .street, ["Crime and Disorder Reduction Partnerships", "Youth Offending Teams"], annexChild, [
            ("child-begging", "Child begging"),
            ("child-petty-crime", "Child committing petty crime, e.g. pickpocketing"),
            ("child-street-prostitution", "Underage street prostitution"),
        ])
        add(.adult, .massageParlours, ["Licensing officers", "Prostitution outreach teams"], annexAdult, [
            ("adult-high-security-premises", "High security at the work or living quarters (opaque or boarded windows, bars, barbed wire, cameras)"),
            ("adult-not-free-to-leave", "Not free to come and go or to take breaks"),
            ("adult-appears-under-18", "Appears to be under 18"),
            ("adult-abuse-restraint-parlour", "Signs of physical or sexual abuse, restraint, confinement or torture"),
        ])
        add(.adult, .street, ["Prostitution outreach teams", "Gender equality officers"], annexAdult, [
            ("adult-unhappy-fearful", "Appears unhappy and fearful"),
            ("adult-abuse-restraint-street", "Signs of physical or sexual abuse, restraint, confinement or torture"),
            ("adult-unprotected-sex-low-price", "Special services offered, including unprotected sex at a low price"),
            ("adult-only-sex-related-english", "Knows only sex-related words in English"),
            ("adult-controlled-by-pimp", "Appears to be closely controlled by a pimp"),
        ])
        add(.adult, .shopsRestaurantsFactories, ["Health and Safety Inspectors", "Environmental Health Officers", "Trading Standards Officers"], annexAdult, [
            ("adult-abuse-restraint-work", "Staff show signs of physical abuse or restraint"),
            ("adult-no-safety-equipment", "Poor or non-existent safety equipment"),
            ("adult-unsuitable-clothing", "Workers do not have suitable clothing for their work"),
            ("adult-no-days-off", "Workers have no days off or holiday time"),
            ("adult-employer-holds-id", "Employer is holding their identification documents"),
        ])
        add(.adult, .privateHomes, ["Housing officers", "Adult social services", "Migrant integration teams"], annexAdult, [
            ("adult-overcrowded", "Overcrowded conditions, many people sharing one room"),
            ("adult-does-not-know-address", "Occupants do not know their own address"),
            ("adult-escorted-outside", "Not allowed outside unless the 'employer' is with them"),
            ("adult-minibus-unusual-times", "Minibuses pick up occupants at unusual times"),
        ])
        add(.adult, .localAuthorityPremises, ["All council staff"], annexAdult, [
            ("adult-cleaning-workers-fearful", "Workers on cleaning contracts arrive in minibuses and appear fearful"),
            ("adult-building-workers-controlled", "Workers on building contracts arrive in minibuses and appear controlled"),
            ("adult-no-own-id-papers", "Workers do not have their own identification papers"),
            ("adult-no-days-off-council", "Workers have no days off or holiday time"),
        ])
        add(.any, .controlMethods, ["Any agency"], "PLAN L249", [
            ("documents-removed", "Identity or travel documents removed"),
            ("debt-bondage", "Held by an unrealistic debt (debt bondage)"),
            ("threats-to-family", "Threats of violence against them or their family"),
            ("physical-sexual-emotional-abuse", "Physical, sexual or emotional abuse"),
            ("restricted-freedom", "Personal freedom severely restricted"),
        ])
        add(.adult, .domesticWorkers, ["Police"], "DRIVER L41 (Home Affairs Committee 2009)", [
            ("identity-documents-confiscated", "Identity documents deliberately confiscated and retained"),
            ("domestic-worker-reported-absconded", "Employer reports that a domestic worker has 'absconded'"),
        ])
        return list
    }()
}

extension Indicator: LaidOutRecord {
    /// The catalogue entry as an `indicator` record.
    public static let kind = "indicator"
    public static let layout: [JSONField<Self>] = [
        .init("code", \.code), .init("setting", \.setting), .init("group", \.group.rawValue), .init("text", \.text),
        .init("first-contact", \.firstContact), .init("source", \.source),
    ]
}
