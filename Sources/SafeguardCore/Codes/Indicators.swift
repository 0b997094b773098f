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
    /// Internal trafficking and child sexual exploitation, in any setting (SOLACE L336; CHESHIRE L95-98, L114-116, L215).
    case internalTraffickingCSE = "internal-trafficking-cse"

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
        case .internalTraffickingCSE: return "Internal trafficking and child sexual exploitation (any setting)"
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
    /// How the local authority makes sure the signs are picked up (SOLACE Annex 1,
    /// fourth column: "How do we ensure that we are picking up the signs?"); nil where the source gives none.
    public let pickingUpSigns: [String]?
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
        func add(_ group: IndicatorGroup, _ setting: IndicatorSetting, _ contacts: [String], _ source: String, _ items: [(String, String)],
                 signs: [String]? = nil) {
            for (code, text) in items {
                list.append(Indicator(code: code, group: group, setting: setting, text: text, firstContact: contacts, pickingUpSigns: signs, source: source))
            }
        }
        let annexChild = "SOLACE Annex 1, child victims (L875-884)"
        let annexAdult = "SOLACE Annex 1, adult victims (L885-893)"
        add(.child, .careHomesAndFosterFamilies, ["Foster carers", "Children's Services", "LSCBs"], annexChild, [
            ("child-history-of-missing", "Has a history of going missing and of unexplained moves"),
            ("child-unexplained-phone-calls", "Receives unexplained phone calls"),
            ("child-unexplained-money-goods", "Possesses money and goods not accounted for"),
            ("child-adults-loitering", "Adults loitering outside the place of residence"),
        ], signs: ["LSCB sub-group on child trafficking formed", "Training for foster carers and social workers on victim identification"])
        add(.child, .privateHomes, ["Children's Services"], annexChild, [
            ("child-different-children-in-home", "Different children living in the same home at different times"),
            ("child-limited-freedom", "Child has limited freedom of movement"),
            ("child-excessive-housework", "Performs excessive housework chores and rarely leaves home"),
            ("child-malnourished", "Child is malnourished"),
            ("child-no-gp", "Has not been registered with or attended a GP practice"),
            ("child-no-school", "Has not been enrolled in a school"),
        ], signs: ["Social workers trained in identifying trafficked children"])
        add(.child, .schools, ["Teachers", "Children's Services"], annexChild, [
            ("child-unexplained-school-absence", "Unexplained periods of absence from school"),
            ("child-abuse-signs-school", "Signs of physical or sexual abuse"),
        ], signs: ["Training and information materials for teachers"])
        add(.child, .hospitalsAndGPs, ["Children's Services", "A&E staff and GPs"], annexChild, [
            ("child-abuse-signs-health", "Shows signs of physical or sexual abuse"),
        ], signs: ["A protocol between children's services and the PCT so that checks against the Child Protection Register are made"])
        add(.child, .asylumInterviews, ["Children's Services"], annexChild, [
            ("child-prepared-story", "Has prepared a story similar to those other children have given"),
            ("child-mistrust-authority", "Mistrust of authority figures"),
            ("child-phone-no-money", "Has a mobile phone but no money"),
        ], signs: ["Social workers trained in identifying trafficked children"])
        add(.child, .street, ["Crime and Disorder Reduction Partnerships", "Youth Offending Teams"], annexChild, [
            ("child-begging", "Child begging"),
            ("child-petty-crime", "Child committing petty crime, e.g. pickpocketing"),
            ("child-street-prostitution", "Underage street prostitution"),
        ], signs: ["CDRPs and Youth Offending Teams build awareness of child trafficking"])
        add(.adult, .massageParlours, ["Licensing officers", "Prostitution outreach teams"], annexAdult, [
            ("adult-high-security-premises", "High security at the work or living quarters (opaque or boarded windows, bars, barbed wire, cameras)"),
            ("adult-not-free-to-leave", "Not free to come and go or to take breaks"),
            ("adult-appears-under-18", "Appears to be under 18"),
            ("adult-abuse-restraint-parlour", "Signs of physical or sexual abuse, restraint, confinement or torture"),
        ], signs: ["Training for licensing officers", "A prostitution outreach strategy that includes identifying and assisting trafficked victims"])
        add(.adult, .street, ["Prostitution outreach teams", "Gender equality officers"], annexAdult, [
            ("adult-unhappy-fearful", "Appears unhappy and fearful"),
            ("adult-abuse-restraint-street", "Signs of physical or sexual abuse, restraint, confinement or torture"),
            ("adult-unprotected-sex-low-price", "Special services offered, including unprotected sex at a low price"),
            ("adult-only-sex-related-english", "Knows only sex-related words in English"),
            ("adult-controlled-by-pimp", "Appears to be closely controlled by a pimp"),
        ], signs: ["A prostitution outreach strategy that includes identifying and assisting trafficked victims"])
        add(.adult, .shopsRestaurantsFactories, ["Health and Safety Inspectors", "Environmental Health Officers", "Trading Standards Officers"], annexAdult, [
            ("adult-abuse-restraint-work", "Staff show signs of physical abuse or restraint"),
            ("adult-no-safety-equipment", "Poor or non-existent safety equipment"),
            ("adult-unsuitable-clothing", "Workers do not have suitable clothing for their work"),
            ("adult-no-days-off", "Workers have no days off or holiday time"),
            ("adult-employer-holds-id", "Employer is holding their identification documents"),
        ], signs: ["Health and safety, environmental health and trading standards officers trained in victim awareness"])
        add(.adult, .privateHomes, ["Housing officers", "Adult social services", "Migrant integration teams"], annexAdult, [
            ("adult-overcrowded", "Overcrowded conditions, many people sharing one room"),
            ("adult-does-not-know-address", "Occupants do not know their own address"),
            ("adult-escorted-outside", "Not allowed outside unless the 'employer' is with them"),
            ("adult-minibus-unusual-times", "Minibuses pick up occupants at unusual times"),
        ], signs: ["Housing officers trained in victim awareness", "A migrant integration strategy that includes awareness of human trafficking"])
        add(.adult, .localAuthorityPremises, ["All council staff"], annexAdult, [
            ("adult-cleaning-workers-fearful", "Workers on cleaning contracts arrive in minibuses and appear fearful"),
            ("adult-building-workers-controlled", "Workers on building contracts arrive in minibuses and appear controlled"),
            ("adult-no-own-id-papers", "Workers do not have their own identification papers"),
            ("adult-no-days-off-council", "Workers have no days off or holiday time"),
        ], signs: ["Blue Blindfold / STOP THE TRAFFIK pamphlets on victim identification given to all council staff"])
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
        // Internal trafficking and CSE: UK children can be trafficked within the UK (SOLACE L336; PLAN L121).
        add(.child, .internalTraffickingCSE, ["Social workers", "Foster carers", "Youth Offending Teams"], "SOLACE L336", [
            ("cse-short-missing-spells", "Goes missing from care for short periods, again and again"),
            ("cse-gifts-from-older-men", "Spends time with older men who give them gifts"),
            ("cse-breaking-away", "Breaks away from family and former friends"),
            ("cse-drugs-alcohol", "Uses drugs or alcohol"),
            ("cse-secrecy", "Is secretive about where they are going"),
        ], signs: ["Social workers, foster carers, Youth Offending Teams and other frontline staff made aware of internal trafficking (SOLACE L332)"])
        add(.child, .internalTraffickingCSE, ["Children's Services", "Police"], "CHESHIRE L95-98", [
            ("cse-taxi-to-adult-address", "Taxis arranged to take them from the placement to an adult's address"),
            ("cse-found-at-adult-property", "Frequently missing and found at the same adult's property (a harbouring warning issued)"),
            ("criminal-exploitation-arrested", "Arrested in a raid on a cannabis farm, or for other crime they were made to commit (a victim, not an offender: CHESHIRE L211)"),
        ])
        add(.any, .internalTraffickingCSE, ["Police", "Licensing officers"], "CHESHIRE L97, L215", [
            ("work-in-nail-bars", "Works in a nail bar, night club or similar, with no visa to work in the UK"),
        ])
        add(.child, .internalTraffickingCSE, ["Any agency"], "CHESHIRE L114-116", [
            ("does-not-see-abuse", "Does not recognise the abuse, or believes it consensual"),
            ("locked-up-no-money", "Locked up and deprived of money, or told they and their family owe a large debt"),
        ])
        return list
    }()
}

extension Indicator: LaidOutRecord {
    /// The catalogue entry as an `indicator` record.
    public static let kind = "indicator"
    public static let layout: [JSONField<Self>] = [
        .init("code", \.code), .init("setting", \.setting), .init("group", \.group.rawValue), .init("text", \.text),
        .init("first-contact", \.firstContact), .init("picking-up-signs", \.pickingUpSigns), .init("source", \.source),
    ]
}
